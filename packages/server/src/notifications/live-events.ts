import type { ObjectiveRow } from "@luodi/db";
import type { AppContext } from "../context.ts";
import { policyObjectiveOf } from "../objectives/objective-access.ts";
import { newId } from "../services/ids.ts";
import type { LiveEventType } from "./event-hub.ts";

/**
 * Tells the open browsers, once the transaction commits, that something about these objectives changed;
 * each event goes only to those who may see its objective. Events are hints to refresh, so they carry ids
 * and numbers, never text the reader could not otherwise read.
 */
export function announce(
  ctx: AppContext,
  orgId: string,
  events: ReadonlyArray<{
    type: Exclude<LiveEventType, "notification">;
    objective: ObjectiveRow;
    data: object;
  }>,
): void {
  if (events.length === 0) return;
  const live = events.map((event) => ({
    id: newId(),
    type: event.type,
    data: { objectiveId: event.objective.id, ...event.data },
    audience: { objective: policyObjectiveOf(event.objective) },
  }));
  ctx.changes.afterCommit(() => void ctx.events.publish(orgId, live));
}
