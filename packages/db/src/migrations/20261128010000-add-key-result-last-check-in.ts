import { type Kysely, sql } from "kysely";

/** When a KR last got a check-in, so "due this week" needs no scan of the history. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("key_result").addColumn("last_check_in_at", "text").execute();
  // Existing history fills it: one statement, the same on both dialects.
  await sql`update key_result set last_check_in_at = (
    select max(c.created_at) from check_in c where c.org_id = key_result.org_id and c.key_result_id = key_result.id
  )`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("key_result").dropColumn("last_check_in_at").execute();
}
