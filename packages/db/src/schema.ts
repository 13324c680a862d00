import type { ColumnType } from "kysely";

/**
 * Table types, in snake_case as stored. Timestamps are ISO-8601 UTC text on both dialects so that they
 * sort and compare the same way everywhere; measured values are decimal text so they never drift.
 */
type Timestamp = string;
type Json = string;

export type OrganizationTable = {
  id: string;
  name: string;
  locale: string;
  timezone: string;
  mission: string;
  vision: string;
  strategy: string;
  settings: Json;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type UserTable = {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MembershipTable = {
  org_id: string;
  user_id: string;
  role: string;
  department_id: string | null;
  manager_id: string | null;
  title: string | null;
  status: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DepartmentTable = {
  org_id: string;
  id: string;
  parent_id: string | null;
  name: string;
  leader_id: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type CycleTable = {
  org_id: string;
  id: string;
  name: string;
  kind: string;
  start_date: string;
  end_date: string;
  parent_id: string | null;
  phase: string;
  phase_due: Json;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ObjectiveTable = {
  org_id: string;
  id: string;
  cycle_id: string;
  level: string;
  owner_department_id: string | null;
  owner_user_id: string | null;
  title: string;
  description: string;
  weight: number;
  visibility: string;
  status: string;
  progress: number;
  health: string;
  score: number | null;
  parent_objective_id: string | null;
  parent_key_result_id: string | null;
  review: Json | null;
  reject_reason: string | null;
  created_by: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type KeyResultTable = {
  org_id: string;
  id: string;
  objective_id: string;
  owner_user_id: string | null;
  title: string;
  type: string;
  unit: string | null;
  start_value: string | null;
  target_value: string | null;
  current_value: string | null;
  direction: string | null;
  aggregation: string | null;
  parent_key_result_id: string | null;
  weight: number;
  confidence: number;
  progress: number;
  progress_raw: number;
  health: string;
  self_score: number | null;
  manager_score: number | null;
  score: number | null;
  score_comment: string | null;
  position: number;
  last_check_in_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type MilestoneTable = {
  org_id: string;
  id: string;
  key_result_id: string;
  title: string;
  weight: number;
  done: number;
  position: number;
};

export type CheckInTable = {
  org_id: string;
  id: string;
  key_result_id: string;
  objective_id: string;
  author_id: string;
  value: string | null;
  previous_value: string | null;
  milestones_done: Json | null;
  confidence: number;
  note: string;
  progress: number;
  created_at: Timestamp;
};

export type ObjectiveSupportTable = {
  org_id: string;
  objective_id: string;
  supported_objective_id: string;
  created_at: Timestamp;
};

export type AuditLogTable = {
  org_id: string;
  id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  objective_id: string | null;
  reason: string | null;
  before: Json | null;
  after: Json | null;
  created_at: Timestamp;
};

export type SessionTable = {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  revoked_at: Timestamp | null;
};

export type LoginAttemptTable = {
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
};

export type AdjustmentTable = {
  org_id: string;
  id: string;
  objective_id: string;
  key_result_id: string | null;
  requested_by: string;
  reason: string;
  /** The requested patch, in the API's field names. */
  changes: Json;
  status: string;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  created_at: Timestamp;
};

/** The whole database, as Kysely sees it. */
export type Database = {
  organization: OrganizationTable;
  user: UserTable;
  membership: MembershipTable;
  department: DepartmentTable;
  cycle: CycleTable;
  objective: ObjectiveTable;
  key_result: KeyResultTable;
  milestone: MilestoneTable;
  check_in: CheckInTable;
  objective_support: ObjectiveSupportTable;
  audit_log: AuditLogTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  adjustment: AdjustmentTable;
};
