import {
  AppError,
  assertPhaseAllows,
  assertScore,
  canManagerScore,
  canWriteObjective,
  keyResultScore,
  objectiveScore,
} from "@luodi/core";
import { findCycle, listKeyResultsOfObjectives, setKeyResultValues, setObjectiveDerived } from "@luodi/db";
import type { Caller } from "../context.ts";
import { atPath } from "../key-results/build-key-results.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadObjectiveFor, policyObjectiveOf } from "./objective-access.ts";

export type ScoreInput = {
  keyResults: Array<{
    id: string;
    selfScore?: number | null | undefined;
    managerScore?: number | null | undefined;
    comment?: string | null | undefined;
  }>;
};

/**
 * Scoring (评分): KR owners and the objective's writers give the self score, the manager side gives the
 * manager score; a KR's score is the manager's when given, and the objective's is their weighted mean.
 */
export async function scoreObjective(caller: Caller, id: string, input: ScoreInput): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { objective, graph } = await loadObjectiveFor(caller, trx, id, { lock: true });
    const cycle = await findCycle(trx, orgId, objective.cycleId);
    assertPhaseAllows(cycle?.phase ?? "planning", "score");
    const policy = policyObjectiveOf(objective);
    const isWriter = canWriteObjective(auth.actor, policy, graph);
    const isManager = canManagerScore(auth.actor, policy, graph);
    const krs = new Map((await listKeyResultsOfObjectives(trx, orgId, [id])).map((kr) => [kr.id, kr]));
    const now = ctx.config.now().toISOString();
    const changes: Array<{ id: string; before: unknown; after: unknown }> = [];
    for (const [i, entry] of input.keyResults.entries()) {
      const kr = krs.get(entry.id);
      if (!kr) throw new AppError("key_result.not_found", {}, [{ path: `keyResults.${i}.id` }]);
      if (entry.selfScore !== undefined && !(isWriter || kr.ownerUserId === auth.user.id))
        throw new AppError("permission.denied");
      if (entry.managerScore !== undefined && !isManager) throw new AppError("permission.denied");
      const selfScore =
        entry.selfScore === undefined
          ? kr.selfScore
          : entry.selfScore === null
            ? null
            : atPath(`keyResults.${i}.selfScore`, () => assertScore(entry.selfScore as number));
      const managerScore =
        entry.managerScore === undefined
          ? kr.managerScore
          : entry.managerScore === null
            ? null
            : atPath(`keyResults.${i}.managerScore`, () => assertScore(entry.managerScore as number));
      const score = keyResultScore({ selfScore, managerScore });
      const comment = entry.comment === undefined ? kr.scoreComment : entry.comment;
      changes.push({
        id: kr.id,
        before: { selfScore: kr.selfScore, managerScore: kr.managerScore, score: kr.score },
        after: { selfScore, managerScore, score, comment },
      });
      Object.assign(kr, {
        selfScore: selfScore,
        managerScore: managerScore,
        score,
        scoreComment: comment,
      });
      await setKeyResultValues(trx, orgId, kr.id, {
        selfScore: selfScore,
        managerScore: managerScore,
        score,
        scoreComment: comment,
        updatedAt: now,
      });
    }
    const score = objectiveScore([...krs.values()].map((kr) => ({ weight: kr.weight, score: kr.score })));
    await setObjectiveDerived(trx, orgId, id, { score, updatedAt: now });
    await recordAudit(trx, [
      ...changes.map((c) => ({
        orgId,
        actorId: auth.user.id,
        action: "key_result.score",
        entityType: "key_result",
        entityId: c.id,
        objectiveId: id,
        before: c.before,
        after: c.after,
        at: now,
      })),
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.score",
        entityType: "objective",
        entityId: id,
        objectiveId: id,
        before: { score: objective.score },
        after: { score },
        at: now,
      },
    ]);
  });
}
