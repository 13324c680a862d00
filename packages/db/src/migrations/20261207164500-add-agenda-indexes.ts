import type { Kysely } from "kysely";

/**
 * A meeting's agenda ranks a cycle's key results (agenda.repository.ts). These indexes hold every column
 * that ranking reads, so it reads them alone, never the rows with their titles and descriptions: the
 * cycle's objectives by status, their KRs with progress, confidence, owner and last check-in, and each KR's
 * check-ins by time with their progress (where it stood at the last meeting).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("objective_agenda_idx")
    .on("objective")
    .columns([
      "org_id",
      "cycle_id",
      "status",
      "deleted_at",
      "id",
      "level",
      "owner_department_id",
      "owner_user_id",
    ])
    .execute();
  await db.schema
    .createIndex("key_result_agenda_idx")
    .on("key_result")
    .columns([
      "org_id",
      "objective_id",
      "deleted_at",
      "progress",
      "confidence",
      "owner_user_id",
      "last_check_in_at",
      "position",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("check_in_key_result_progress_idx")
    .on("check_in")
    .columns(["org_id", "key_result_id", "created_at", "progress"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["check_in_key_result_progress_idx", "key_result_agenda_idx", "objective_agenda_idx"])
    await db.schema.dropIndex(index).execute();
}
