import { listAuditForObjective } from "@luodi/db";
import type { Caller } from "../context.ts";
import { loadObjectiveFor } from "./objective-access.ts";

/** The change log of an objective and its KRs (adjustments with their reasons, workflow, scores…), oldest first. */
export async function objectiveHistory(caller: Caller, id: string) {
  await loadObjectiveFor(caller, caller.ctx.db, id, { includeDeleted: true });
  const rows = await listAuditForObjective(caller.ctx.db, caller.auth.org.id, id);
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name } : null,
    reason: row.reason,
    before: row.before ? (JSON.parse(row.before) as unknown) : null,
    after: row.after ? (JSON.parse(row.after) as unknown) : null,
    createdAt: row.created_at,
  }));
}
