import type { Kysely } from "kysely";

/**
 * `GET /audit` reads an organization's log newest first, in pages, optionally narrowed to an actor or a
 * subject: an index for each way in, each ending with `created_at, id` (the order of the pages).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("audit_log_time_idx")
    .on("audit_log")
    .columns(["org_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("audit_log_actor_idx")
    .on("audit_log")
    .columns(["org_id", "actor_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["org_id", "entity_id", "created_at", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["audit_log_entity_idx", "audit_log_actor_idx", "audit_log_time_idx"]) {
    await db.schema.dropIndex(index).execute();
  }
}
