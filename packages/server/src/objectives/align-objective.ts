import { AppError, canViewObjective } from "@luodi/core";
import {
  findKeyResult,
  findKeyResults,
  findObjective,
  findObjectives,
  listSupports,
  type ObjectiveRow,
  replaceSupports,
  updateObjective,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { checkUpwardLinks } from "./alignment-links.ts";
import { loadObjectiveFor, policyObjectiveOf } from "./objective-access.ts";

export type AlignmentInput = {
  parentObjectiveId?: string | null | undefined;
  parentKeyResultId?: string | null | undefined;
  supports?: string[] | undefined;
};

/**
 * Sets an objective's one upward parent (an objective or a KR above it) and its cross-team `supports`.
 * Moving it under a progress rollup moves numbers, so both the old and the new parent are recomputed.
 */
export async function alignObjective(caller: Caller, id: string, input: AlignmentInput): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  if (input.parentObjectiveId && input.parentKeyResultId) throw new AppError("alignment.one_parent");
  await inTransaction(ctx, async (trx) => {
    const { objective, graph } = await loadObjectiveFor(caller, trx, id, { write: true, lock: true });
    const visible = (row: ObjectiveRow | undefined) =>
      row !== undefined && canViewObjective(auth.actor, policyObjectiveOf(row), graph);

    let parentObjective: ObjectiveRow | undefined;
    let parentKeyResultId: string | null = null;
    if (input.parentKeyResultId) {
      const kr = await findKeyResult(trx, orgId, input.parentKeyResultId);
      parentObjective = kr ? await findObjective(trx, orgId, kr.objectiveId) : undefined;
      if (!kr || !visible(parentObjective)) {
        throw new AppError("key_result.not_found", {}, [{ path: "parentKeyResultId" }]);
      }
      parentKeyResultId = kr.id;
    } else if (input.parentObjectiveId) {
      parentObjective = await findObjective(trx, orgId, input.parentObjectiveId);
      if (!visible(parentObjective)) {
        throw new AppError("objective.not_found", {}, [{ path: "parentObjectiveId" }]);
      }
    }

    if (parentObjective) {
      // Upward through alignments and sum contributions alike: a loop through either is refused.
      const refusals = await checkUpwardLinks(trx, orgId, graph, objective, [parentObjective]);
      const refused = refusals.get(parentObjective.id);
      if (refused) {
        const path = input.parentKeyResultId ? "parentKeyResultId" : "parentObjectiveId";
        throw new AppError(refused, {}, [{ path, message: refused }]);
      }
    }

    const supports = [...new Set(input.supports ?? [])];
    if (input.supports !== undefined) {
      const found = await findObjectives(trx, orgId, supports);
      const ok = new Set(found.filter((row) => visible(row)).map((row) => row.id));
      const bad = supports.findIndex((sid) => sid === id || !ok.has(sid));
      if (bad >= 0) throw new AppError("objective.not_found", {}, [{ path: `supports.${bad}` }]);
    }

    const now = ctx.config.now().toISOString();
    const next = {
      parentObjectiveId: parentKeyResultId ? null : (parentObjective?.id ?? null),
      parentKeyResultId: parentKeyResultId,
    };
    const before = {
      parentObjectiveId: objective.parentObjectiveId,
      parentKeyResultId: objective.parentKeyResultId,
      supports: (await listSupports(trx, orgId, [id])).map((s) => s.supportedObjectiveId),
    };
    if (!(await updateObjective(trx, orgId, id, objective.version, { ...next, updatedAt: now }))) {
      throw new AppError("version.conflict", { current: objective.version + 1 });
    }
    if (input.supports !== undefined) await replaceSupports(trx, orgId, id, supports, now);
    const oldParentKr = objective.parentKeyResultId;
    const stillThere = oldParentKr ? await findKeyResults(trx, orgId, [oldParentKr]) : [];
    await applyRollup(caller, trx, { objectiveIds: [id], keyResultIds: stillThere.map((kr) => kr.id) });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.align",
        entityType: "objective",
        entityId: id,
        objectiveId: id,
        before,
        after: {
          parentObjectiveId: next.parentObjectiveId,
          parentKeyResultId: next.parentKeyResultId,
          supports: input.supports ?? before.supports,
        },
        at: now,
      },
    ]);
  });
}
