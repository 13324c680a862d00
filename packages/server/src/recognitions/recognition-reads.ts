import { canViewObjective, type RecognitionAnswer, type RecognitionPageAnswer } from "@luodi/core";
import {
  findKeyResults,
  findObjectives,
  listRecognitionRecipients,
  listRecognitions,
  type RecognitionRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { presentRecognition } from "../presenters/conversation-presenters.ts";
import { groupBy } from "../services/group-by.ts";
import { mustExist } from "../services/must-exist.ts";

/**
 * One page of the organization's praise, newest first (`userId`: what that person received). Praise is
 * public, what it is for is not: the objective or KR shows only to those who may see it.
 */
export async function listRecognitionsFor(
  caller: Caller,
  page: { limit: number; cursor?: string | undefined; userId?: string | undefined },
): Promise<RecognitionPageAnswer> {
  const rows = await listRecognitions(caller.ctx.db, caller.auth.org.id, {
    limit: page.limit + 1,
    before: page.cursor,
    recipientId: page.userId,
  });
  const items = await presentRecognitions(caller, rows.slice(0, page.limit));
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/** One praise as the caller sees it. */
export async function recognitionById(caller: Caller, id: string): Promise<RecognitionAnswer> {
  const rows = await listRecognitions(caller.ctx.db, caller.auth.org.id, { limit: 1, id });
  const [answer] = await presentRecognitions(caller, rows);
  return mustExist(answer, "recognition");
}

async function presentRecognitions(caller: Caller, rows: RecognitionRow[]): Promise<RecognitionAnswer[]> {
  const { db } = caller.ctx;
  const orgId = caller.auth.org.id;
  const linkedObjectiveIds = [...new Set(rows.flatMap((r) => (r.objectiveId ? [r.objectiveId] : [])))];
  const linkedKeyResultIds = [...new Set(rows.flatMap((r) => (r.keyResultId ? [r.keyResultId] : [])))];
  const [recipients, objectives, keyResults, graph] = await Promise.all([
    listRecognitionRecipients(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    findObjectives(db, orgId, linkedObjectiveIds),
    findKeyResults(db, orgId, linkedKeyResultIds),
    graphOf(caller),
  ]);
  const visible = new Map(
    objectives
      .filter((o) => canViewObjective(caller.auth.actor, policyObjectiveOf(o), graph))
      .map((o) => [o.id, o]),
  );
  const krs = new Map(keyResults.map((kr) => [kr.id, kr]));
  const recipientsOf = groupBy(recipients, (r) => r.recognitionId);
  return rows.map((row) => {
    const objective = row.objectiveId ? visible.get(row.objectiveId) : undefined;
    const keyResult = row.keyResultId ? krs.get(row.keyResultId) : undefined;
    return presentRecognition(row, recipientsOf.get(row.id) ?? [], {
      objective: objective ? { id: objective.id, title: objective.title } : null,
      keyResult:
        objective && keyResult
          ? { id: keyResult.id, objectiveId: keyResult.objectiveId, title: keyResult.title }
          : null,
    });
  });
}
