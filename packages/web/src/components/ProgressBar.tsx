import type { Health } from "@luodi/client";
import { Progress } from "antd";
import { useTranslation } from "react-i18next";
import { formatPercent } from "../lib/format.ts";

const STROKE: Record<Health, string> = {
  on_track: "#52c41a",
  at_risk: "#faad14",
  off_track: "#ff4d4f",
  done: "#1677ff",
};
// Not committed yet (a draft): no health, so a neutral bar rather than a verdict.
const NO_HEALTH_STROKE = "#8c8c8c";

/** A progress bar with its percentage; raw over-achievement (120 %) is printed even though the bar stops at 100. */
export function ProgressBar({
  progress,
  progressRaw,
  health,
  label,
  size = "default",
}: {
  progress: number;
  progressRaw?: number;
  /** Null for an objective not committed yet: the bar is then neutral. */
  health: Health | null;
  /** What the bar measures, for screen readers. */
  label: string;
  size?: "small" | "default";
}) {
  const { t } = useTranslation();
  const shown = progressRaw !== undefined && progressRaw > progress ? progressRaw : progress;
  return (
    <Progress
      percent={Math.round(progress * 100)}
      strokeColor={health === null ? NO_HEALTH_STROKE : STROKE[health]}
      size={size === "small" ? "small" : "medium"}
      format={() => <span data-testid="progress-text">{formatPercent(shown)}</span>}
      aria-label={t("keyResult.progressOf", { name: label, percent: formatPercent(shown) })}
      status="normal"
    />
  );
}
