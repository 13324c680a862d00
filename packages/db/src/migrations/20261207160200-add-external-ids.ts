import { type Kysely, sql } from "kysely";

/**
 * The identity an objective or key result has in the system it was imported from (an Excel sheet's
 * `external_id`), so that importing the same file again updates instead of adding. Unique per
 * organization among live rows: a deleted row gives its external id back.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["objective", "key_result"]) {
    await db.schema.alterTable(table).addColumn("external_id", "text").execute();
    await db.schema
      .createIndex(`${table}_external_id_idx`)
      .on(table)
      .columns(["org_id", "external_id"])
      .unique()
      .where(sql.ref("external_id"), "is not", null)
      .where(sql.ref("deleted_at"), "is", null)
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["objective", "key_result"]) {
    await db.schema.dropIndex(`${table}_external_id_idx`).execute();
    await db.schema.alterTable(table).dropColumn("external_id").execute();
  }
}
