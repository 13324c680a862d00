import {
  canViewObjective,
  elapsedFraction,
  keyResultHealthIn,
  type OneOnOneAnswer,
  type OneOnOnePageAnswer,
} from "@luodi/core";
import {
  findCycles,
  findKeyResults,
  findObjectives,
  findPrivateNote,
  listActionItems,
  listAgendaItems,
  listOneOnOnes,
  listRecentCheckIns,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import {
  type AgendaKeyResult,
  presentOneOnOne,
  presentOneOnOneSummary,
} from "../presenters/one-on-one-presenter.ts";
import { loadOneOnOneFor } from "./one-on-one-access.ts";

/** One page of the caller's 1:1s (as manager or as report), newest first. */
export async function listOneOnOnesFor(
  caller: Caller,
  page: { limit: number; cursor?: string | undefined; withUserId?: string | undefined },
): Promise<OneOnOnePageAnswer> {
  const rows = await listOneOnOnes(caller.ctx.db, caller.auth.org.id, caller.auth.user.id, {
    limit: page.limit + 1,
    before: page.cursor,
    withUserId: page.withUserId,
  });
  const items = rows.slice(0, page.limit).map(presentOneOnOneSummary);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * A 1:1 as the caller (one of its participants) sees it, with the key results on its agenda read live —
 * title, progress, health, latest check-in — for those the caller may see, and the caller's own private
 * note (never the other's).
 */
export async function oneOnOneById(caller: Caller, id: string): Promise<OneOnOneAnswer> {
  const { ctx, auth } = caller;
  const db = ctx.db;
  const orgId = auth.org.id;
  const row = await loadOneOnOneFor(caller, db, id);
  const [agenda, actionItems, privateNote] = await Promise.all([
    listAgendaItems(db, orgId, id),
    listActionItems(db, orgId, id),
    findPrivateNote(db, orgId, id, auth.user.id),
  ]);
  const keyResultIds = [...new Set(agenda.flatMap((item) => (item.keyResultId ? [item.keyResultId] : [])))];
  const keyResults = new Map<string, AgendaKeyResult>();
  if (keyResultIds.length > 0) {
    const krs = await findKeyResults(db, orgId, keyResultIds);
    const [objectives, latest, graph] = await Promise.all([
      findObjectives(db, orgId, [...new Set(krs.map((kr) => kr.objectiveId))]),
      listRecentCheckIns(
        db,
        orgId,
        krs.map((kr) => kr.id),
        { perKeyResult: 1 },
      ),
      graphOf(caller),
    ]);
    const cycles = new Map(
      (await findCycles(db, orgId, [...new Set(objectives.map((o) => o.cycleId))])).map((c) => [c.id, c]),
    );
    const visible = new Map(
      objectives
        .filter((o) => canViewObjective(auth.actor, policyObjectiveOf(o), graph))
        .map((o) => [o.id, o]),
    );
    const latestOf = new Map(latest.map((c) => [c.keyResultId, c]));
    const now = ctx.config.now();
    for (const kr of krs) {
      const objective = visible.get(kr.objectiveId);
      if (!objective) continue;
      const cycle = cycles.get(objective.cycleId);
      const elapsed = cycle ? elapsedFraction(cycle, now, auth.org.timezone) : 0;
      keyResults.set(kr.id, {
        id: kr.id,
        objectiveId: kr.objectiveId,
        title: kr.title,
        progress: kr.progress,
        health: keyResultHealthIn(objective.status, {
          progress: kr.progress,
          confidence: kr.confidence,
          elapsed,
        }),
        latestCheckIn: latestOf.get(kr.id) ?? null,
      });
    }
  }
  return presentOneOnOne(row, { actor: auth.actor, agenda, keyResults, actionItems, privateNote });
}
