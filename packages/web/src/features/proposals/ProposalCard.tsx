import { LikeOutlined, TeamOutlined } from "@ant-design/icons";
import type { Proposal } from "@luodi/client";
import { Card, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../lib/format.ts";
import { ProposalActions } from "./ProposalActions.tsx";
import { PROPOSAL_STATUS_COLORS, PROPOSAL_STATUS_KEYS } from "./proposal-labels.ts";

/**
 * One proposal on the board, under the heading of the parent it serves: who proposes what, its backing and
 * team, what I may do.
 */
export function ProposalCard({ proposal }: { proposal: Proposal }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" className="proposal-card" data-testid="proposal-card" data-id={proposal.id}>
      <div className="proposal-card-head">
        <Link to={`/proposals/${proposal.id}`} className="proposal-card-title" data-testid="proposal-title">
          {proposal.title}
        </Link>
        <Tag
          color={PROPOSAL_STATUS_COLORS[proposal.status]}
          data-testid="proposal-status"
          data-status={proposal.status}
        >
          {t(PROPOSAL_STATUS_KEYS[proposal.status])}
        </Tag>
      </div>
      <Typography.Text type="secondary" className="proposal-card-meta">
        {t("proposals.by")} <Link to={`/people/${proposal.proposer.id}`}>{proposal.proposer.name}</Link> ·{" "}
        {formatDate(proposal.createdAt, i18n.language)}
      </Typography.Text>
      <div className="proposal-card-facts">
        <span data-testid="proposal-backers">
          <LikeOutlined /> {t("proposals.backerCount", { count: proposal.backerCount })}
        </span>
        <span data-testid="proposal-team">
          <TeamOutlined />{" "}
          {proposal.team.length === 0
            ? t("proposals.noTeam")
            : proposal.team.map((person) => person.name).join(", ")}
        </span>
        {proposal.objectiveId ? (
          <Link to={`/objectives/${proposal.objectiveId}`} data-testid="proposal-objective-link">
            {t("proposals.objectiveLink")}
          </Link>
        ) : null}
      </div>
      <div className="proposal-card-actions">
        <ProposalActions proposal={proposal} size="small" />
      </div>
    </Card>
  );
}
