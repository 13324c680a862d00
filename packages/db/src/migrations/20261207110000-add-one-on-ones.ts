import type { Kysely } from "kysely";

/**
 * 1:1s (一对一) between a manager and a report: the meeting, the earlier texts of its shared notes, its
 * agenda (free items or the report's KRs), its action items, and each participant's private note, which
 * only its writer ever reads.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("one_on_one")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("manager_id", "text", (c) => c.notNull())
    .addColumn("report_id", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("scheduled_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("shared_notes", "text", (c) => c.notNull())
    .addColumn("notes_updated_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("one_on_one_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("one_on_one_manager_idx")
    .on("one_on_one")
    .columns(["org_id", "manager_id", "id"])
    .execute();
  await db.schema
    .createIndex("one_on_one_report_idx")
    .on("one_on_one")
    .columns(["org_id", "report_id", "id"])
    .execute();

  await db.schema
    .createTable("one_on_one_notes_edit")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("one_on_one_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("edited_by", "text", (c) => c.notNull())
    .addColumn("edited_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("one_on_one_notes_edit_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("one_on_one_notes_edit_meeting_idx")
    .on("one_on_one_notes_edit")
    .columns(["org_id", "one_on_one_id", "id"])
    .execute();

  await db.schema
    .createTable("one_on_one_agenda_item")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("one_on_one_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text", "text")
    .addColumn("key_result_id", "text")
    .addColumn("discussed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("added_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("one_on_one_agenda_item_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("one_on_one_agenda_item_meeting_idx")
    .on("one_on_one_agenda_item")
    .columns(["org_id", "one_on_one_id", "id"])
    .execute();

  await db.schema
    .createTable("one_on_one_action_item")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("one_on_one_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("key_result_id", "text")
    .addColumn("done_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("one_on_one_action_item_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("one_on_one_action_item_meeting_idx")
    .on("one_on_one_action_item")
    .columns(["org_id", "one_on_one_id", "id"])
    .execute();

  await db.schema
    .createTable("one_on_one_private_note")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("one_on_one_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    // One note per participant and 1:1: the key refuses a second.
    .addPrimaryKeyConstraint("one_on_one_private_note_pk", ["org_id", "one_on_one_id", "user_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "one_on_one_private_note",
    "one_on_one_action_item",
    "one_on_one_agenda_item",
    "one_on_one_notes_edit",
    "one_on_one",
  ])
    await db.schema.dropTable(table).execute();
}
