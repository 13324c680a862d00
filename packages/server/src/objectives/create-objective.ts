import { AppError, assertPhaseAllows, canWriteObjective, type ObjectiveInput } from "@luodi/core";
import {
  countOwnerObjectives,
  findCycle,
  findDepartment,
  findMember,
  insertKeyResults,
  insertMilestones,
  insertObjectives,
  type ObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { buildKeyResultRows } from "../key-results/build-key-results.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { graphOf, policyObjectiveOf } from "./objective-access.ts";

/**
 * Writes a new objective (a draft) with its KRs. The owner follows the level: the company's root
 * department, a department, or a person (the caller by default).
 */
export async function createObjective(
  caller: Caller,
  data: ObjectiveInput,
): Promise<{ id: string; ownerObjectiveCount: number; keyResultIds: string[] }> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    // Read through the transaction: under an Idempotency-Key the create joins one that is already open, and
    // SQLite's one connection would wait on itself for a read through ctx.db.
    const graph = await graphOf(caller, trx);
    const cycle = await findCycle(trx, orgId, data.cycleId);
    if (!cycle) throw new AppError("cycle.not_found", {}, [{ path: "cycleId" }]);
    assertPhaseAllows(cycle.phase, "edit_plan");

    let ownerDepartmentId: string | null = null;
    let ownerUserId: string | null = null;
    if (data.level === "company") {
      if (data.ownerUserId || (data.ownerDepartmentId && data.ownerDepartmentId !== graph.rootDepartmentId)) {
        throw new AppError("objective.owner_mismatch", { level: data.level, owner: "the company" }, [
          { path: "ownerDepartmentId" },
        ]);
      }
      ownerDepartmentId = graph.rootDepartmentId;
    } else if (data.level === "department") {
      if (!data.ownerDepartmentId || data.ownerUserId) {
        throw new AppError("objective.owner_mismatch", { level: data.level, owner: "ownerDepartmentId" }, [
          { path: "ownerDepartmentId" },
        ]);
      }
      if (!(await findDepartment(trx, orgId, data.ownerDepartmentId))) {
        throw new AppError("department.not_found", {}, [{ path: "ownerDepartmentId" }]);
      }
      ownerDepartmentId = data.ownerDepartmentId;
    } else {
      if (data.ownerDepartmentId) {
        throw new AppError("objective.owner_mismatch", { level: data.level, owner: "ownerUserId" }, [
          { path: "ownerDepartmentId" },
        ]);
      }
      ownerUserId = data.ownerUserId ?? auth.user.id;
      const owner = await findMember(trx, orgId, ownerUserId);
      if (owner?.status !== "active") throw new AppError("member.not_found", {}, [{ path: "ownerUserId" }]);
    }

    const now = ctx.config.now().toISOString();
    const row: ObjectiveRow = {
      orgId: orgId,
      id: newId(),
      cycleId: cycle.id,
      level: data.level,
      ownerDepartmentId: ownerDepartmentId,
      ownerUserId: ownerUserId,
      externalId: null,
      title: data.title,
      description: data.description ?? "",
      weight: data.weight ?? 1,
      visibility: data.visibility ?? "public",
      kind: data.kind ?? "aspirational",
      status: "draft",
      progress: 0,
      health: "on_track",
      score: null,
      parentObjectiveId: null,
      parentKeyResultId: null,
      review: null,
      rejectReason: null,
      createdBy: auth.user.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    if (!canWriteObjective(auth.actor, policyObjectiveOf(row), graph))
      throw new AppError("permission.denied");

    const existing = await countOwnerObjectives(trx, orgId, cycle.id, {
      userId: ownerUserId,
      departmentId: ownerDepartmentId,
      level: data.level,
    });
    if (existing >= auth.settings.maxObjectivesPerOwner)
      throw new AppError("objective.limit", { max: auth.settings.maxObjectivesPerOwner });

    const defaultOwnerId =
      ownerUserId ?? graph.departments.get(ownerDepartmentId ?? "")?.leaderId ?? auth.user.id;
    const { keyResults, milestones } = await buildKeyResultRows(caller, trx, row, data.keyResults ?? [], {
      firstPosition: 0,
      pathPrefix: "keyResults.",
      defaultOwnerId,
    });
    await insertObjectives(trx, [row]);
    await insertKeyResults(trx, keyResults);
    await insertMilestones(trx, milestones);
    await applyRollup(caller, trx, {
      keyResultIds: keyResults.map((kr) => kr.id),
      objectiveIds: [row.id],
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.create",
        entityType: "objective",
        entityId: row.id,
        objectiveId: row.id,
        after: { ...data },
        at: now,
      },
    ]);
    // In the order of `data.keyResults`: an import names each one by the row it came from.
    return { id: row.id, ownerObjectiveCount: existing + 1, keyResultIds: keyResults.map((kr) => kr.id) };
  });
}
