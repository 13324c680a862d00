import { AppError, canViewObjective, isOneOnOneParticipant, type OrgGraph } from "@luodi/core";
import {
  type Executor,
  findKeyResult,
  findObjective,
  findOneOnOne,
  type KeyResultRow,
  type OneOnOneRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";

/**
 * The 1:1 as one of its two participants reads it: 404 when it does not exist or the caller does not take
 * part in it — admins and peers included — so a 1:1 cannot be probed.
 */
export async function loadOneOnOneFor(
  caller: Caller,
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OneOnOneRow> {
  const meeting = await findOneOnOne(db, caller.auth.org.id, id, {
    forUpdate: (options.lock ?? false) && caller.ctx.dialect === "postgres",
  });
  if (!meeting || !isOneOnOneParticipant(caller.auth.actor, meeting))
    throw new AppError("one_on_one.not_found");
  return meeting;
}

/** A key result the caller may see (404 `key_result.not_found` otherwise, like a missing one). */
export async function loadVisibleKeyResult(
  caller: Caller,
  db: Executor,
  id: string,
  path: string,
): Promise<{ keyResult: KeyResultRow; graph: OrgGraph }> {
  const orgId = caller.auth.org.id;
  const keyResult = await findKeyResult(db, orgId, id);
  const objective = keyResult ? await findObjective(db, orgId, keyResult.objectiveId) : undefined;
  const graph = await graphOf(caller, db);
  if (!keyResult || !objective || !canViewObjective(caller.auth.actor, policyObjectiveOf(objective), graph))
    throw new AppError("key_result.not_found", {}, [{ path }]);
  return { keyResult, graph };
}
