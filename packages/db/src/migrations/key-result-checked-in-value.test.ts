import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../connection.ts";
import { createTestDatabase, testDialects } from "../testing.ts";
import { migrations } from "./index.ts";

const BEFORE = "20261202120000-key-result-confidence-nullable";
const NOW = "2027-01-05T08:00:00.000Z";

// Raw SQL throughout: the migration runs against the schema of its time, not today's table types.
type Db = DatabaseHandle["db"];

async function insertKeyResult(
  db: Db,
  kr: { id: string; start: string; current: string; progress: number; lastCheckInAt: string | null },
) {
  await sql`insert into key_result (org_id, id, objective_id, title, type, start_value, target_value, current_value,
      direction, progress, progress_raw, health, last_check_in_at, created_at, updated_at)
    values ('o1', ${kr.id}, 'ob1', ${kr.id}, 'number', ${kr.start}, '45', ${kr.current}, 'decrease',
      ${kr.progress}, ${kr.progress}, 'on_track', ${kr.lastCheckInAt}, ${NOW}, ${NOW})`.execute(db);
}

describe.each(testDialects())("migration key-result-checked-in-value on %s", (dialect) => {
  let handle: DatabaseHandle;
  let migrator: Migrator;
  let db: Db;

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    db = handle.db;
    const schema =
      dialect === "postgres"
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
        : undefined;
    migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const down = await migrator.migrateTo(BEFORE);
    if (down.error) throw down.error;
    await sql`insert into organization (id, name, locale, timezone, created_at, updated_at)
      values ('o1', 'Org', 'en', 'UTC', ${NOW}, ${NOW})`.execute(db);
    await sql`insert into cycle (org_id, id, name, kind, start_date, end_date, phase, created_at, updated_at)
      values ('o1', 'c1', 'Q1', 'quarter', '2027-01-01', '2027-03-31', 'in_progress', ${NOW}, ${NOW})`.execute(
      db,
    );
    // The phantom of issue 13: 60 → 45 edited to start at 70 with no check-in showed 40 %.
    await sql`insert into objective (org_id, id, cycle_id, level, title, visibility, status, progress, health, created_by, created_at, updated_at)
      values ('o1', 'ob1', 'c1', 'company', 'O', 'public', 'published', 0.6, 'on_track', 'u1', ${NOW}, ${NOW})`.execute(
      db,
    );
    await insertKeyResult(db, {
      id: "phantom",
      start: "70",
      current: "60",
      progress: 0.4,
      lastCheckInAt: null,
    });
    await insertKeyResult(db, {
      id: "measured",
      start: "60",
      current: "48",
      progress: 0.8,
      lastCheckInAt: NOW,
    });
    const up = await migrator.migrateToLatest();
    if (up.error) throw up.error;
  });
  afterAll(async () => {
    await handle.destroy();
  });

  const row = async (id: string) =>
    // The handle maps the columns to camelCase, as it does for every query.
    (
      await sql<{
        currentValue: string;
        progress: number;
        checkedInValue: string | null;
        checkedInStart: string | null;
      }>`select current_value, progress, checked_in_value, checked_in_start from key_result where id = ${id}`.execute(
        db,
      )
    ).rows[0];

  it("puts a KR never checked in back at its start, with no progress", async () => {
    expect(await row("phantom")).toMatchObject({
      currentValue: "70",
      progress: 0,
      checkedInValue: null,
      checkedInStart: null,
    });
  });

  it("keeps a checked-in value as measured from the present start", async () => {
    expect(await row("measured")).toMatchObject({
      currentValue: "48",
      checkedInValue: "48",
      checkedInStart: "60",
    });
    expect((await row("measured"))?.progress).toBeCloseTo(0.8, 12);
  });

  it("recomputes the objective's progress from its KRs", async () => {
    const objective = (
      await sql<{ progress: number }>`select progress from objective where id = 'ob1'`.execute(db)
    ).rows[0];
    expect(objective?.progress).toBeCloseTo(0.4, 12);
  });

  it("goes down and up again", async () => {
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await row("measured")).toMatchObject({ checkedInValue: "48", checkedInStart: "60" });
  });
});
