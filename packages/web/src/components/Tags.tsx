import type { Health, ObjectiveKind, ObjectiveLevel, ObjectiveStatus } from "@luodi/client";
import type { ScoreReading } from "@luodi/core";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import {
  HEALTH_COLORS,
  HEALTH_KEYS,
  LEVEL_KEYS,
  OBJECTIVE_KIND_GUIDANCE_KEYS,
  OBJECTIVE_KIND_KEYS,
  SCORE_READING_KEYS,
  STATUS_KEYS,
} from "./labels.ts";

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

/** 承诺型 / 挑战型, with how it is scored as its tooltip (title). */
export function KindTag({ kind }: { kind: ObjectiveKind }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={kind === "committed" ? "volcano" : "gold"}
      variant="outlined"
      title={t(OBJECTIVE_KIND_GUIDANCE_KEYS[kind])}
      data-kind={kind}
      data-testid="objective-kind"
    >
      {t(OBJECTIVE_KIND_KEYS[kind])}
    </Tag>
  );
}

const READING_COLORS: Record<ScoreReading, string> = { short: "orange", success: "green", above: "blue" };

/** Whether a final score fell short of, met or went past what its kind calls success. */
export function ReadingTag({ reading }: { reading: ScoreReading }) {
  const { t } = useTranslation();
  return (
    <Tag color={READING_COLORS[reading]} data-reading={reading} data-testid="score-reading">
      {t(SCORE_READING_KEYS[reading])}
    </Tag>
  );
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
