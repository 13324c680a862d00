import { AppError, type KeyResultInput, validateKeyResultDefinition } from "@luodi/core";
import {
  type Executor,
  findKeyResults,
  type KeyResultRow,
  listMembers,
  type MilestoneRow,
  type ObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { newId } from "../services/ids.ts";

/** Re-throws a rule's error with the path of the KR it concerns, so the UI can put it next to the field. */
export function atPath<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError(error.code, error.params, [
        { path, code: error.code, params: error.params },
        ...error.details,
      ]);
    }
    throw error;
  }
}

/**
 * Turns KR inputs into rows: each definition validated by the domain rules, owners checked to be active
 * members, sum parents checked to be sum rollups. `pathPrefix` names where the inputs sat in the request.
 */
export async function buildKeyResultRows(
  caller: Caller,
  db: Executor,
  objective: ObjectiveRow,
  inputs: readonly KeyResultInput[],
  options: { firstPosition: number; pathPrefix: string; defaultOwnerId: string | null },
): Promise<{ keyResults: KeyResultRow[]; milestones: MilestoneRow[] }> {
  const orgId = caller.auth.org.id;
  const now = caller.ctx.config.now().toISOString();
  const ownerIds = new Set(inputs.map((kr) => kr.ownerUserId).filter((id): id is string => !!id));
  const members = ownerIds.size
    ? new Map((await listMembers(db, orgId)).map((m) => [m.userId, m]))
    : new Map();
  const parentIds = [...new Set(inputs.map((kr) => kr.parentKeyResultId).filter((id): id is string => !!id))];
  const parents = new Map((await findKeyResults(db, orgId, parentIds)).map((kr) => [kr.id, kr]));
  const keyResults: KeyResultRow[] = [];
  const milestones: MilestoneRow[] = [];
  inputs.forEach((input, i) => {
    const path = `${options.pathPrefix}${i}`;
    const definition = atPath(path, () =>
      validateKeyResultDefinition({
        type: input.type,
        startValue: input.startValue,
        targetValue: input.targetValue,
        direction: input.direction,
        aggregation: input.aggregation,
        milestones: input.milestones?.map((m) => ({ title: m.title, weight: m.weight ?? 1 })),
      }),
    );
    if (input.ownerUserId && members.get(input.ownerUserId)?.status !== "active") {
      throw new AppError("member.not_found", {}, [{ path: `${path}.ownerUserId` }]);
    }
    if (input.parentKeyResultId) {
      const parent = parents.get(input.parentKeyResultId);
      if (!parent) throw new AppError("key_result.not_found", {}, [{ path: `${path}.parentKeyResultId` }]);
      if (parent.type !== "rollup" || parent.aggregation !== "sum" || parent.objectiveId === objective.id) {
        throw new AppError("kr.parent_not_sum", {}, [{ path: `${path}.parentKeyResultId` }]);
      }
    }
    const id = newId();
    const initial =
      definition.type === "boolean"
        ? "0"
        : definition.type === "rollup" || definition.type === "milestone"
          ? null
          : definition.startValue;
    keyResults.push({
      orgId: orgId,
      id,
      objectiveId: objective.id,
      ownerUserId: input.ownerUserId ?? options.defaultOwnerId,
      title: input.title,
      type: definition.type,
      unit: input.unit ?? null,
      startValue: definition.startValue,
      targetValue: definition.targetValue,
      currentValue: initial,
      direction: definition.direction,
      aggregation: definition.aggregation,
      parentKeyResultId: input.parentKeyResultId ?? null,
      weight: input.weight ?? 1,
      confidence: input.confidence ?? 5,
      progress: 0,
      progressRaw: 0,
      health: "on_track",
      selfScore: null,
      managerScore: null,
      score: null,
      scoreComment: null,
      position: options.firstPosition + i,
      lastCheckInAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    (definition.milestones ?? []).forEach((m, position) => {
      milestones.push({
        orgId: orgId,
        id: newId(),
        keyResultId: id,
        title: m.title,
        weight: m.weight,
        done: 0,
        position,
      });
    });
  });
  return { keyResults, milestones };
}
