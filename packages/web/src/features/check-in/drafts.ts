import type { CheckInInput, KeyResult } from "@luodi/client";

/** What a person has typed for one KR on the check-in screen. */
export type Draft = {
  value: number | null;
  milestonesDone: string[];
  done: boolean;
  /** Null until the person picks one: a KR has no confidence before its first check-in. */
  confidence: number | null;
  note: string;
};

/** A draft that can be sent: a check-in always carries a confidence. */
export type CompleteDraft = Draft & { confidence: number };

/** True when the draft carries a confidence, as every check-in must (the first one included). */
export function hasConfidence(draft: Draft): draft is CompleteDraft {
  return draft.confidence !== null;
}

/** The draft of a KR nobody has touched: its current state (no confidence before the first check-in). */
export function baselineOf(kr: KeyResult): Draft {
  return {
    value: kr.currentValue,
    milestonesDone: (kr.milestones ?? []).filter((m) => m.done).map((m) => m.id),
    done: kr.currentValue === 1,
    confidence: kr.confidence,
    note: "",
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** True when the draft says something new: a value, milestones, done, confidence or a note. */
export function isChanged(kr: KeyResult, draft: Draft): boolean {
  const base = baselineOf(kr);
  if (draft.confidence !== base.confidence || draft.note.trim() !== "") return true;
  switch (kr.type) {
    case "milestone":
      return !sameSet(draft.milestonesDone, base.milestonesDone);
    case "boolean":
      return draft.done !== base.done;
    case "rollup":
      return false;
    default:
      return draft.value !== null && draft.value !== base.value;
  }
}

/** The check-in the API takes for a draft: the value in the form the KR's type asks for. */
export function checkInOf(kr: KeyResult, draft: CompleteDraft): CheckInInput {
  const note = draft.note.trim();
  const common = { confidence: draft.confidence, ...(note ? { note } : {}) };
  switch (kr.type) {
    case "milestone":
      return { ...common, milestonesDone: draft.milestonesDone };
    case "boolean":
      return { ...common, value: draft.done ? 1 : 0 };
    case "rollup":
      return common;
    default:
      return { ...common, value: draft.value ?? kr.currentValue ?? kr.startValue ?? 0 };
  }
}

/** Where this person's unsent check-ins wait in the tab (lib/draft-storage.ts). */
export function checkInDraftsKey(userId: string): string {
  return `luodi.draft.check-in.${userId}`;
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    (d.value === null || typeof d.value === "number") &&
    Array.isArray(d.milestonesDone) &&
    d.milestonesDone.every((id) => typeof id === "string") &&
    typeof d.done === "boolean" &&
    (d.confidence === null ||
      (typeof d.confidence === "number" && d.confidence >= 0 && d.confidence <= 10)) &&
    typeof d.note === "string"
  );
}

/** Whether a kept value is the check-in screen's drafts, by KR id. */
export function isDraftSet(value: unknown): value is Record<string, Draft> {
  return typeof value === "object" && value !== null && Object.values(value).every(isDraft);
}
