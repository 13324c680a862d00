import { type Kysely, sql } from "kysely";

/**
 * A KR's current value is derived (core's currentValueOf): its latest check-in's value while that was
 * measured from the KR's present start value, else the start value. The KR keeps what that derivation reads:
 * the latest check-in's value and the start value it was measured from. `current_value` stays the cache of
 * the derived value, written by the roll-up like progress.
 *
 * Existing rows: a KR with check-ins takes its current value as measured from its present start. A numeric
 * KR without any check-in stands at its start: where an edited start left the cached value behind (the
 * phantom progress of issue 13), the value, the KR's progress and its objective's progress are put right.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, async (trx) => {
    await trx.schema.alterTable("key_result").addColumn("checked_in_value", "text").execute();
    await trx.schema.alterTable("key_result").addColumn("checked_in_start", "text").execute();
    await sql`update key_result set checked_in_value = current_value, checked_in_start = start_value
      where last_check_in_at is not null and type in ('number', 'percentage', 'currency', 'boolean')`.execute(
      trx,
    );
    const phantom = sql`key_result.last_check_in_at is null
      and key_result.type in ('number', 'percentage', 'currency')
      and key_result.start_value is not null
      and (key_result.current_value is null or key_result.current_value <> key_result.start_value)`;
    await sql`update key_result set current_value = start_value, progress = 0, progress_raw = 0 where ${phantom}`.execute(
      trx,
    );
    // Their objectives' progress: the weighted mean of their KRs' (clamped) progress, as core computes it.
    await sql`update objective set progress = coalesce((
        select sum(k.weight * k.progress) / sum(k.weight) from key_result k
        where k.org_id = objective.org_id and k.objective_id = objective.id and k.deleted_at is null and k.weight > 0
      ), 0)
      where exists (
        select 1 from key_result k where k.org_id = objective.org_id and k.objective_id = objective.id
          and k.last_check_in_at is null and k.type in ('number', 'percentage', 'currency') and k.progress = 0
          and k.deleted_at is null
      )`.execute(trx);
  });
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await inOneTransaction(db, async (trx) => {
    await trx.schema.alterTable("key_result").dropColumn("checked_in_start").execute();
    await trx.schema.alterTable("key_result").dropColumn("checked_in_value").execute();
  });
}

/** PostgreSQL runs each migration in a transaction already; SQLite does not (see key-result-confidence-nullable). */
// biome-ignore lint/suspicious/noExplicitAny: see up()
async function inOneTransaction(db: Kysely<any>, steps: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await steps(db);
  else await db.transaction().execute(steps);
}
