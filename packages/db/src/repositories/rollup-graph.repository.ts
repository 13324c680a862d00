import type { Executor } from "./executor.ts";
import type { KeyResultRow } from "./key-result.repository.ts";
import type { ObjectiveRow } from "./objective.repository.ts";

/** What links a live KR into the roll-up: its objective, its kind and the sum KR it adds into. */
export type RollupKrLink = Pick<
  KeyResultRow,
  "id" | "objectiveId" | "type" | "aggregation" | "parentKeyResultId" | "weight"
>;

/** What links a live objective into the roll-up: the KR it aligns to and its weight there. */
export type RollupObjectiveLink = Pick<ObjectiveRow, "id" | "parentKeyResultId" | "weight">;

/** Every live KR and objective of an organization as the roll-up links them, in two narrow queries. */
export async function listRollupLinks(
  db: Executor,
  orgId: string,
): Promise<{ keyResults: RollupKrLink[]; objectives: RollupObjectiveLink[] }> {
  const [keyResults, objectives] = await Promise.all([
    db
      .selectFrom("keyResult")
      .select(["id", "objectiveId", "type", "aggregation", "parentKeyResultId", "weight"])
      .where("orgId", "=", orgId)
      .where("deletedAt", "is", null)
      .execute(),
    db
      .selectFrom("objective")
      .select(["id", "parentKeyResultId", "weight"])
      .where("orgId", "=", orgId)
      .where("deletedAt", "is", null)
      .execute(),
  ]);
  return { keyResults, objectives };
}

/** Rows read by several relations at once: each row once. */
function once<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

/**
 * The live KRs a roll-up chain reads, in one statement: those named, those of the objectives named, and
 * those adding into the sum KRs named. A UNION ALL, so that each part is found through its own index (an
 * OR of the three makes SQLite scan the organization).
 */
export async function listChainKeyResults(
  db: Executor,
  orgId: string,
  chain: { ids: readonly string[]; objectiveIds: readonly string[]; sumIds: readonly string[] },
): Promise<KeyResultRow[]> {
  const live = () =>
    db.selectFrom("keyResult").selectAll().where("orgId", "=", orgId).where("deletedAt", "is", null);
  const parts = [
    ...(chain.ids.length ? [live().where("id", "in", [...chain.ids])] : []),
    ...(chain.objectiveIds.length ? [live().where("objectiveId", "in", [...chain.objectiveIds])] : []),
    ...(chain.sumIds.length ? [live().where("parentKeyResultId", "in", [...chain.sumIds])] : []),
  ];
  const [first, ...rest] = parts;
  if (!first) return [];
  return once(await rest.reduce((query, part) => query.unionAll(part), first).execute());
}

/** What a progress roll-up reads of the objectives aligned to it. */
export type AlignedObjectiveInput = Pick<ObjectiveRow, "id" | "parentKeyResultId" | "weight" | "progress">;

/**
 * The live objectives aligned to the KRs named, with only what a progress roll-up reads of them: there are
 * many (every team objective under a department's KR), and whole rows cost ten times as much to read.
 */
export async function listAlignedObjectiveInputs(
  db: Executor,
  orgId: string,
  keyResultIds: readonly string[],
): Promise<AlignedObjectiveInput[]> {
  if (keyResultIds.length === 0) return [];
  return db
    .selectFrom("objective")
    .select(["id", "parentKeyResultId", "weight", "progress"])
    .where("orgId", "=", orgId)
    .where("parentKeyResultId", "in", [...keyResultIds])
    .where("deletedAt", "is", null)
    .execute();
}
