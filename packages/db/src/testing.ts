import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { connect, type DatabaseHandle, type DialectName, migrateToLatest } from "./connection.ts";

/** The PostgreSQL URL the test run uses, if any (`.ci/run` sets it; CI refuses to run without it). */
const testPostgresUrl = process.env.LUODI_TEST_DATABASE_URL;

/** Dialects every database test runs on in this process. */
export function testDialects(): DialectName[] {
  if (testPostgresUrl) return ["sqlite", "postgres"];
  if (process.env.CI) {
    throw new Error("CI must run the PostgreSQL tests: set LUODI_TEST_DATABASE_URL (see .ci/run).");
  }
  return ["sqlite"];
}

/**
 * A fresh, migrated database for one test file: an in-memory SQLite database, or a schema of its own
 * in the test PostgreSQL database (dropped again by `destroy`).
 */
export async function createTestDatabase(dialect: DialectName): Promise<DatabaseHandle> {
  if (dialect === "sqlite") {
    const handle = connect({ sqlitePath: ":memory:" });
    await migrateToLatest(handle.db);
    return handle;
  }
  const url = testPostgresUrl;
  if (!url) throw new Error("LUODI_TEST_DATABASE_URL is not set");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = connect({ databaseUrl: url, pgSchema: schema, poolSize: 20 });
  const destroy = async () => {
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(handle.db);
    await handle.destroy();
  };
  try {
    // Its own schema for Kysely's bookkeeping: test files migrate side by side in one database.
    await migrateToLatest(handle.db, { migrationTableSchema: schema });
  } catch (error) {
    // A half-migrated schema left behind would only confuse the next run.
    await destroy();
    throw error;
  }
  return { ...handle, destroy };
}
