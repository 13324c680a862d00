import {
  DIRECTION_KEYS,
  KR_TYPE_KEYS,
  LEVEL_KEYS,
  STATUS_KEYS,
  VISIBILITY_KEYS,
} from "../../components/labels.ts";

/** Labels of the fields a change may touch, in the API's names (adjustments and the change history). */
const FIELD_KEYS = {
  title: "adjustments.field.title",
  description: "adjustments.field.description",
  weight: "adjustments.field.weight",
  visibility: "adjustments.field.visibility",
  targetValue: "adjustments.field.targetValue",
  startValue: "adjustments.field.startValue",
  unit: "adjustments.field.unit",
  direction: "adjustments.field.direction",
  ownerUserId: "adjustments.field.ownerUserId",
  milestones: "adjustments.field.milestones",
  parentKeyResultId: "adjustments.field.parentKeyResultId",
  status: "adjustments.field.status",
  level: "adjustments.field.level",
  type: "adjustments.field.type",
} as const;

type FieldKey = (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS];
type EnumKey =
  | (typeof VISIBILITY_KEYS)[keyof typeof VISIBILITY_KEYS]
  | (typeof DIRECTION_KEYS)[keyof typeof DIRECTION_KEYS]
  | (typeof STATUS_KEYS)[keyof typeof STATUS_KEYS]
  | (typeof LEVEL_KEYS)[keyof typeof LEVEL_KEYS]
  | (typeof KR_TYPE_KEYS)[keyof typeof KR_TYPE_KEYS];

/** The translation function as these labels need it: catalogue keys in, the user's words out. */
export type Translate = (key: FieldKey | EnumKey) => string;

// Fields whose values are codes of an enumeration: shown by their label, never by the code.
const ENUM_KEYS: Record<string, Readonly<Record<string, EnumKey>>> = {
  visibility: VISIBILITY_KEYS,
  direction: DIRECTION_KEYS,
  status: STATUS_KEYS,
  level: LEVEL_KEYS,
  type: KR_TYPE_KEYS,
};

/** A field's label in the user's language (`visibility` → 可见范围), or its API name when it has none. */
function fieldLabel(t: Translate, field: string): string {
  const key = (FIELD_KEYS as Record<string, FieldKey>)[field];
  return key ? t(key) : field;
}

/**
 * A changed value as people read it: enumerations by their label (`department` → 部门), people by their
 * name, milestones by their titles, nothing as "—".
 */
function fieldValue(
  t: Translate,
  field: string,
  value: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") {
    const key = ENUM_KEYS[field]?.[value];
    if (key) return t(key);
    if (field === "ownerUserId") return names.get(value) ?? "—";
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        typeof v === "object" && v !== null && "title" in v
          ? String(v.title)
          : fieldValue(t, field, v, names),
      )
      .join(", ");
  }
  return JSON.stringify(value);
}

/** The fields of a change, each with its label and its values before and after, as people read them. */
export function describeChanges(
  t: Translate,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  names?: ReadonlyMap<string, string>,
): Array<{ field: string; label: string; before: string; after: string }> {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => field !== "updatedAt" && field !== "updated_at",
  );
  return fields.map((field) => ({
    field,
    label: fieldLabel(t, field),
    before: fieldValue(t, field, before[field], names),
    after: fieldValue(t, field, after[field], names),
  }));
}

/** The people a change names (its `ownerUserId` values, before and after): the names to ask the server for. */
export function ownersNamedIn(...changes: ReadonlyArray<unknown>): string[] {
  const ids = new Set<string>();
  for (const change of changes) {
    if (typeof change !== "object" || change === null) continue;
    const owner = (change as Record<string, unknown>).ownerUserId;
    for (const value of Array.isArray(owner) ? owner : [owner]) if (typeof value === "string") ids.add(value);
  }
  return [...ids];
}
