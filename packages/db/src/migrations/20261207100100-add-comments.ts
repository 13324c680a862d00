import type { Kysely } from "kysely";

/**
 * Comments (评论) on objectives, KRs and check-ins, with the earlier texts of edited ones and their
 * reactions; praise (表扬) and whom it is for. A comment keeps the objective it belongs to (a KR's, a
 * check-in's KR's), which decides who may see it. Deleting a comment keeps its row (the thread keeps its
 * shape) and clears nothing else: `deleted_at` hides its text.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("comment")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("mentions", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("edited_at", "text")
    .addColumn("deleted_at", "text")
    .addColumn("deleted_by", "text")
    .addPrimaryKeyConstraint("comment_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("comment_subject_idx")
    .on("comment")
    .columns(["org_id", "subject_type", "subject_id", "id"])
    .execute();
  await db.schema.createIndex("comment_parent_idx").on("comment").columns(["org_id", "parent_id"]).execute();

  await db.schema
    .createTable("comment_edit")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("comment_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("edited_by", "text", (c) => c.notNull())
    .addColumn("edited_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("comment_edit_pk", ["org_id", "id"])
    .execute();
  await db.schema
    .createIndex("comment_edit_comment_idx")
    .on("comment_edit")
    .columns(["org_id", "comment_id", "id"])
    .execute();

  await db.schema
    .createTable("comment_reaction")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("comment_id", "text", (c) => c.notNull())
    .addColumn("emoji", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // One reaction of a kind per person: the key refuses a second.
    .addPrimaryKeyConstraint("comment_reaction_pk", ["org_id", "comment_id", "emoji", "user_id"])
    .execute();

  await db.schema
    .createTable("recognition")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("objective_id", "text")
    .addColumn("key_result_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recognition_pk", ["org_id", "id"])
    .execute();

  await db.schema
    .createTable("recognition_recipient")
    .addColumn("org_id", "text", (c) => c.notNull())
    .addColumn("recognition_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recognition_recipient_pk", ["org_id", "recognition_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("recognition_recipient_user_idx")
    .on("recognition_recipient")
    .columns(["org_id", "user_id", "recognition_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["recognition_recipient", "recognition", "comment_reaction", "comment_edit", "comment"])
    await db.schema.dropTable(table).execute();
}
