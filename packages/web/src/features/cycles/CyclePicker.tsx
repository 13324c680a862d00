import type { Cycle } from "@luodi/client";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { PHASE_KEYS } from "../../components/labels.ts";
import { sortCyclesForPicker } from "../../lib/cycles.ts";

export function CyclePicker({
  cycles,
  value,
  onChange,
}: {
  cycles: readonly Cycle[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t("common.cycle")}
      data-testid="cycle-picker"
      value={value}
      onChange={onChange}
      style={{ minWidth: 200, maxWidth: "100%" }}
      popupMatchSelectWidth={false}
      options={sortCyclesForPicker(cycles).map((c) => ({
        value: c.id,
        label: `${c.name} · ${t(PHASE_KEYS[c.phase])}`,
      }))}
    />
  );
}
