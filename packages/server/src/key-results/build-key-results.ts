import {
  AppError,
  canViewObjective,
  currentValueOf,
  type KeyResultInput,
  validateKeyResultDefinition,
} from "@luodi/core";
import {
  type Executor,
  findKeyResults,
  findObjectives,
  type KeyResultRow,
  listMembers,
  type MilestoneRow,
  type ObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { checkUpwardLinks } from "../objectives/alignment-links.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { newId } from "../services/ids.ts";

/** Re-throws a rule's error with the path of the KR it concerns, so the UI can put it next to the field. */
export function atPath<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AppError) throw withPath(path, error);
    throw error;
  }
}

function withPath(path: string, error: AppError): AppError {
  return new AppError(error.code, error.params, [
    { path, code: error.code, params: error.params },
    ...error.details,
  ]);
}

/** The field a KR definition rule is about: where the form shows what to fix. */
function definitionField(error: AppError): string {
  if (error.code === "kr.fields") {
    const fields = String(error.params.fields);
    return ["targetValue", "milestones", "aggregation"].includes(fields) ? fields : "type";
  }
  if (error.code === "kr.milestone_limit") return "milestones";
  // Target equal to the start, or against the direction: the target is what is usually mistyped.
  return "targetValue";
}

/**
 * Runs a KR definition rule, re-throwing its error at the field it concerns inside the KR at `path`
 * (`keyResults.2` → `keyResults.2.targetValue`), so that clients place it by its path alone.
 */
export function atDefinitionPath<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AppError) {
      const field = definitionField(error);
      throw withPath(path ? `${path}.${field}` : field, error);
    }
    throw error;
  }
}

/** The links a KR input names: its owner and the sum rollup it adds into, with where they sat in the request. */
export type KeyResultLinks = {
  path: string;
  ownerUserId?: string | null | undefined;
  parentKeyResultId?: string | null | undefined;
};

/**
 * Checks the links KR inputs name, throwing at the path of the first wrong one: owners must be active
 * members; a sum parent (`parentKeyResultId`) is an alignment of the KR's objective to the parent's, so
 * it must be a `sum` rollup of another objective that the caller may see — a hidden one answers exactly
 * like a missing one (404 `key_result.not_found`) — and pass the alignment rules: the parent's cycle is
 * the objective's or encloses it (`alignment.period`), the link closes no loop through alignments or
 * other sums (`alignment.loop`), and the parent sits above (`alignment.level`).
 */
export async function checkKeyResultLinks(
  caller: Caller,
  db: Executor,
  objective: ObjectiveRow,
  links: readonly KeyResultLinks[],
): Promise<void> {
  const orgId = caller.auth.org.id;
  const ownerIds = new Set(links.map((kr) => kr.ownerUserId).filter((id): id is string => !!id));
  const members = ownerIds.size
    ? new Map((await listMembers(db, orgId)).map((m) => [m.userId, m]))
    : new Map();
  const parentIds = [...new Set(links.map((kr) => kr.parentKeyResultId).filter((id): id is string => !!id))];
  const parents = new Map((await findKeyResults(db, orgId, parentIds)).map((kr) => [kr.id, kr]));
  const graph = parentIds.length ? await graphOf(caller, db) : undefined;
  const visibleParentObjectives = new Map(
    (await findObjectives(db, orgId, [...new Set([...parents.values()].map((kr) => kr.objectiveId))]))
      .filter((row) => graph && canViewObjective(caller.auth.actor, policyObjectiveOf(row), graph))
      .map((row) => [row.id, row]),
  );
  const refusals =
    graph && visibleParentObjectives.size
      ? await checkUpwardLinks(db, orgId, graph, objective, [...visibleParentObjectives.values()])
      : new Map();
  for (const { path, ownerUserId, parentKeyResultId } of links) {
    const field = (name: string) => (path ? `${path}.${name}` : name);
    if (ownerUserId && members.get(ownerUserId)?.status !== "active") {
      throw new AppError("member.not_found", {}, [{ path: field("ownerUserId") }]);
    }
    if (parentKeyResultId) {
      const at = [{ path: field("parentKeyResultId") }];
      const parent = parents.get(parentKeyResultId);
      // Missing, deleted, or in an objective the caller may not see: one answer for all three.
      if (!parent || !visibleParentObjectives.has(parent.objectiveId)) {
        throw new AppError("key_result.not_found", {}, at);
      }
      if (parent.type !== "rollup" || parent.aggregation !== "sum" || parent.objectiveId === objective.id) {
        throw new AppError("kr.parent_not_sum", {}, at);
      }
      const refused = refusals.get(parent.objectiveId);
      if (refused) throw new AppError(refused, {}, at);
    }
  }
}

/**
 * Turns KR inputs into rows: each definition validated by the domain rules, owners checked to be active
 * members, sum parents checked to be sum rollups. `pathPrefix` names where the inputs sat in the request
 * (`keyResults.`; empty when the body is the one KR itself);
 * `indexes`, when given, where each sat in its list (its path and its position), else firstPosition + i.
 */
export async function buildKeyResultRows(
  caller: Caller,
  db: Executor,
  objective: ObjectiveRow,
  inputs: readonly KeyResultInput[],
  options: {
    firstPosition: number;
    pathPrefix: string;
    defaultOwnerId: string | null;
    indexes?: readonly number[];
  },
): Promise<{ keyResults: KeyResultRow[]; milestones: MilestoneRow[] }> {
  const orgId = caller.auth.org.id;
  const now = caller.ctx.config.now().toISOString();
  const indexOf = (i: number) => options.indexes?.[i] ?? i;
  // An empty prefix: the request's body is the one KR (POST /objectives/:id/key-results), so paths name its fields.
  const pathOf = (i: number) => (options.pathPrefix === "" ? "" : `${options.pathPrefix}${indexOf(i)}`);
  const definitions = inputs.map((input, i) =>
    atDefinitionPath(pathOf(i), () =>
      validateKeyResultDefinition({
        type: input.type,
        startValue: input.startValue,
        targetValue: input.targetValue,
        direction: input.direction,
        aggregation: input.aggregation,
        milestones: input.milestones?.map((m) => ({ title: m.title, weight: m.weight ?? 1 })),
      }),
    ),
  );
  await checkKeyResultLinks(
    caller,
    db,
    objective,
    inputs.map((input, i) => ({
      path: pathOf(i),
      ownerUserId: input.ownerUserId,
      parentKeyResultId: input.parentKeyResultId,
    })),
  );
  const keyResults: KeyResultRow[] = [];
  const milestones: MilestoneRow[] = [];
  inputs.forEach((input, i) => {
    const definition = definitions[i];
    if (!definition) throw new Error("no definition validated");
    const id = newId();
    // Derived from the start until the first check-in (core's currentValueOf); the roll-up keeps it so.
    const initial = currentValueOf({
      type: definition.type,
      startValue: definition.startValue,
      checkedInValue: null,
      checkedInStart: null,
    });
    keyResults.push({
      orgId: orgId,
      id,
      objectiveId: objective.id,
      ownerUserId: input.ownerUserId ?? options.defaultOwnerId,
      externalId: null,
      title: input.title,
      type: definition.type,
      unit: input.unit ?? null,
      startValue: definition.startValue,
      targetValue: definition.targetValue,
      currentValue: initial,
      checkedInValue: null,
      checkedInStart: null,
      direction: definition.direction,
      aggregation: definition.aggregation,
      parentKeyResultId: input.parentKeyResultId ?? null,
      weight: input.weight ?? 1,
      // No confidence until the owner's first check-in gives one (unless the KR input states one).
      confidence: input.confidence ?? null,
      progress: 0,
      progressRaw: 0,
      health: "on_track",
      selfScore: null,
      managerScore: null,
      score: null,
      scoreComment: null,
      position: options.indexes ? indexOf(i) : options.firstPosition + i,
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
