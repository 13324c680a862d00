import type { Kysely } from "kysely";

/**
 * One row per occurrence of a scheduled job that ran (a week's check-in reminder, a Monday digest):
 * written in the transaction that sends it, so across instances and restarts each occurrence is sent once
 * — the second instance's insert finds the key taken — and one that died mid-run left nothing behind.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("scheduled_run")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("occurrence", "text", (c) => c.notNull())
    .addColumn("ran_at", "text", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("scheduled_run_pk", ["org_id", "job", "occurrence"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("scheduled_run").execute();
}
