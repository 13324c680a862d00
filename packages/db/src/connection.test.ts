import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./connection.ts";
import { createTestDatabase, testDialects } from "./testing.ts";

describe.each(testDialects())("database on %s", (dialect) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await handle.destroy();
  });

  it("migrates every table and keeps decimal text exact", async () => {
    const now = new Date().toISOString();
    await handle.db
      .insertInto("organization")
      .values({
        id: "o1",
        name: "Org",
        locale: "en",
        timezone: "UTC",
        mission: "",
        vision: "",
        strategy: "",
        settings: "{}",
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await handle.db
      .insertInto("cycle")
      .values({
        orgId: "o1",
        id: "c1",
        name: "Q1",
        kind: "quarter",
        startDate: "2027-01-01",
        endDate: "2027-03-31",
        phase: "planning",
        phaseDue: "{}",
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const row = await sql<{ v: string }>`select ${"0.1000000000000000055511151231257827"} as v`.execute(
      handle.db,
    );
    expect(row.rows[0]?.v).toBe("0.1000000000000000055511151231257827");
    const cycles = await handle.db.selectFrom("cycle").selectAll().execute();
    expect(cycles).toHaveLength(1);
  });
});
