import type { Kysely } from "kysely";

/**
 * Meetings (会议): weekly, 双月会, 规划会 and CEO 面对面, scoped to the company (`department_id` null) or a
 * department's subtree, in a cycle, with their attendees. `agenda` holds the agenda frozen when the
 * meeting started (JSON), null while it is generated from live data. Action items (owner, due date, linked
 * KR). Questions for CEO 面对面 and one vote per person: an anonymous question keeps no author at all
 * (`author_id` null), so no one — admins included — can recover who asked it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("meeting")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("cycle_id", "text", (c) => c.notNull())
    .addColumn("department_id", "text")
    .addColumn("scheduled_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("minutes", "text", (c) => c.notNull())
    .addColumn("decisions", "text", (c) => c.notNull())
    .addColumn("agenda", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("ended_at", "text")
    .addPrimaryKeyConstraint("meeting_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("meeting_cycle_idx")
    .on("meeting")
    .columns(["org_id", "cycle_id", "id"])
    .execute();

  await db.schema
    .createTable("meeting_attendee")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("meeting_attendee_pk", ["org_id", "meeting_id", "user_id"])
    .execute();

  await db.schema
    .createTable("meeting_action_item")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("key_result_id", "text")
    .addColumn("done", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("meeting_action_item_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("meeting_action_item_meeting_idx")
    .on("meeting_action_item")
    .columns(["org_id", "meeting_id", "id"])
    .execute();

  await db.schema
    .createTable("question")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("author_id", "text")
    .addColumn("meeting_id", "text")
    .addColumn("answer", "text")
    .addColumn("answered_by", "text")
    .addColumn("answered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("question_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createTable("question_vote")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("question_vote_pk", ["org_id", "question_id", "user_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["question_vote", "question", "meeting_action_item", "meeting_attendee", "meeting"])
    await db.schema.dropTable(table).execute();
}
