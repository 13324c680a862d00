import type {
  AlignmentInput,
  CoachReviewInput,
  KeyResult,
  KeyResultInput,
  KeyResultType,
  ObjectiveDetail,
  ObjectiveInput,
  ObjectiveKind,
  ObjectiveLevel,
  ObjectiveSaveInput,
} from "@luodi/client";

/** One KR of a whole-objective save. */
type KeyResultSave = ObjectiveSaveInput["keyResults"][number];

/** One KR as the editor holds it; `id` is set for KRs that exist already. */
export type KeyResultValues = {
  id?: string;
  title?: string;
  type: KeyResultType;
  unit?: string | null;
  startValue?: number | null;
  targetValue?: number | null;
  /** Chosen by the user; left unset, the numbers say it (see {@link inferredDirection}). */
  direction?: "increase" | "decrease" | null;
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
  /** 承诺型 or 挑战型; unset (a draft kept before the field existed) is the server's default, aspirational. */
  kind?: ObjectiveKind;
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
  return { type: "number", startValue: 0, weight: 1 };
}

/**
 * The direction the server gives a KR whose direction is not chosen (core's KR definition rule): a target
 * below the start means "bring it down" (降低), otherwise "raise it" (增长). The editor shows it while the
 * user has not picked one, and sends none, so 60 → 45 is not refused for a default 增长.
 */
export function inferredDirection(
  kr: Pick<KeyResultValues, "startValue" | "targetValue">,
): "increase" | "decrease" {
  const start = kr.startValue ?? 0;
  return typeof kr.targetValue === "number" && kr.targetValue < start ? "decrease" : "increase";
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
    kind: objective.kind,
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
    // A stored direction is always the one its numbers say (the server refuses any other), so an edit
    // starts from "not chosen": changing the numbers changes the direction with them.
    direction: null,
    weight: kr.weight,
    ownerUserId: kr.ownerUserId,
    milestones: kr.milestones?.map((m) => ({ id: m.id, title: m.title, weight: m.weight })),
    ...(kr.aggregation ? { aggregation: kr.aggregation } : {}),
  };
}

const text = (value: string | null | undefined) => (value ?? "").trim();

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
    ...(values.kind ? { kind: values.kind } : {}),
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

/**
 * One KR of the whole-objective save: a new KR as on create; an existing one with its id (fields left out
 * keep their value on the server, so a cleared unit goes as null) and its milestones with their ids.
 */
function keyResultSaveOf(kr: KeyResultValues): KeyResultSave {
  const input = keyResultInputOf(kr);
  if (!kr.id) return input;
  return {
    ...input,
    id: kr.id,
    ...(hasMeasure(kr) ? { unit: text(kr.unit) || null } : {}),
    ...(kr.type === "milestone"
      ? {
          milestones: (kr.milestones ?? []).map((m) => ({
            ...(m.id ? { id: m.id } : {}),
            title: text(m.title),
            ...(m.weight ? { weight: m.weight } : {}),
          })),
        }
      : {}),
  };
}

/**
 * The body of the one request that saves an edited objective with its KRs (PUT /objectives/:id): the KRs
 * shown are the KRs kept, so a KR removed in the form is deleted by the save.
 */
export function objectiveSaveInputOf(values: EditorValues): ObjectiveSaveInput {
  const reason = text(values.reason);
  return {
    title: text(values.title),
    description: text(values.description),
    ...(values.weight ? { weight: values.weight } : {}),
    visibility: values.visibility,
    ...(values.kind ? { kind: values.kind } : {}),
    ...(reason ? { reason } : {}),
    keyResults: (values.keyResults ?? []).map(keyResultSaveOf),
  };
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
    // The coach says where the key results' words contradict the kind chosen.
    ...(values.kind ? { kind: values.kind } : {}),
  };
}

/** An objective being written and not saved, kept in the tab (lib/draft-storage.ts). */
export type EditorDraft = {
  /** The version of the objective it was opened on (null for a new one): a draft of an older one is dropped. */
  version: number | null;
  values: EditorValues;
};

/** Where the draft of an objective (or of a new one, from a template or not) waits in the tab. */
export function editorDraftKey(
  userId: string,
  objectiveId: string | undefined,
  template: string | null,
): string {
  return `luodi.draft.editor.${userId}.${objectiveId ?? `new.${template ?? ""}`}`;
}

/** Whether a kept value is an editor draft: the form's values with the version they were based on. */
export function isEditorDraft(value: unknown): value is EditorDraft {
  if (typeof value !== "object" || value === null) return false;
  const { version, values } = value as { version?: unknown; values?: unknown };
  if (version !== null && typeof version !== "number") return false;
  if (typeof values !== "object" || values === null) return false;
  const v = values as Record<string, unknown>;
  return (
    typeof v.level === "string" &&
    typeof v.visibility === "string" &&
    (v.keyResults === undefined ||
      (Array.isArray(v.keyResults) &&
        v.keyResults.every((kr) => typeof kr === "object" && kr !== null && typeof kr.type === "string")))
  );
}
