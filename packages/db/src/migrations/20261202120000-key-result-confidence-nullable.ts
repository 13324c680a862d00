import { type Kysely, sql } from "kysely";

/**
 * A KR's confidence (信心指数) has no value until its owner first checks in, so the column takes NULL and
 * loses its default of 5. KRs that never had a check-in get NULL: their 5 was the default, not a choice.
 *
 * SQLite cannot drop NOT NULL with ALTER TABLE, so on both dialects the column is replaced losslessly: a
 * new nullable column takes the values, the old one is dropped and the new one takes its name. Nothing
 * refers to the column (no index, key or view), which is what SQLite's DROP COLUMN requires.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, async (trx) => {
    await trx.schema.alterTable("key_result").addColumn("confidence_given", "integer").execute();
    await sql`update key_result set confidence_given = case when last_check_in_at is null then null else confidence end`.execute(
      trx,
    );
    await trx.schema.alterTable("key_result").dropColumn("confidence").execute();
    await trx.schema.alterTable("key_result").renameColumn("confidence_given", "confidence").execute();
  });
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, async (trx) => {
    await trx.schema
      .alterTable("key_result")
      .addColumn("confidence_default", "integer", (c) => c.notNull().defaultTo(5))
      .execute();
    await sql`update key_result set confidence_default = coalesce(confidence, 5)`.execute(trx);
    await trx.schema.alterTable("key_result").dropColumn("confidence").execute();
    await trx.schema.alterTable("key_result").renameColumn("confidence_default", "confidence").execute();
  });
}

/**
 * The migrator runs PostgreSQL migrations in a transaction already, SQLite ones not (Kysely's SQLite adapter
 * says it lacks transactional DDL, though SQLite has it): open one there so a failure halfway changes nothing.
 */
// biome-ignore lint/suspicious/noExplicitAny: see up()
async function inOneTransaction(db: Kysely<any>, steps: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await steps(db);
  else await db.transaction().execute(steps);
}
