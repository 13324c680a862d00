import type { Kysely } from "kysely";

/**
 * Horse racing (赛马): a proposal (提案) in a cycle serves a parent objective, or one of its KRs
 * (`parent_key_result_id`; `parent_objective_id` is then that KR's objective, so both questions — "which
 * objective" and "which KR" — are answered without a join). `key_results` holds the draft KRs as JSON
 * until acceptance turns them into real ones on `objective_id`. A spin-off records the department it made.
 * Backers and team members are one row per person: the primary keys make a second vote or join impossible.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("proposal")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("cycle_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("pitch", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("proposer_id", "text", (c) => c.notNull())
    .addColumn("parent_objective_id", "text", (c) => c.notNull())
    .addColumn("parent_key_result_id", "text")
    .addColumn("key_results", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("decision_reason", "text")
    .addColumn("objective_id", "text")
    .addColumn("spin_off_department_id", "text")
    .addColumn("spun_off_at", "text")
    .addColumn("spun_off_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("proposal_cycle_idx")
    .on("proposal")
    .columns(["org_id", "cycle_id", "id"])
    .execute();
  await db.schema
    .createIndex("proposal_parent_idx")
    .on("proposal")
    .columns(["org_id", "parent_objective_id"])
    .execute();

  await db.schema
    .createTable("proposal_backer")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("proposal_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_backer_pk", ["org_id", "proposal_id", "user_id"])
    .execute();
  await db.schema
    .createTable("proposal_member")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("proposal_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_member_pk", ["org_id", "proposal_id", "user_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["proposal_member", "proposal_backer", "proposal"])
    await db.schema.dropTable(table).execute();
}
