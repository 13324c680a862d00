import type { Kysely } from "kysely";

/** Adjustments (调整) that wait for the manager's approval when the organization requires it. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("adjustment")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull())
    .addColumn("key_result_id", "text")
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("adjustment_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("adjustment_objective_idx")
    .on("adjustment")
    .columns(["org_id", "objective_id", "status"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("adjustment").execute();
}
