import type { Kysely } from "kysely";

/**
 * `Idempotency-Key`: the first answer to a create, kept per organization, person and key for 24 hours, so a
 * retry of the same request gets it again and creates nothing. `request_hash` tells a retry from another
 * request reusing the key; `status` and `body` are the answer, written in the transaction of the create.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("idempotency_key")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_key_pk", ["org_id", "user_id", "key"])
    .execute();
  await db.schema
    .createIndex("idempotency_key_created_idx")
    .on("idempotency_key")
    .columns(["created_at"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("idempotency_key").execute();
}
