import type { Health, ObjectiveLevel, ObjectiveStatus } from "@luodi/client";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { HEALTH_COLORS, HEALTH_KEYS, LEVEL_KEYS, STATUS_KEYS } from "./labels.ts";

/** 状态 of a KR or objective; nothing for one that is not committed yet (a draft has no health). */
export function HealthTag({ health }: { health: Health | null }) {
  const { t } = useTranslation();
  if (health === null) return null;
  return (
    <Tag color={HEALTH_COLORS[health]} data-health={health}>
      {t(HEALTH_KEYS[health])}
    </Tag>
  );
}

const STATUS_COLORS: Record<ObjectiveStatus, string> = {
  draft: "default",
  submitted: "processing",
  published: "success",
  closed: "default",
};

export function StatusTag({ status }: { status: ObjectiveStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(STATUS_KEYS[status])}
    </Tag>
  );
}

export function LevelTag({ level }: { level: ObjectiveLevel }) {
  const { t } = useTranslation();
  const color = level === "company" ? "purple" : level === "department" ? "cyan" : "geekblue";
  return <Tag color={color}>{t(LEVEL_KEYS[level])}</Tag>;
}

/**
 * 信心指数 0–10, coloured like the health it implies (≤3 落后, ≤6 有风险); "—" before the owner's first
 * check-in gives one.
 */
export function ConfidenceTag({ confidence }: { confidence: number | null }) {
  const { t } = useTranslation();
  if (confidence === null) {
    return (
      <Tag variant="filled" data-confidence="none">
        {t("keyResult.confidenceUnset")}
      </Tag>
    );
  }
  const color = confidence <= 3 ? "red" : confidence <= 6 ? "gold" : "green";
  return (
    <Tag color={color} variant="filled" data-confidence={confidence}>
      {t("keyResult.confidence", { value: confidence })}
    </Tag>
  );
}
