import type {
  AlignmentInput,
  CoachReviewInput,
  KeyResult,
  KeyResultInput,
  KeyResultPatch,
  KeyResultType,
  ObjectiveDetail,
  ObjectiveInput,
  ObjectiveLevel,
  ObjectivePatch,
} from "@luodi/client";

/** One KR as the editor holds it; `id` is set for KRs that exist already. */
export type KeyResultValues = {
  id?: string;
  title?: string;
  type: KeyResultType;
  unit?: string | null;
  startValue?: number | null;
  targetValue?: number | null;
  direction?: "increase" | "decrease";
  weight?: number | null;
  ownerUserId?: string | null;
  milestones?: Array<{ id?: string; title?: string; weight?: number | null }>;
  aggregation?: "progress" | "sum";
};

/** The editor's form; `parent` encodes the alignment target as `o:<objectiveId>` or `k:<keyResultId>`. */
export type EditorValues = {
  cycleId?: string;
  level: ObjectiveLevel;
  ownerUserId?: string | null;
  ownerDepartmentId?: string | null;
  title?: string;
  description?: string;
  weight?: number | null;
  visibility: "public" | "department" | "private";
  parent?: string | null;
  supports?: string[];
  keyResults?: KeyResultValues[];
  reason?: string;
};

export const NUMERIC_TYPES: ReadonlySet<KeyResultType> = new Set(["number", "percentage", "currency"]);

/** Whether the KR takes start, target, direction and unit: numeric ones, and rollups that sum. */
export function hasMeasure(kr: Pick<KeyResultValues, "type" | "aggregation">): boolean {
  return NUMERIC_TYPES.has(kr.type) || (kr.type === "rollup" && kr.aggregation === "sum");
}

export function emptyKeyResult(): KeyResultValues {
  return { type: "number", direction: "increase", startValue: 0, weight: 1 };
}

export function valuesOf(objective: ObjectiveDetail): EditorValues {
  const { parentObjectiveId, parentKeyResultId, supports } = objective.alignment;
  return {
    cycleId: objective.cycleId,
    level: objective.level,
    ownerUserId: objective.ownerUserId,
    ownerDepartmentId: objective.ownerDepartmentId,
    title: objective.title,
    description: objective.description ?? "",
    weight: objective.weight,
    visibility: objective.visibility,
    parent: parentObjectiveId
      ? `o:${parentObjectiveId}`
      : parentKeyResultId
        ? `k:${parentKeyResultId}`
        : null,
    supports,
    keyResults: objective.keyResults.map(keyResultValuesOf),
  };
}

function keyResultValuesOf(kr: KeyResult): KeyResultValues {
  return {
    id: kr.id,
    title: kr.title,
    type: kr.type,
    unit: kr.unit,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    direction: kr.direction ?? "increase",
    weight: kr.weight,
    ownerUserId: kr.ownerUserId,
    milestones: kr.milestones?.map((m) => ({ id: m.id, title: m.title, weight: m.weight })),
    ...(kr.aggregation ? { aggregation: kr.aggregation } : {}),
  };
}

const text = (value: string | null | undefined) => (value ?? "").trim();
const optional = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** The API input for a new KR: only the fields its type takes. */
export function keyResultInputOf(kr: KeyResultValues): KeyResultInput {
  const base: KeyResultInput = {
    title: text(kr.title),
    type: kr.type,
    ...(kr.weight ? { weight: kr.weight } : {}),
    ...(kr.ownerUserId ? { ownerUserId: kr.ownerUserId } : {}),
  };
  if (kr.type === "milestone") {
    return {
      ...base,
      milestones: (kr.milestones ?? []).map((m) => ({
        title: text(m.title),
        ...(m.weight ? { weight: m.weight } : {}),
      })),
    };
  }
  if (kr.type === "boolean") return base;
  const measure = {
    ...(text(kr.unit) ? { unit: text(kr.unit) } : {}),
    ...(kr.startValue !== undefined && kr.startValue !== null ? { startValue: kr.startValue } : {}),
    ...(kr.targetValue !== undefined && kr.targetValue !== null ? { targetValue: kr.targetValue } : {}),
    ...(kr.direction ? { direction: kr.direction } : {}),
  };
  if (kr.type === "rollup") {
    const aggregation = kr.aggregation ?? "progress";
    return { ...base, aggregation, ...(aggregation === "sum" ? measure : {}) };
  }
  return { ...base, ...measure };
}

export function objectiveInputOf(values: EditorValues, rootDepartmentId: string | undefined): ObjectiveInput {
  const owner =
    values.level === "personal"
      ? values.ownerUserId
        ? { ownerUserId: values.ownerUserId }
        : {}
      : {
          ownerDepartmentId:
            values.level === "company" ? rootDepartmentId : (values.ownerDepartmentId ?? undefined),
        };
  return {
    cycleId: values.cycleId ?? "",
    level: values.level,
    ...owner,
    title: text(values.title),
    ...(text(values.description) ? { description: text(values.description) } : {}),
    ...(values.weight ? { weight: values.weight } : {}),
    visibility: values.visibility,
    keyResults: (values.keyResults ?? []).map(keyResultInputOf),
  };
}

/** The alignment to send, or null when it did not change. */
export function alignmentChange(
  values: EditorValues,
  before: ObjectiveDetail | undefined,
): AlignmentInput | null {
  const parent = values.parent ?? null;
  const next: AlignmentInput = {
    parentObjectiveId: parent?.startsWith("o:") ? parent.slice(2) : null,
    parentKeyResultId: parent?.startsWith("k:") ? parent.slice(2) : null,
    supports: values.supports ?? [],
  };
  const previous = before?.alignment ?? { parentObjectiveId: null, parentKeyResultId: null, supports: [] };
  const same =
    (next.parentObjectiveId ?? null) === previous.parentObjectiveId &&
    (next.parentKeyResultId ?? null) === previous.parentKeyResultId &&
    [...(next.supports ?? [])].sort().join() === [...previous.supports].sort().join();
  return same ? null : next;
}

/** The objective fields that changed, or null. */
export function objectivePatchOf(values: EditorValues, before: ObjectiveDetail): ObjectivePatch | null {
  const patch: ObjectivePatch = {};
  if (text(values.title) !== before.title) patch.title = text(values.title);
  if (text(values.description) !== (before.description ?? "")) patch.description = text(values.description);
  if (values.weight && values.weight !== before.weight) patch.weight = values.weight;
  if (values.visibility !== before.visibility) patch.visibility = values.visibility;
  return Object.keys(patch).length ? patch : null;
}

/** The KR fields that changed, or null. Type and milestones of an existing KR are fixed. */
export function keyResultPatchOf(values: KeyResultValues, before: KeyResult): KeyResultPatch | null {
  const patch: KeyResultPatch = {};
  if (text(values.title) !== before.title) patch.title = text(values.title);
  if (values.weight && values.weight !== before.weight) patch.weight = values.weight;
  if ((values.ownerUserId ?? null) !== before.ownerUserId && values.ownerUserId)
    patch.ownerUserId = values.ownerUserId;
  if (hasMeasure(values)) {
    const unit = text(values.unit) || null;
    if (unit !== (before.unit ?? null)) patch.unit = unit;
    const start = optional(values.startValue);
    if (start !== undefined && start !== before.startValue) patch.startValue = start;
    const target = optional(values.targetValue);
    if (target !== undefined && target !== before.targetValue) patch.targetValue = target;
    if (values.direction && values.direction !== before.direction) patch.direction = values.direction;
  }
  return Object.keys(patch).length ? patch : null;
}

/** What the coach reads of the form, as typed so far. */
export function coachInputOf(
  values: EditorValues,
  language: "zh-CN" | "en",
  ownerObjectiveCount: number,
): CoachReviewInput {
  return {
    objective: { title: values.title ?? "", description: values.description ?? null },
    keyResults: (values.keyResults ?? []).map((kr) => ({
      title: kr.title ?? "",
      type: kr.type,
      ...(hasMeasure(kr) && typeof kr.startValue === "number" ? { startValue: kr.startValue } : {}),
      ...(hasMeasure(kr) && typeof kr.targetValue === "number" ? { targetValue: kr.targetValue } : {}),
    })),
    locale: language,
    ownerObjectiveCount,
  };
}
