import type { Insertable, Selectable } from "kysely";
import type { AuditLogTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type AuditRow = Selectable<AuditLogTable> & { actor_name: string | null };

export async function insertAuditEntries(db: Executor, rows: Insertable<AuditLogTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("audit_log").values(rows).execute();
}

/** The change log of an objective and its KRs, oldest first. */
export async function listAuditForObjective(
  db: Executor,
  orgId: string,
  objectiveId: string,
): Promise<AuditRow[]> {
  return db
    .selectFrom("audit_log")
    .leftJoin("user", "user.id", "audit_log.actor_id")
    .selectAll("audit_log")
    .select("user.name as actor_name")
    .where("audit_log.org_id", "=", orgId)
    .where("audit_log.objective_id", "=", objectiveId)
    .orderBy("audit_log.created_at")
    .orderBy("audit_log.id")
    .execute();
}
