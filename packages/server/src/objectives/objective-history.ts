import { listAuditForObjective, readJson } from "@luodi/db";
import type { Caller } from "../context.ts";
import { loadObjectiveFor } from "./objective-access.ts";

/** The change log of an objective and its KRs (adjustments with their reasons, workflow, scores…), oldest first. */
export async function objectiveHistory(caller: Caller, id: string) {
  await loadObjectiveFor(caller, caller.ctx.db, id, { includeDeleted: true });
  const rows = await listAuditForObjective(caller.ctx.db, caller.auth.org.id, id);
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    actor: row.actorId ? { id: row.actorId, name: row.actorName } : null,
    reason: row.reason,
    before: row.before ? readJson(row.before) : null,
    after: row.after ? readJson(row.after) : null,
    createdAt: row.createdAt,
  }));
}
