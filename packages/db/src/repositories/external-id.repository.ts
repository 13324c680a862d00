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

/**
 * Live objectives named by an import: by their external id, or by their own id (a file exported from
 * this organization names its rows by id).
 */
export async function findObjectivesByExternalIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<ObjectiveRow[]> {
  const rows: ObjectiveRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(
      ...(await db
        .selectFrom("objective")
        .selectAll()
        .where("orgId", "=", orgId)
        .where("deletedAt", "is", null)
        .where((eb) => eb.or([eb("externalId", "in", part), eb("id", "in", part)]))
        .execute()),
    );
  }
  return rows;
}

/** Live key results named by an import, by external id or by id (see findObjectivesByExternalIds). */
export async function findKeyResultsByExternalIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<KeyResultRow[]> {
  const rows: KeyResultRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(
      ...(await db
        .selectFrom("keyResult")
        .selectAll()
        .where("orgId", "=", orgId)
        .where("deletedAt", "is", null)
        .where((eb) => eb.or([eb("externalId", "in", part), eb("id", "in", part)]))
        .execute()),
    );
  }
  return rows;
}

/** Gives objectives and key results the external ids they were imported under. */
export async function setExternalIds(
  db: Executor,
  orgId: string,
  table: "objective" | "keyResult",
  pairs: ReadonlyArray<{ id: string; externalId: string }>,
): Promise<void> {
  for (const { id, externalId } of pairs) {
    await db.updateTable(table).set({ externalId }).where("orgId", "=", orgId).where("id", "=", id).execute();
  }
}
