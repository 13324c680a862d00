import type { Kysely } from "kysely";

/**
 * Notifications (api.md, *Conversations and feedback*): each person's list (`notification`), their
 * choices (`notification_setting`, JSON), and the outbox of emails and chat messages still to send
 * (`notification_delivery`): written in the transaction of the change that caused them, so none is lost,
 * and claimed by one sender at a time through `next_attempt_at`, so several instances send each once.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notification")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("subject_title", "text", (c) => c.notNull())
    .addColumn("excerpt", "text")
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addPrimaryKeyConstraint("notification_pk", ["org_id", "id"])
    .execute();
  // A person's list, newest first (ids are UUIDv7: time-ordered), and their unread count.
  await db.schema
    .createIndex("notification_user_idx")
    .on("notification")
    .columns(["org_id", "user_id", "id"])
    .execute();
  await db.schema
    .createIndex("notification_unread_idx")
    .on("notification")
    .columns(["org_id", "user_id", "read_at"])
    .execute();

  await db.schema
    .createTable("notification_setting")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id"))
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_setting_pk", ["org_id", "user_id"])
    .execute();

  await db.schema
    .createTable("notification_delivery")
    .addColumn("org_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    // The person (email) or the chat integration the message goes to.
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addPrimaryKeyConstraint("notification_delivery_pk", ["org_id", "id"])
    .execute();
  // The senders' sweep across organizations: what is due.
  await db.schema
    .createIndex("notification_delivery_due_idx")
    .on("notification_delivery")
    .columns(["status", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("notification_delivery_org_idx")
    .on("notification_delivery")
    .columns(["org_id", "status", "created_at"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notification_delivery").execute();
  await db.schema.dropTable("notification_setting").execute();
  await db.schema.dropTable("notification").execute();
}
