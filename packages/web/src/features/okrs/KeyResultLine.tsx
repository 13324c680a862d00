import type { KeyResult } from "@luodi/client";
import { useTranslation } from "react-i18next";
import { formatMeasure } from "../../lib/format.ts";

/** Where a KR stands, in its own terms: "12 / 20 万元", "2/5 milestones", "done". */
export function KeyResultValue({ keyResult }: { keyResult: KeyResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  switch (keyResult.type) {
    case "milestone": {
      const milestones = keyResult.milestones ?? [];
      return (
        <span>
          {t("keyResult.milestonesDone", {
            done: milestones.filter((m) => m.done).length,
            total: milestones.length,
          })}
        </span>
      );
    }
    case "boolean":
      return <span>{keyResult.currentValue === 1 ? t("keyResult.done") : t("keyResult.notDone")}</span>;
    default:
      return (
        <span>
          {formatMeasure(keyResult.currentValue ?? keyResult.startValue, keyResult.unit, language)}
          {" / "}
          {formatMeasure(keyResult.targetValue, keyResult.unit, language)}
        </span>
      );
  }
}
