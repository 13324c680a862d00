import type { Kysely } from "kysely";

/**
 * Talent reviews (人才盘点): a leader's review of a department's subtree in a cycle. `talent_placement` holds
 * each person's current place on the 3 × 3 grid; `talent_placement_history` keeps every placement ever made,
 * appended, never changed — calibration moves people, and the record shows who moved them and why.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("talent_review")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("cycle_id", "text", (c) => c.notNull())
    .addColumn("department_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finalized_at", "text")
    .addColumn("finalized_by", "text")
    .addPrimaryKeyConstraint("talent_review_pk", ["org_id", "id"])
    .execute();
  for (const table of ["talent_placement", "talent_placement_history"]) {
    let builder = db.schema
      .createTable(table)
      .addColumn("org_id", "text", (c) => c.notNull())
      .addColumn("review_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("performance", "integer", (c) => c.notNull())
      .addColumn("potential", "integer", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("evidence", "text", (c) => c.notNull())
      .addColumn("placed_by", "text", (c) => c.notNull())
      .addColumn("placed_at", "text", (c) => c.notNull());
    builder =
      table === "talent_placement"
        ? builder.addPrimaryKeyConstraint("talent_placement_pk", ["org_id", "review_id", "user_id"])
        : builder
            .addColumn("id", "text", (c) => c.notNull())
            .addPrimaryKeyConstraint("talent_placement_history_pk", ["org_id", "id"]);
    await builder.execute();
  }
  await db.schema
    .createIndex("talent_placement_history_review_idx")
    .on("talent_placement_history")
    .columns(["org_id", "review_id", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["talent_placement_history", "talent_placement", "talent_review"])
    await db.schema.dropTable(table).execute();
}
