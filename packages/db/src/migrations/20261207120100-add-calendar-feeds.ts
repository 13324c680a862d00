import type { Kysely } from "kysely";

/**
 * Per-person calendar feeds (`GET /me/calendar.ics?token=`): one secret per person, kept only as its
 * SHA-256 (`token_hash`), so a leaked database gives no one's feed away. Rotating replaces the row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_feed")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("calendar_feed_pk", ["org_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("calendar_feed_token_idx")
    .on("calendar_feed")
    .column("token_hash")
    .unique()
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("calendar_feed").execute();
}
