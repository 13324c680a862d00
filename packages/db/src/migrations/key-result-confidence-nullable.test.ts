import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection.ts";
import { createTestDatabase, testDialects } from "../testing.ts";
import { migrations } from "./index.ts";

const BEFORE = "20261128010000-add-key-result-last-check-in";
const NOW = "2027-01-05T08:00:00.000Z";

// Raw SQL throughout: the migration runs against the schema of its time, not today's table types.
type Db = DatabaseHandle["db"];

async function insertKeyResult(db: Db, id: string, confidence: number, lastCheckInAt: string | null) {
  await sql`insert into key_result (org_id, id, objective_id, title, type, confidence, health, last_check_in_at, created_at, updated_at)
    values ('o1', ${id}, 'ob1', ${id}, 'number', ${confidence}, 'on_track', ${lastCheckInAt}, ${NOW}, ${NOW})`.execute(
    db,
  );
}

async function confidenceOf(db: Db, id: string): Promise<number | null | undefined> {
  const result = await sql<{
    confidence: number | null;
  }>`select confidence from key_result where id = ${id}`.execute(db);
  return result.rows[0]?.confidence;
}

describe.each(testDialects())("migration key-result-confidence-nullable on %s", (dialect) => {
  let handle: DatabaseHandle;
  let migrator: Migrator;
  let db: Db;

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    db = handle.db;
    // On PostgreSQL the test database lives in a schema of its own, which holds Kysely's bookkeeping too.
    const schema =
      dialect === "postgres"
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
        : undefined;
    migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    // Back to the schema before it, where every KR has a confidence (5 by default).
    const down = await migrator.migrateTo(BEFORE);
    if (down.error) throw down.error;
    await sql`insert into organization (id, name, locale, timezone, created_at, updated_at)
      values ('o1', 'Org', 'en', 'UTC', ${NOW}, ${NOW})`.execute(db);
    await sql`insert into cycle (org_id, id, name, kind, start_date, end_date, phase, created_at, updated_at)
      values ('o1', 'c1', 'Q1', 'quarter', '2027-01-01', '2027-03-31', 'in_progress', ${NOW}, ${NOW})`.execute(
      db,
    );
    await sql`insert into objective (org_id, id, cycle_id, level, title, visibility, status, health, created_by, created_at, updated_at)
      values ('o1', 'ob1', 'c1', 'company', 'O', 'public', 'published', 'on_track', 'u1', ${NOW}, ${NOW})`.execute(
      db,
    );
    await insertKeyResult(db, "checked-in", 8, NOW);
    await insertKeyResult(db, "never-checked-in", 5, null);
    const up = await migrator.migrateToLatest();
    if (up.error) throw up.error;
  });
  afterAll(async () => {
    await handle.destroy();
  });

  it("keeps the confidence of a KR that had a check-in", async () => {
    expect(await confidenceOf(db, "checked-in")).toBe(8);
  });

  it("gives a KR that never had a check-in no confidence (its 5 was the default)", async () => {
    expect(await confidenceOf(db, "never-checked-in")).toBeNull();
  });

  it("takes a new KR without a confidence, and has no default of 5 any more", async () => {
    await sql`insert into key_result (org_id, id, objective_id, title, type, health, created_at, updated_at)
      values ('o1', 'new', 'ob1', 'new', 'number', 'on_track', ${NOW}, ${NOW})`.execute(db);
    expect(await confidenceOf(db, "new")).toBeNull();
  });

  it("goes back down with a confidence for every KR, and up again", async () => {
    const down = await migrator.migrateTo(BEFORE);
    expect(down.error).toBeUndefined();
    expect(await confidenceOf(db, "checked-in")).toBe(8);
    expect(await confidenceOf(db, "never-checked-in")).toBe(5);
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await confidenceOf(db, "checked-in")).toBe(8);
    expect(await confidenceOf(db, "never-checked-in")).toBeNull();
  });
});
