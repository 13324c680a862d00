import type { Kysely } from "kysely";

/**
 * Outbound webhooks: an organization's subscriptions (`webhook`). Their deliveries go through the outbox
 * of notifications (`notification_delivery`, channel `webhook`), written in the transaction of the change,
 * so they share its queue, lease and retries; the index reads one webhook's delivery log newest first.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("webhook")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("events", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("webhook_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("notification_delivery_target_idx")
    .on("notification_delivery")
    .columns(["org_id", "target_id", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("notification_delivery_target_idx").execute();
  await db.schema.dropTable("webhook").execute();
}
