import { elapsedFraction, type Health, keyResultHealth, type OrgGraph } from "@luodi/core";
import type { CycleRow, Executor, KeyResultRow, ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";
import { policyObjectiveOf } from "../objectives/objective-access.ts";
import { notify } from "./notify.ts";
import { deciders, ownersOf } from "./workflow-notices.ts";

const SEVERITY: Readonly<Record<Health, number>> = { done: 0, on_track: 1, at_risk: 2, off_track: 3 };

/**
 * A check-in that moves a KR into at risk or off track (domain.md's health, at this instant) tells the
 * objective's approver and owners, and the KR's owner — whoever of them did not make the check-in. A
 * KR already at risk that stays so tells nobody again.
 */
export async function noticeRisk(
  caller: Caller,
  trx: Executor,
  facts: {
    objective: ObjectiveRow;
    before: Pick<KeyResultRow, "progress" | "confidence">;
    after: Pick<KeyResultRow, "id" | "title" | "progress" | "confidence" | "ownerUserId">;
    cycle: CycleRow | undefined;
    graph: OrgGraph;
    note: string;
  },
): Promise<void> {
  if (!facts.cycle) return;
  const elapsed = elapsedFraction(facts.cycle, caller.ctx.config.now(), caller.auth.org.timezone);
  const was = keyResultHealth({ ...facts.before, elapsed });
  const is = keyResultHealth({ ...facts.after, elapsed });
  if (SEVERITY[is] <= SEVERITY[was] || (is !== "at_risk" && is !== "off_track")) return;
  const policy = policyObjectiveOf(facts.objective);
  await notify(caller, trx, {
    kind: "kr_at_risk",
    recipientIds: [
      ...deciders(policy, facts.graph),
      ...ownersOf(policy, facts.graph),
      ...(facts.after.ownerUserId ? [facts.after.ownerUserId] : []),
    ],
    subject: { type: "key_result", id: facts.after.id, title: facts.after.title },
    excerpt: facts.note || null,
    link: `/objectives/${facts.objective.id}`,
  });
}
