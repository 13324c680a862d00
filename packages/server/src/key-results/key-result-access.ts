import type { OrgGraph } from "@luodi/core";
import { AppError } from "@luodi/core";
import { type Executor, findKeyResult, type KeyResultRow, type ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";
import { loadObjectiveFor } from "../objectives/objective-access.ts";

/** A KR and its objective as the caller may see them (404 otherwise); `write` asks for the objective's writers. */
export async function loadKeyResultFor(
  caller: Caller,
  db: Executor,
  id: string,
  options: { write?: boolean; lock?: boolean } = {},
): Promise<{ keyResult: KeyResultRow; objective: ObjectiveRow; graph: OrgGraph }> {
  const keyResult = await findKeyResult(db, caller.auth.org.id, id, {
    forUpdate: (options.lock ?? false) && caller.ctx.dialect === "postgres",
  });
  if (!keyResult) throw new AppError("key_result.not_found");
  try {
    const { objective, graph } = await loadObjectiveFor(caller, db, keyResult.objectiveId, {
      write: options.write ?? false,
    });
    return { keyResult, objective, graph };
  } catch (error) {
    if (error instanceof AppError && error.code === "objective.not_found")
      throw new AppError("key_result.not_found");
    throw error;
  }
}
