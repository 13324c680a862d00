import { AppError, assertCheckInOpen, type CheckInInput, canCheckIn, type ErrorCode } from "@luodi/core";
import {
  type CheckInRow,
  type CycleRow,
  insertCheckIns,
  type KeyResultRow,
  listMilestones,
  type MilestoneRow,
  type ObjectiveRow,
  setMilestonesDone,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { announce } from "../notifications/live-events.ts";
import { noticeRisk } from "../notifications/risk-notices.ts";
import { policyObjectiveOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadKeyResultFor } from "./key-result-access.ts";

/** A check-in, and its objective and KRs as they stand after it. */
export type CheckInOutcome = {
  checkIn: CheckInRow;
  objective: ObjectiveRow;
  keyResults: KeyResultRow[];
  milestones: Map<string, MilestoneRow[]>;
  cycle: CycleRow | undefined;
};

function invalid(code: ErrorCode, path: string): AppError {
  return new AppError(code, {}, [{ path }]);
}

/**
 * A check-in (进展更新): appends to the KR's history, sets its value and confidence, and moves progress up
 * the chain above it, all in one transaction. Concurrent check-ins on one KR queue on its row lock.
 */
export async function checkIn(
  caller: Caller,
  keyResultId: string,
  input: CheckInInput,
): Promise<CheckInOutcome> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const { keyResult, objective, graph } = await loadKeyResultFor(caller, trx, keyResultId, { lock: true });
    if (
      !canCheckIn(auth.actor, policyObjectiveOf(objective), { ownerUserId: keyResult.ownerUserId }, graph)
    ) {
      throw new AppError("permission.denied");
    }
    const cycle = (await ctx.cycles.get(ctx, trx, orgId)).get(objective.cycleId);
    // Only published objectives, while the cycle is aligning or in progress (core's workflow rule).
    assertCheckInOpen(cycle?.phase ?? "planning", objective.status);

    let value: string | null = keyResult.currentValue;
    let milestonesDone: string[] | null = null;
    switch (keyResult.type) {
      case "milestone": {
        if (input.value !== undefined) throw invalid("check_in.wrong_kind", "value");
        if (input.milestonesDone === undefined) throw invalid("check_in.wrong_kind", "milestonesDone");
        const known = new Set((await listMilestones(trx, orgId, [keyResultId])).map((m) => m.id));
        const unknown = input.milestonesDone.findIndex((mid) => !known.has(mid));
        if (unknown >= 0) throw invalid("check_in.unknown_milestone", `milestonesDone.${unknown}`);
        milestonesDone = [...new Set(input.milestonesDone)];
        await setMilestonesDone(trx, orgId, keyResultId, milestonesDone);
        break;
      }
      case "rollup":
        if (input.value !== undefined || input.milestonesDone !== undefined)
          throw new AppError("check_in.rollup", {}, [{ path: "value" }]);
        break;
      case "boolean":
        if (input.milestonesDone !== undefined) throw invalid("check_in.wrong_kind", "milestonesDone");
        if (input.value === undefined) throw invalid("check_in.value_required", "value");
        if (input.value !== "0" && input.value !== "1") throw invalid("check_in.boolean_value", "value");
        value = input.value;
        break;
      default:
        if (input.milestonesDone !== undefined) throw invalid("check_in.wrong_kind", "milestonesDone");
        if (input.value === undefined) throw invalid("check_in.value_required", "value");
        value = input.value;
    }

    const now = ctx.config.now().toISOString();
    // What the current value is derived from (core's currentValueOf): this value, measured from this start.
    const measured =
      keyResult.type === "milestone" || keyResult.type === "rollup"
        ? {}
        : {
            checkedInValue: value,
            checkedInStart: keyResult.startValue,
          };
    // The KR's row is written once, with these values and the progress and health they give.
    const rollup = await applyRollup(caller, trx, {
      keyResultIds: [keyResultId],
      values: new Map([
        [
          keyResultId,
          {
            ...measured,
            currentValue: value,
            confidence: input.confidence,
            lastCheckInAt: now,
            updatedAt: now,
          },
        ],
      ]),
    });
    const after = rollup.rows.keyResults.get(keyResultId) ?? keyResult;
    const row: CheckInRow = {
      orgId: orgId,
      id: newId(),
      keyResultId: keyResultId,
      objectiveId: objective.id,
      authorId: auth.user.id,
      value: keyResult.type === "milestone" || keyResult.type === "rollup" ? null : value,
      previousValue: keyResult.currentValue,
      milestonesDone: milestonesDone ? JSON.stringify(milestonesDone) : null,
      confidence: input.confidence,
      note: input.note ?? "",
      progress: after.progress,
      createdAt: now,
      authorName: auth.user.name,
    };
    const { authorName: _name, ...stored } = row;
    await insertCheckIns(trx, [stored]);
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "key_result.check_in",
        entityType: "key_result",
        entityId: keyResultId,
        objectiveId: objective.id,
        before: {
          value: keyResult.currentValue,
          confidence: keyResult.confidence,
          progress: keyResult.progress,
        },
        after: { value, confidence: input.confidence, progress: after.progress, milestonesDone },
        at: now,
      },
    ]);
    await noticeRisk(caller, trx, {
      objective,
      before: keyResult,
      after: { ...after, confidence: input.confidence },
      cycle,
      graph,
      note: input.note ?? "",
    });
    announce(ctx, orgId, [
      {
        type: "check_in.created",
        objective,
        data: { keyResultId, checkInId: row.id, progress: after.progress },
      },
      // Only the objectives whose progress moved: the roll-up also read their unchanged siblings.
      ...rollup.objectives.flatMap((id) => {
        const changed = rollup.rows.objectives.get(id);
        return changed
          ? [{ type: "objective.updated" as const, objective: changed, data: { progress: changed.progress } }]
          : [];
      }),
    ]);
    // The answer is made of the rows the roll-up already holds, so a check-in costs no extra reads.
    const keyResults = [...rollup.rows.keyResults.values()]
      .filter((kr) => kr.objectiveId === objective.id)
      .sort((a, b) => a.position - b.position);
    const missing = keyResults.filter((kr) => kr.type === "milestone" && !rollup.rows.milestones.has(kr.id));
    const milestones = new Map(rollup.rows.milestones);
    for (const m of await listMilestones(
      trx,
      orgId,
      missing.map((kr) => kr.id),
    )) {
      milestones.set(m.keyResultId, [...(milestones.get(m.keyResultId) ?? []), m]);
    }
    return {
      checkIn: row,
      objective: rollup.rows.objectives.get(objective.id) ?? objective,
      keyResults,
      milestones,
      cycle,
    };
  });
}
