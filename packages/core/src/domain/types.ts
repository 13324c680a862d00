/** Languages the product speaks. */
export type Locale = "zh-CN" | "en";
export const LOCALES = ["zh-CN", "en"] as const;

/** A member's role in an organization. */
export type Role = "owner" | "admin" | "member";
export const ROLES = ["owner", "admin", "member"] as const;

export type MemberStatus = "active" | "deactivated";
export const MEMBER_STATUSES = ["active", "deactivated"] as const;

export type CycleKind = "annual" | "half" | "quarter" | "bimonthly" | "month" | "custom";
export const CYCLE_KINDS = ["annual", "half", "quarter", "bimonthly", "month", "custom"] as const;

/** Phases of a cycle, in the only order they may be walked. */
export type CyclePhase = "planning" | "aligning" | "in_progress" | "scoring" | "reviewing" | "closed";
export const CYCLE_PHASES = [
  "planning",
  "aligning",
  "in_progress",
  "scoring",
  "reviewing",
  "closed",
] as const;

export type ObjectiveLevel = "company" | "department" | "personal";
export const OBJECTIVE_LEVELS = ["company", "department", "personal"] as const;

export type Visibility = "public" | "department" | "private";
export const VISIBILITIES = ["public", "department", "private"] as const;

/**
 * Committed (承诺型: expected to reach 1.0) or aspirational (挑战型: 0.6–0.7 is success, the default). The
 * kind says how a score reads; it never changes how progress or the score is computed.
 */
export const OBJECTIVE_KINDS = ["committed", "aspirational"] as const;
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];

/** Workflow state of an objective (never the derived health). */
export type ObjectiveStatus = "draft" | "submitted" | "published" | "closed";
export const OBJECTIVE_STATUSES = ["draft", "submitted", "published", "closed"] as const;

export type Health = "on_track" | "at_risk" | "off_track" | "done";
export const HEALTHS = ["on_track", "at_risk", "off_track", "done"] as const;

export type KeyResultType = "number" | "percentage" | "currency" | "milestone" | "boolean" | "rollup";
export const KEY_RESULT_TYPES = [
  "number",
  "percentage",
  "currency",
  "milestone",
  "boolean",
  "rollup",
] as const;
/** Types whose progress is computed from start, target and current value. */
export const NUMERIC_TYPES: ReadonlySet<KeyResultType> = new Set(["number", "percentage", "currency"]);

export type Direction = "increase" | "decrease";
export const DIRECTIONS = ["increase", "decrease"] as const;

/** How a rollup KR takes its value from below. */
export type Aggregation = "progress" | "sum";
export const AGGREGATIONS = ["progress", "sum"] as const;

/** Where a requested change (调整) stands. */
export type AdjustmentStatus = "pending" | "approved" | "rejected";
export const ADJUSTMENT_STATUSES = ["pending", "approved", "rejected"] as const;

/** A decimal number kept as text so that stored measures never drift. */
export type DecimalString = string;

/** The organization structure that permissions and alignment rules read. */
export type OrgGraph = {
  rootDepartmentId: string;
  departments: ReadonlyMap<string, { id: string; parentId: string | null; leaderId: string | null }>;
  members: ReadonlyMap<
    string,
    {
      userId: string;
      role: Role;
      departmentId: string | null;
      managerId: string | null;
      status: MemberStatus;
      /** How answers name the member (an objective's approver); absent where no answer needs it. */
      name?: string;
    }
  >;
};

/** Who acts: a user in one organization. */
export type Actor = { userId: string; role: Role };
