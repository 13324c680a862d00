import type { Kysely } from "kysely";

/**
 * Sign-in throttling as an atomic counter: `login_attempt` keeps, per key (`account:<email>` or
 * `ip:<address>`), the failures counted since `window_start`, incremented with one upsert so parallel
 * requests and several server instances all see each other. The lock is read from the count and the window,
 * so `locked_until` goes; the old rows (keyed `email:…`) mean nothing to the new counter and go too. The
 * index on `window_start` lets expired windows be swept.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("login_attempt").execute();
  await db.schema.alterTable("login_attempt").dropColumn("locked_until").execute();
  await db.schema
    .createIndex("login_attempt_window_idx")
    .on("login_attempt")
    .columns(["window_start"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("login_attempt_window_idx").execute();
  await db.deleteFrom("login_attempt").execute();
  await db.schema.alterTable("login_attempt").addColumn("locked_until", "text").execute();
}
