import type { Kysely } from "kysely";

/**
 * Committed (承诺型) or aspirational (挑战型) objectives. Every objective written so far is aspirational, the
 * method's default: nobody promised 1.0 on them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("objective")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("aspirational"))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("objective").dropColumn("kind").execute();
}
