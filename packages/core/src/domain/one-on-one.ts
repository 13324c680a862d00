import { managerChain } from "./org-graph.ts";
import type { Actor, OrgGraph } from "./types.ts";

/*
 * 1:1s (一对一) between a manager and a report: who may hold one, who may see it, and what its answer lets
 * a participant do. Nobody else may see a 1:1 — not admins, not peers — so it is decided here, apart from
 * the objective policy.
 */

/** A 1:1 is scheduled until someone marks it done. */
export const ONE_ON_ONE_STATUSES = ["scheduled", "done"] as const;
export type OneOnOneStatus = (typeof ONE_ON_ONE_STATUSES)[number];

/** What an agenda item is: words of its own, or one of the report's key results. */
export const AGENDA_ITEM_KINDS = ["free", "key_result"] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** Longest shared or private notes, in characters (code points); longer answers 422 `text.too_long`. */
export const ONE_ON_ONE_NOTES_MAX_LENGTH = 20_000;
/** Most agenda items, and most action items, one 1:1 may hold (422 `one_on_one.too_many_items`). */
export const ONE_ON_ONE_MAX_ITEMS = 100;

/** Whether `managerId` may hold 1:1s with `reportId`: they sit anywhere above them in the manager chain. */
export function canHoldOneOnOne(graph: OrgGraph, managerId: string, reportId: string): boolean {
  return managerId !== reportId && managerChain(graph, reportId).includes(managerId);
}

/** Whether the actor takes part in the 1:1: only its two participants ever see it. */
export function isOneOnOneParticipant(
  actor: Pick<Actor, "userId">,
  meeting: { managerId: string; reportId: string },
): boolean {
  return actor.userId === meeting.managerId || actor.userId === meeting.reportId;
}

export type OneOnOneAbilities = {
  update: boolean;
  markDone: boolean;
  addAgenda: boolean;
  writePrivateNote: boolean;
  addActionItem: boolean;
};

/** What a participant may do to a 1:1 (a stranger never gets its answer). */
export function oneOnOneAbilities(
  actor: Actor,
  meeting: { managerId: string; reportId: string; status: OneOnOneStatus },
): OneOnOneAbilities {
  const participant = isOneOnOneParticipant(actor, meeting);
  return {
    update: participant,
    markDone: participant && meeting.status === "scheduled",
    addAgenda: participant,
    writePrivateNote: participant,
    addActionItem: participant,
  };
}
