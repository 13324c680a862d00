import { EditOutlined } from "@ant-design/icons";
import type { Member, Objective } from "@luodi/client";
import { Button, Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ProgressBar } from "../../components/ProgressBar.tsx";
import { ConfidenceTag, HealthTag, KindTag, LevelTag, StatusTag } from "../../components/Tags.tsx";
import { KeyResultValue } from "./KeyResultLine.tsx";

/** An objective with its KRs as the home page shows it; each KR of mine has a one-click update. */
export function ObjectiveCard({
  objective,
  userId,
  members,
  cycleId,
}: {
  objective: Objective;
  userId: string;
  members: ReadonlyMap<string, Member>;
  cycleId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="objective-card"
      data-testid="objective-card"
      title={
        <Link to={`/objectives/${objective.id}`} className="objective-card-title">
          {objective.title}
        </Link>
      }
      style={{ marginBottom: 16 }}
    >
      <div className="kr-meta" style={{ marginBottom: 8 }}>
        <LevelTag level={objective.level} />
        <KindTag kind={objective.kind} />
        <StatusTag status={objective.status} />
        <HealthTag health={objective.health} />
      </div>
      <ProgressBar progress={objective.progress} health={objective.health} label={objective.title} />
      {objective.keyResults.length === 0 ? (
        <Typography.Text type="secondary">{t("home.noKeyResults")}</Typography.Text>
      ) : (
        <ol className="kr-list" aria-label={t("keyResult.listOf", { name: objective.title })}>
          {objective.keyResults.map((kr, index) => (
            <li key={kr.id} className="kr-row" data-testid="kr-row">
              <div className="kr-row-head">
                <span className="kr-title">
                  <span className="muted">KR{index + 1} </span>
                  {kr.title}
                </span>
                {kr.ownerUserId === userId && kr.type !== "rollup" && kr.abilities.checkIn ? (
                  <Link to={`/check-in?cycle=${cycleId}&kr=${kr.id}`}>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t("home.updateKr", { name: kr.title })}
                    >
                      {t("home.update")}
                    </Button>
                  </Link>
                ) : null}
              </div>
              <div className="kr-meta">
                <KeyResultValue keyResult={kr} />
                <HealthTag health={kr.health} />
                <ConfidenceTag confidence={kr.confidence} />
                {kr.ownerUserId && kr.ownerUserId !== userId ? (
                  <span>{members.get(kr.ownerUserId)?.name}</span>
                ) : null}
              </div>
              <ProgressBar
                progress={kr.progress}
                progressRaw={kr.progressRaw}
                health={kr.health}
                label={kr.title}
                size="small"
              />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
