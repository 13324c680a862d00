import type { Kysely } from "kysely";

/**
 * One-time links that let a person set their password: an invitation (an admin added them to an
 * organization) or a password reset (they forgot it, or an admin reset it). Only the SHA-256 of the secret
 * is kept; a link is used once (`used_at`) and expires (`expires_at`). An invitation names the organization
 * and who invited; a reset the person asked for names neither.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("account_link")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("org_id", "text")
    .addColumn("created_by", "text")
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("account_link_user_idx")
    .on("account_link")
    .columns(["user_id", "kind", "created_at"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("account_link").execute();
}
