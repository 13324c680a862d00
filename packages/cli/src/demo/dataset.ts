import type { Aggregation, Direction, KeyResultType, Locale, ObjectiveLevel, Visibility } from "@luodi/core";
import type { Trajectory } from "./trajectory.ts";

/**
 * The realistic demo organization, written once per language. Keys tie the pieces together and are the
 * same in every language, so both organizations have the same shape; the texts and amounts are the
 * locale's own.
 */
export type DemoDataset = {
  locale: Locale;
  organization: { name: string; timezone: string; mission: string; vision: string; strategy: string };
  /** The one password every demo login shares. */
  password: string;
  cycleNames: { annual: (year: number) => string; quarter: (year: number, quarter: number) => string };
  /** The CEO: sets the organization up (owner) and leads the root department. */
  ceo: DemoPerson;
  departments: readonly DemoDepartment[];
  /** Everyone but the CEO, managers before the people who report to them. */
  people: readonly DemoPerson[];
  /** Company annual, company quarterly, department and personal objectives, parents before children. */
  objectives: readonly DemoObjective[];
  notes: DemoNotes;
  /** People whose logins are printed at the end, besides the CEO. */
  featuredLogins: readonly string[];
};

type DemoDepartment = {
  key: string;
  name: string;
  /** Key of the parent department; the root department (the company) when absent. */
  parent?: string;
  /** Key of the person who leads it. */
  leader: string;
};

export type DemoPerson = {
  key: string;
  name: string;
  email: string;
  title: string;
  /** Department key; "root" for the company itself. */
  department: string;
  /** Key of the person they report to. */
  manager?: string;
  role?: "admin" | "member";
};

export type DemoKeyResult = {
  key: string;
  title: string;
  type: KeyResultType;
  unit?: string;
  start?: number;
  target?: number;
  direction?: Direction;
  milestones?: readonly string[];
  aggregation?: Aggregation;
  /** Key of the sum rollup KR this KR's value adds into. */
  contributesTo?: string;
  /** Person key of the owner; the objective's owner (or the department's leader) when absent. */
  owner?: string;
  /** How it fares: drives the check-in values and confidence. Roll-ups take theirs from below. */
  trajectory: Trajectory;
  /** Notes for its check-ins, oldest first; the generic notes fill in where these run out. */
  notes?: readonly string[];
};

export type DemoObjective = {
  key: string;
  cycle: "annual" | "quarter";
  level: ObjectiveLevel;
  /** Department key for company ("root") and department objectives, person key for personal ones. */
  owner: string;
  title: string;
  description?: string;
  visibility?: Visibility;
  /** The objective or KR (by key) above it. */
  alignTo?: { objective: string } | { keyResult: string };
  /** Objectives (by key) it backs across teams. */
  supports?: readonly string[];
  keyResults: readonly DemoKeyResult[];
};

/**
 * Check-in notes by how the KR is doing. Placeholders: {value} and {target} (with unit), {done} and
 * {total} (milestones), {progress} (percent).
 */
type DemoNotes = {
  measured: Record<Trajectory, readonly string[]>;
  milestone: { progressing: readonly string[]; done: readonly string[] };
  boolean: { pending: readonly string[]; done: readonly string[] };
  rollup: { good: readonly string[]; worried: readonly string[] };
};
