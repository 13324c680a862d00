import { Progress, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** The coach's 0–100 quality score as a ring, or a hint to start typing before there is one. */
export function CoachScore({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return <Typography.Text type="secondary">{t("coach.waiting")}</Typography.Text>;
  return (
    <div className="proposal-coach-score">
      <Progress
        type="circle"
        size={64}
        percent={score}
        format={(p) => `${p}`}
        strokeColor={score >= 80 ? "#52c41a" : score >= 60 ? "#faad14" : "#ff4d4f"}
        aria-label={t("coach.score", { score })}
      />
      <Typography.Text data-testid="coach-score">{t("coach.score", { score })}</Typography.Text>
    </div>
  );
}
