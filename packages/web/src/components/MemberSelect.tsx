import type { Member } from "@luodi/client";
import { Select } from "antd";
import { type CSSProperties, useMemo } from "react";
import { useMemberNames } from "../api/queries.ts";
import { useMemberSearch } from "../api/search.ts";

type Value = string | string[] | null | undefined;

const idsOf = (value: Value): string[] => (Array.isArray(value) ? value : value ? [value] : []);

/**
 * Picks people by searching the server as one types (name or email), never by reading the whole
 * organization; the chosen ones keep their names (`GET /members?ids=`). `accept` narrows the matches
 * offered (active people, not oneself…).
 */
export function MemberSelect({
  id,
  value,
  onChange,
  multiple = false,
  accept,
  placeholder,
  allowClear,
  disabled,
  style,
  testId,
  "aria-label": ariaLabel,
}: {
  id?: string;
  value?: Value;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  accept?: (member: Member) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
  "aria-label"?: string;
}) {
  const search = useMemberSearch(!disabled);
  const chosenIds = useMemo(() => idsOf(value), [value]);
  const chosen = useMemberNames(chosenIds);
  const options = useMemo(() => {
    const seen = new Set<string>();
    const list: { value: string; label: string }[] = [];
    for (const userId of chosenIds) {
      seen.add(userId);
      list.push({ value: userId, label: chosen.byId.get(userId)?.name ?? "" });
    }
    for (const member of search.results) {
      if (seen.has(member.userId) || (accept && !accept(member))) continue;
      seen.add(member.userId);
      list.push({ value: member.userId, label: member.name });
    }
    return list;
  }, [chosenIds, chosen.byId, search.results, accept]);
  return (
    <Select<string | string[]>
      id={id}
      mode={multiple ? "multiple" : undefined}
      value={multiple ? chosenIds : (chosenIds[0] ?? undefined)}
      onChange={(next) => onChange?.(next ?? null)}
      showSearch={{ filterOption: false, onSearch: search.onSearch }}
      loading={search.loading}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      style={style}
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}
