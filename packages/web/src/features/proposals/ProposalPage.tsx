import { ApartmentOutlined, ArrowLeftOutlined, LineChartOutlined } from "@ant-design/icons";
import type { CoachFinding, Proposal } from "@luodi/client";
import { Alert, Button, Card, Descriptions, Empty, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useProposal } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { KR_TYPE_KEYS } from "../../components/labels.ts";
import { ServerHtml } from "../../components/ServerHtml.tsx";
import { LevelTag } from "../../components/Tags.tsx";
import { formatDateTime, formatMeasure } from "../../lib/format.ts";
import { CoachHints } from "../editor/CoachHints.tsx";
import { racePath } from "./board-model.ts";
import { CoachScore } from "./CoachScore.tsx";
import { ProposalActions } from "./ProposalActions.tsx";
import { PROPOSAL_STATUS_COLORS, PROPOSAL_STATUS_KEYS } from "./proposal-labels.ts";
import { SpinOffModal } from "./SpinOffModal.tsx";
import "./proposals.css";

/**
 * One proposal: the pitch, the draft KRs and what the coach made of them, the backing and the team, the
 * decision and the objective it became, and the spin-off into a department of its own.
 */
export function ProposalPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const proposal = useProposal(id);
  const [spinningOff, setSpinningOff] = useState(false);
  if (proposal.isPending) return <Loading />;
  if (proposal.isError) return <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const p = proposal.data;
  const { parent } = p;
  return (
    <div data-testid="proposal-page">
      <Link to="/proposals" className="proposal-back">
        <ArrowLeftOutlined /> {t("proposals.backToBoard")}
      </Link>
      <div className="page-header">
        <div>
          <h1 data-testid="proposal-heading">{p.title}</h1>
          <Typography.Text type="secondary">
            {t("proposals.by")} <Link to={`/people/${p.proposer.id}`}>{p.proposer.name}</Link> ·{" "}
            {formatDateTime(p.createdAt, i18n.language)}
          </Typography.Text>
        </div>
        <div className="page-header-actions">
          <Tag color={PROPOSAL_STATUS_COLORS[p.status]} data-testid="proposal-status" data-status={p.status}>
            {t(PROPOSAL_STATUS_KEYS[p.status])}
          </Tag>
          <Link to={racePath(parent)} data-testid="proposal-race-link">
            <LineChartOutlined /> {t("proposals.raceView")}
          </Link>
        </div>
      </div>
      <div className="proposal-detail-actions">
        <ProposalActions proposal={p} />
        {p.abilities.spinOff ? (
          <>
            <Button
              icon={<ApartmentOutlined />}
              onClick={() => setSpinningOff(true)}
              data-testid="proposal-spin-off"
            >
              {t("proposals.spinOff")}
            </Button>
            <SpinOffModal proposal={p} open={spinningOff} onClose={() => setSpinningOff(false)} />
          </>
        ) : null}
      </div>
      <Outcome proposal={p} />
      <div className="proposal-detail-grid">
        <div className="proposal-detail-main">
          <Card size="small" title={t("proposals.parent")}>
            <div className="proposal-card-parent" data-testid="proposal-parent">
              <LevelTag level={parent.objective.level} />
              <Link to={`/objectives/${parent.objective.id}`}>{parent.objective.title}</Link>
              {parent.keyResult ? (
                <>
                  {" / "}
                  <Tag>KR</Tag>
                  <span>{parent.keyResult.title}</span>
                </>
              ) : null}
            </div>
            {parent.department ? (
              <Typography.Text type="secondary">
                {t("proposals.parentDepartmentOf")}{" "}
                <Link to={`/departments/${parent.department.id}`}>{parent.department.name}</Link>
              </Typography.Text>
            ) : null}
          </Card>
          <Card size="small" title={t("proposals.pitch")}>
            {p.pitch.trim() ? (
              <ServerHtml html={p.pitchHtml} testId="proposal-pitch-html" />
            ) : (
              <Typography.Text type="secondary">{t("proposals.noPitch")}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t("proposals.draftKrs")}>
            {p.keyResults.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("proposals.noKrs")} />
            ) : (
              <ol className="proposal-krs" data-testid="proposal-krs">
                {p.keyResults.map((kr, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: draft KRs have no id, and their order never changes
                  <li key={index} data-testid="proposal-kr-row">
                    <span className="proposal-kr-title">{kr.title}</span>
                    <span className="muted proposal-kr-meta">
                      {t(KR_TYPE_KEYS[kr.type])}
                      {kr.targetValue !== null
                        ? ` · ${formatMeasure(Number(kr.startValue ?? 0), kr.unit, i18n.language)} → ${formatMeasure(Number(kr.targetValue), kr.unit, i18n.language)}`
                        : ""}
                      {kr.owner ? ` · ${kr.owner.name}` : ""}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div className="proposal-detail-side">
          <Card size="small" title={t("proposals.support")}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("proposals.backers")}>
                <span data-testid="proposal-backers">{p.backerCount}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("proposals.team")}>
                <span data-testid="proposal-team">
                  <Link to={`/people/${p.proposer.id}`}>{p.proposer.name}</Link>
                  {t("proposals.lead")}
                  {p.team.map((person) => (
                    <span key={person.id}>
                      {", "}
                      <Link to={`/people/${person.id}`}>{person.name}</Link>
                    </span>
                  ))}
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t("coach.title")} data-testid="proposal-coach">
            <CoachScore score={p.coach.score} />
            <CoachFindings findings={p.coach.findings} />
          </Card>
        </div>
      </div>
    </div>
  );
}

/** The decision (who, when, why), the objective it became, and the department it grew into. */
function Outcome({ proposal: p }: { proposal: Proposal }) {
  const { t, i18n } = useTranslation();
  if (!p.decision && !p.spinOff) return null;
  return (
    <div className="proposal-outcome">
      {p.decision ? (
        <Alert
          type={p.status === "accepted" ? "success" : p.status === "rejected" ? "error" : "info"}
          showIcon
          data-testid="proposal-decision"
          title={t(p.status === "accepted" ? "proposals.acceptedBy" : "proposals.decidedBy", {
            name: p.decision.by.name,
            when: formatDateTime(p.decision.at, i18n.language),
          })}
          description={
            <>
              {p.decision.reason ? (
                <div data-testid="proposal-decision-reason">
                  {t("proposals.reason")}: {p.decision.reason}
                </div>
              ) : null}
              {p.objectiveId ? (
                <Link to={`/objectives/${p.objectiveId}`} data-testid="proposal-objective-link">
                  {t("proposals.objectiveLink")}
                </Link>
              ) : null}
            </>
          }
        />
      ) : null}
      {p.spinOff ? (
        <Alert
          type="success"
          showIcon
          icon={<ApartmentOutlined />}
          data-testid="proposal-spin-off-info"
          title={t("proposals.spunOffInto", {
            by: p.spinOff.by.name,
            when: formatDateTime(p.spinOff.at, i18n.language),
          })}
          description={
            <Link to={`/departments/${p.spinOff.department.id}`} data-testid="proposal-department-link">
              {p.spinOff.department.name}
            </Link>
          }
        />
      ) : null}
    </div>
  );
}

/** The coach's findings on the proposal as it was made, each under the title or the KR it concerns. */
function CoachFindings({ findings }: { findings: Proposal["coach"]["findings"] }) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return <Typography.Paragraph type="secondary">{t("proposals.coachClean")}</Typography.Paragraph>;
  }
  const groups = new Map<string, Proposal["coach"]["findings"]>();
  for (const finding of findings)
    groups.set(finding.target, [...(groups.get(finding.target) ?? []), finding]);
  return (
    <div className="proposal-coach-findings">
      {[...groups].map(([target, group]) => {
        const kr = /^keyResults\[(\d+)\]$/.exec(target);
        return (
          <div key={target}>
            <Typography.Text strong>
              {kr
                ? `KR${Number(kr[1]) + 1}`
                : target === "set"
                  ? t("proposals.draftKrs")
                  : t("proposals.titleLabel")}
            </Typography.Text>
            {/* The schema's regex keeps `target` to objective | set | keyResults[i]; zod types it as a string. */}
            <CoachHints findings={group as CoachFinding[]} />
          </div>
        );
      })}
    </div>
  );
}
