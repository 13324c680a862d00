import type { Kysely } from "kysely";

/**
 * Single sign-on (OIDC). `user_identity` links a person at an identity provider (its issuer and the
 * subject it names them by) to a Luodi user, so they keep their account when their email changes there.
 * `oidc_login_request` holds a sign-in under way between leaving for the provider and coming back: its PKCE
 * verifier and nonce, found by the SHA-256 of the `state` the browser's cookie also holds. In the database,
 * not in memory, so the callback may reach another server instance than the one that sent the person off.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("user_identity")
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("email", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_login_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_identity_pk", ["issuer", "subject"])
    .execute();
  await db.schema.createIndex("user_identity_user_idx").on("user_identity").column("user_id").execute();
  await db.schema
    .createTable("oidc_login_request")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("return_to", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("oidc_login_request_expires_idx")
    .on("oidc_login_request")
    .column("expires_at")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("oidc_login_request").execute();
  await db.schema.dropTable("user_identity").execute();
}
