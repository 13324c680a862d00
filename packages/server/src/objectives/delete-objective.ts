import { AppError } from "@luodi/core";
import {
  findKeyResults,
  listKeyResultsOfObjectives,
  softDeleteKeyResultsOfObjective,
  updateObjective,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadObjectiveFor } from "./objective-access.ts";

/** Soft-deletes an objective and its KRs; the roll-ups above no longer count them. */
export async function deleteObjective(caller: Caller, id: string): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { objective } = await loadObjectiveFor(caller, trx, id, { write: true, lock: true });
    const krs = await listKeyResultsOfObjectives(trx, orgId, [id]);
    const now = ctx.config.now().toISOString();
    await updateObjective(trx, orgId, id, objective.version, { deletedAt: now, updatedAt: now });
    await softDeleteKeyResultsOfObjective(trx, orgId, id, now);
    // What this objective fed: the progress rollup it aligns to, and the sums its KRs add to.
    const sumParents = krs.map((kr) => kr.parentKeyResultId).filter((p): p is string => !!p);
    const starts = [...sumParents, ...(objective.parentKeyResultId ? [objective.parentKeyResultId] : [])];
    await applyRollup(caller, trx, { keyResultIds: starts });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.delete",
        entityType: "objective",
        entityId: id,
        objectiveId: id,
        before: { title: objective.title },
        at: now,
      },
    ]);
  });
}

/** Brings back a soft-deleted objective with the KRs deleted together with it. */
export async function restoreObjective(caller: Caller, id: string): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { objective } = await loadObjectiveFor(caller, trx, id, {
      write: true,
      includeDeleted: true,
      lock: true,
    });
    if (!objective.deletedAt) throw new AppError("objective.not_deleted");
    const now = ctx.config.now().toISOString();
    await updateObjective(trx, orgId, id, objective.version, { deletedAt: null, updatedAt: now });
    await softDeleteKeyResultsOfObjective(trx, orgId, id, null, objective.deletedAt);
    const krs = await listKeyResultsOfObjectives(trx, orgId, [id]);
    const parents = await findKeyResults(
      trx,
      orgId,
      krs.map((kr) => kr.parentKeyResultId).filter((p): p is string => !!p),
    );
    await applyRollup(caller, trx, {
      keyResultIds: [...krs.map((kr) => kr.id), ...parents.map((p) => p.id)],
      objectiveIds: [id],
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.restore",
        entityType: "objective",
        entityId: id,
        objectiveId: id,
        after: { title: objective.title },
        at: now,
      },
    ]);
  });
}
