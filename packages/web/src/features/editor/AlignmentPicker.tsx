import type { Cycle, Department, Member, Objective, ObjectiveLevel } from "@luodi/client";
import { Select, Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LEVEL_KEYS } from "../../components/labels.ts";

const RANK: Record<ObjectiveLevel, number> = { company: 3, department: 2, personal: 1 };

type Option = { value: string; label: React.ReactNode; search: string };

function ownerOf(
  o: Objective,
  members: ReadonlyMap<string, Member>,
  departments: ReadonlyMap<string, Department>,
) {
  return o.ownerUserId ? members.get(o.ownerUserId)?.name : departments.get(o.ownerDepartmentId ?? "")?.name;
}

/**
 * Picks the parent an objective aligns to: an objective or one of its KRs, at the same level or above, in
 * this cycle or one enclosing it. Search by title; each option shows level, owner and cycle. The server
 * has the last word on what is "above" (alignment.level).
 */
export function AlignmentPicker({
  id,
  value,
  onChange,
  candidates,
  level,
  selfId,
  cycles,
  members,
  departments,
  mode,
  onSearch,
  searching,
}: {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  candidates: readonly Objective[];
  level: ObjectiveLevel;
  selfId: string | undefined;
  cycles: readonly Cycle[];
  members: readonly Member[];
  departments: readonly Department[];
  /** `parent` (one objective or KR) or `supports` (any number of objectives). */
  mode: "parent" | "supports";
  /** When given, the server searches as one types: the candidates are its matches. */
  onSearch?: (text: string) => void;
  searching?: boolean;
}) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const memberMap = new Map(members.map((m) => [m.userId, m]));
    const departmentMap = new Map(departments.map((d) => [d.id, d]));
    const cycleMap = new Map(cycles.map((c) => [c.id, c]));
    const eligible = candidates.filter(
      (o) => o.id !== selfId && (mode === "supports" || RANK[o.level] >= RANK[level]),
    );
    const result: Option[] = [];
    for (const o of eligible.sort((a, b) => RANK[b.level] - RANK[a.level])) {
      const owner = ownerOf(o, memberMap, departmentMap) ?? "";
      const cycle = cycleMap.get(o.cycleId)?.name ?? "";
      result.push({
        value: mode === "parent" ? `o:${o.id}` : o.id,
        search: `${o.title} ${owner} ${cycle}`.toLowerCase(),
        label: (
          <span className="alignment-option">
            <Tag color={o.level === "company" ? "purple" : o.level === "department" ? "cyan" : "geekblue"}>
              {t(LEVEL_KEYS[o.level])}
            </Tag>
            <span className="alignment-option-title">{o.title}</span>
            <span className="muted alignment-option-meta">
              {owner} · {cycle}
            </span>
          </span>
        ),
      });
      if (mode === "parent") {
        for (const kr of o.keyResults) {
          result.push({
            value: `k:${kr.id}`,
            search: `${kr.title} ${o.title}`.toLowerCase(),
            label: (
              <span className="alignment-option alignment-option-kr">
                <Tag>KR</Tag>
                <span className="alignment-option-title">{kr.title}</span>
                <span className="muted alignment-option-meta">{o.title}</span>
              </span>
            ),
          });
        }
      }
    }
    return result;
  }, [candidates, selfId, level, mode, members, departments, cycles, t]);

  return (
    <Select<string | string[]>
      id={id}
      mode={mode === "supports" ? "multiple" : undefined}
      value={value ?? (mode === "supports" ? [] : undefined)}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      showSearch={{
        // With a server search the candidates are its matches (an objective found by a KR's title among
        // them); the options shown are still the ones whose own text matches.
        filterOption: (input, option) =>
          ((option as Option | undefined)?.search ?? "").includes(input.trim().toLowerCase()),
        ...(onSearch ? { onSearch } : {}),
      }}
      loading={searching}
      placeholder={mode === "parent" ? t("editor.parentPlaceholder") : t("editor.supportsPlaceholder")}
      options={options}
      optionLabelProp="label"
      notFoundContent={t("editor.noCandidates")}
      popupMatchSelectWidth
      style={{ width: "100%" }}
      data-testid={mode === "parent" ? "alignment-parent" : "alignment-supports"}
    />
  );
}
