import { rmSync } from "node:fs";
import { connect, type DatabaseHandle } from "@luodi/db";
import { sql } from "kysely";

/**
 * Empties the database the demo writes to. SQLite: the file (and its WAL) is deleted before it is opened.
 * PostgreSQL: every table of the current schema is dropped, so the migrations run again from scratch.
 */
export async function openResetDatabase(options: {
  databaseUrl?: string | undefined;
  sqlitePath: string;
}): Promise<DatabaseHandle> {
  const isPostgres = !!options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl);
  if (!isPostgres) {
    if (options.sqlitePath !== ":memory:") {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${options.sqlitePath}${suffix}`, { force: true });
    }
    return connect({ sqlitePath: options.sqlitePath });
  }
  const handle = connect({ databaseUrl: options.databaseUrl });
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema()
  `.execute(handle.db);
  for (const row of rows) await sql`drop table if exists ${sql.table(row.name)} cascade`.execute(handle.db);
  return handle;
}
