import type { Kysely } from "kysely";

/**
 * Chat channels of an organization (`integration`): a chat platform's webhook that receives the
 * notifications of some kinds (`events`, a JSON array), for the whole organization or, with
 * `department_id`, one department's subtree. The secret signs messages (Feishu, DingTalk), so it is kept
 * as it was given, not hashed (docs/SECURITY.md); answers never carry it. `enabled` is 1 or 0.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("integration")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("webhook_url", "text", (c) => c.notNull())
    .addColumn("secret", "text")
    .addColumn("department_id", "text")
    .addColumn("events", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("integration_pk", ["org_id", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("integration").execute();
}
