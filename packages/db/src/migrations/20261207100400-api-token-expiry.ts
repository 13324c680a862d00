import type { Kysely } from "kysely";

/**
 * API tokens may expire (`expires_at`, null: never), and are listed and counted per person, so they are
 * found by `user_id`.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("api_token").addColumn("expires_at", "text").execute();
  await db.schema.createIndex("api_token_user_idx").on("api_token").columns(["user_id"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("api_token_user_idx").execute();
  await db.schema.alterTable("api_token").dropColumn("expires_at").execute();
}
