import { describe, expect, it } from "vitest";
import { BY_MEMBERSHIP, TABLES_LEFT_OUT } from "./backup.ts";
import { createTestDatabase, testDialects } from "./testing.ts";

/*
 * Every table a migration adds is a company's data (archived by `luodi backup`) or named as left out: a new
 * table with no `org_id` fails here until backup.ts says whose rows it holds.
 */
describe.each(testDialects())("the backup's reach on %s", (dialect) => {
  it("places every table of the schema", async () => {
    const handle = await createTestDatabase(dialect);
    try {
      const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: false });
      const unplaced = tables
        // PostgreSQL lists every test's schema; they all hold the same tables.
        .filter((t) => dialect !== "postgres" || t.schema?.startsWith("t_"))
        .filter(
          (t) =>
            !TABLES_LEFT_OUT.has(t.name) &&
            !BY_MEMBERSHIP.has(t.name) &&
            t.name !== "organization" &&
            !t.columns.some((c) => c.name === "org_id"),
        )
        .map((t) => t.name);
      expect(unplaced).toEqual([]);
    } finally {
      await handle.destroy();
    }
  });
});
