import type { AbilityObjective, AbilityScope, CyclePhase, OrgGraph } from "@luodi/core";
import type { ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";

/** Who asks, in what organization structure and phase: what the abilities of an answer depend on. */
export function abilityScopeOf(caller: Caller, graph: OrgGraph, phase: CyclePhase): AbilityScope {
  return {
    actor: caller.auth.actor,
    graph,
    phase,
    workflow: { approvalRequired: caller.auth.settings.approvalRequired },
  };
}

/** An objective row as core's abilities read it. */
export function abilityObjectiveOf(row: ObjectiveRow): AbilityObjective {
  return {
    level: row.level,
    visibility: row.visibility,
    ownerUserId: row.ownerUserId,
    ownerDepartmentId: row.ownerDepartmentId,
    status: row.status,
    deleted: row.deletedAt !== null,
  };
}
