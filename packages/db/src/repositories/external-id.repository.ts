import type { Executor } from "./executor.ts";
import type { KeyResultRow } from "./key-result.repository.ts";
import type { ObjectiveRow } from "./objective.repository.ts";

// Each `in (…)` list stays well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** Live rows of a table named by an import: by their external id, or by their own id. */
async function findByExternalIds<T extends "objective" | "keyResult">(
  db: Executor,
  table: T,
  orgId: string,
  ids: readonly string[],
) {
  const rows = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(
      ...(await db
        .selectFrom(table as "objective")
        .selectAll()
        .where("orgId", "=", orgId)
        .where("deletedAt", "is", null)
        .where((eb) => eb.or([eb("externalId", "in", part), eb("id", "in", part)]))
        .execute()),
    );
  }
  return rows;
}

/**
 * Live objectives named by an import: by their external id, or by their own id (a file exported from
 * this organization names its rows by id).
 */
export function findObjectivesByExternalIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<ObjectiveRow[]> {
  return findByExternalIds(db, "objective", orgId, ids);
}

/** Live key results named by an import, by external id or by id (see findObjectivesByExternalIds). */
export async function findKeyResultsByExternalIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<KeyResultRow[]> {
  // The two tables share the columns read here; the rows are the key result table's own.
  return (await findByExternalIds(db, "keyResult", orgId, ids)) as unknown as KeyResultRow[];
}

/**
 * Gives objectives and key results the external ids they were imported under: one statement per chunk
 * (a CASE on the id), since an import of a whole organization names tens of thousands of rows.
 */
export async function setExternalIds(
  db: Executor,
  orgId: string,
  table: "objective" | "keyResult",
  pairs: ReadonlyArray<{ id: string; externalId: string }>,
): Promise<void> {
  // Each pair binds two parameters in the CASE and one in the IN list.
  for (let i = 0; i < pairs.length; i += CHUNK / 2) {
    const part = pairs.slice(i, i + CHUNK / 2);
    const first = part[0];
    if (!first) continue;
    await db
      .updateTable(table)
      .set((eb) => {
        let chosen = eb.case().when("id", "=", first.id).then(first.externalId);
        for (const pair of part.slice(1)) chosen = chosen.when("id", "=", pair.id).then(pair.externalId);
        return { externalId: chosen.end() };
      })
      .where("orgId", "=", orgId)
      .where(
        "id",
        "in",
        part.map((p) => p.id),
      )
      .execute();
  }
}
