import { canViewObjective } from "@luodi/core";
import { listObjectives, type ObjectiveFilter } from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "./objective-access.ts";
import { presentObjectives } from "./objective-views.ts";

/** Objectives matching the filter that the caller may see, with their KRs. */
export async function listVisibleObjectives(caller: Caller, filter: ObjectiveFilter) {
  const [rows, graph] = await Promise.all([
    listObjectives(caller.ctx.db, caller.auth.org.id, filter),
    graphOf(caller),
  ]);
  const visible = rows.filter((row) => canViewObjective(caller.auth.actor, policyObjectiveOf(row), graph));
  return presentObjectives(caller, caller.ctx.db, visible);
}
