import {
  AppError,
  canViewObjective,
  canWriteObjective,
  type OrgGraph,
  type PolicyObjective,
} from "@luodi/core";
import { type Executor, findObjective, type ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";

export function policyObjectiveOf(row: ObjectiveRow): PolicyObjective {
  return {
    level: row.level,
    visibility: row.visibility,
    ownerUserId: row.ownerUserId,
    ownerDepartmentId: row.ownerDepartmentId,
  };
}

/**
 * The organization's structure, read through `db` when it must be loaded: inside a transaction on SQLite
 * the transaction holds the only connection, so reading through another handle would wait on itself.
 */
export async function graphOf(caller: Caller, db: Executor = caller.ctx.db): Promise<OrgGraph> {
  return caller.ctx.graphs.get(db, caller.auth.org.id);
}

/**
 * The objective as the caller may see it: 404 when it does not exist or is hidden from them (so hidden
 * objectives cannot be probed), 403 when they may see but not change it and `write` is asked.
 */
export async function loadObjectiveFor(
  caller: Caller,
  db: Executor,
  id: string,
  options: { write?: boolean; includeDeleted?: boolean; lock?: boolean } = {},
): Promise<{ objective: ObjectiveRow; graph: OrgGraph }> {
  const objective = await findObjective(db, caller.auth.org.id, id, {
    includeDeleted: options.includeDeleted ?? false,
    forUpdate: (options.lock ?? false) && caller.ctx.dialect === "postgres",
  });
  const graph = await graphOf(caller, db);
  if (!objective || !canViewObjective(caller.auth.actor, policyObjectiveOf(objective), graph)) {
    throw new AppError("objective.not_found");
  }
  if (options.write && !canWriteObjective(caller.auth.actor, policyObjectiveOf(objective), graph)) {
    throw new AppError("permission.denied");
  }
  return { objective, graph };
}
