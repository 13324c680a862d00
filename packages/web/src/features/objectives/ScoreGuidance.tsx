import type { Objective } from "@luodi/client";
import { readScore } from "@luodi/core";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { OBJECTIVE_KIND_GUIDANCE_KEYS } from "../../components/labels.ts";
import { KindTag, ReadingTag } from "../../components/Tags.tsx";
import { formatScore } from "../people/score-format.ts";

/**
 * The scoring guidance of the objective's kind next to its score: a committed objective is expected to reach
 * 1.0, an aspirational one succeeds at 0.6–0.7 — so the same 0.7 reads as short for one and success for the other.
 */
export function ScoreGuidance({
  objective,
  scale,
}: {
  objective: Pick<Objective, "kind" | "score">;
  scale: "0-1" | "0-100";
}) {
  const { t } = useTranslation();
  const { kind, score } = objective;
  return (
    <div className="kr-meta" data-testid="score-guidance" style={{ marginBottom: 12 }}>
      <KindTag kind={kind} />
      <Typography.Text type="secondary">{t(OBJECTIVE_KIND_GUIDANCE_KEYS[kind])}</Typography.Text>
      {score !== null ? (
        <>
          <strong data-testid="objective-score">
            {t("objectiveKind.score", { score: formatScore(score, scale) })}
          </strong>
          <ReadingTag reading={readScore(kind, score)} />
        </>
      ) : null}
    </div>
  );
}
