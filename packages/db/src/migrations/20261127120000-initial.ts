import type { Kysely } from "kysely";

/**
 * The first schema. Every tenant table carries org_id first in its primary key and indexes, so a
 * multi-tenant deployment can shard by organization without a schema change.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever schema exists at their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organization")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("timezone", "text", (c) => c.notNull())
    .addColumn("mission", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("vision", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("strategy", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("locale", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("membership")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("department_id", "text")
    .addColumn("manager_id", "text")
    .addColumn("title", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("membership_pk", ["org_id", "user_id"])
    .execute();
  await db.schema.createIndex("membership_user_idx").on("membership").columns(["user_id"]).execute();
  await db.schema
    .createIndex("membership_department_idx")
    .on("membership")
    .columns(["org_id", "department_id"])
    .execute();

  await db.schema
    .createTable("department")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("leader_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .addPrimaryKeyConstraint("department_pk", ["org_id", "id"])
    .execute();

  await db.schema
    .createTable("cycle")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("phase_due", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cycle_pk", ["org_id", "id"])
    .execute();

  await db.schema
    .createTable("objective")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("cycle_id", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("owner_department_id", "text")
    .addColumn("owner_user_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("weight", "double precision", (c) => c.notNull().defaultTo(1))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("progress", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("health", "text", (c) => c.notNull())
    .addColumn("score", "double precision")
    .addColumn("parent_objective_id", "text")
    .addColumn("parent_key_result_id", "text")
    .addColumn("review", "text")
    .addColumn("reject_reason", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .addPrimaryKeyConstraint("objective_pk", ["org_id", "id"])
    .addForeignKeyConstraint("objective_cycle_fk", ["org_id", "cycle_id"], "cycle", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("objective_cycle_idx")
    .on("objective")
    .columns(["org_id", "cycle_id"])
    .execute();
  await db.schema
    .createIndex("objective_owner_user_idx")
    .on("objective")
    .columns(["org_id", "owner_user_id", "cycle_id"])
    .execute();
  await db.schema
    .createIndex("objective_owner_department_idx")
    .on("objective")
    .columns(["org_id", "owner_department_id", "cycle_id"])
    .execute();
  await db.schema
    .createIndex("objective_parent_objective_idx")
    .on("objective")
    .columns(["org_id", "parent_objective_id"])
    .execute();
  await db.schema
    .createIndex("objective_parent_kr_idx")
    .on("objective")
    .columns(["org_id", "parent_key_result_id"])
    .execute();

  await db.schema
    .createTable("key_result")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("start_value", "text")
    .addColumn("target_value", "text")
    .addColumn("current_value", "text")
    .addColumn("direction", "text")
    .addColumn("aggregation", "text")
    .addColumn("parent_key_result_id", "text")
    .addColumn("weight", "double precision", (c) => c.notNull().defaultTo(1))
    .addColumn("confidence", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("progress", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_raw", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("health", "text", (c) => c.notNull())
    .addColumn("self_score", "double precision")
    .addColumn("manager_score", "double precision")
    .addColumn("score", "double precision")
    .addColumn("score_comment", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .addPrimaryKeyConstraint("key_result_pk", ["org_id", "id"])
    .addForeignKeyConstraint("key_result_objective_fk", ["org_id", "objective_id"], "objective", [
      "org_id",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("key_result_objective_idx")
    .on("key_result")
    .columns(["org_id", "objective_id"])
    .execute();
  await db.schema
    .createIndex("key_result_owner_idx")
    .on("key_result")
    .columns(["org_id", "owner_user_id"])
    .execute();
  await db.schema
    .createIndex("key_result_parent_idx")
    .on("key_result")
    .columns(["org_id", "parent_key_result_id"])
    .execute();

  await db.schema
    .createTable("milestone")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("key_result_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("weight", "double precision", (c) => c.notNull().defaultTo(1))
    .addColumn("done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("milestone_pk", ["org_id", "id"])
    .addForeignKeyConstraint("milestone_key_result_fk", ["org_id", "key_result_id"], "key_result", [
      "org_id",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("milestone_key_result_idx")
    .on("milestone")
    .columns(["org_id", "key_result_id"])
    .execute();

  await db.schema
    .createTable("check_in")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("key_result_id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("value", "text")
    .addColumn("previous_value", "text")
    .addColumn("milestones_done", "text")
    .addColumn("confidence", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("progress", "double precision", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("check_in_pk", ["org_id", "id"])
    .addForeignKeyConstraint("check_in_key_result_fk", ["org_id", "key_result_id"], "key_result", [
      "org_id",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("check_in_key_result_idx")
    .on("check_in")
    .columns(["org_id", "key_result_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("check_in_created_idx")
    .on("check_in")
    .columns(["org_id", "created_at"])
    .execute();

  await db.schema
    .createTable("objective_support")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull())
    .addColumn("supported_objective_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("objective_support_pk", ["org_id", "objective_id", "supported_objective_id"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text")
    .addColumn("reason", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_log_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("audit_log_objective_idx")
    .on("audit_log")
    .columns(["org_id", "objective_id", "created_at"])
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").columns(["user_id"]).execute();

  await db.schema
    .createTable("api_token")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "login_attempt",
    "api_token",
    "session",
    "audit_log",
    "objective_support",
    "check_in",
    "milestone",
    "key_result",
    "objective",
    "cycle",
    "department",
    "membership",
    "user",
    "organization",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
