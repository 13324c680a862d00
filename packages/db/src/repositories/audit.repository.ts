import type { Insertable, Selectable } from "kysely";
import type { AuditLogTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type AuditRow = Selectable<AuditLogTable> & { actorName: string | null };

export async function insertAuditEntries(db: Executor, rows: Insertable<AuditLogTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("auditLog").values(rows).execute();
}

/** The change log of an objective and its KRs, oldest first. */
export async function listAuditForObjective(
  db: Executor,
  orgId: string,
  objectiveId: string,
): Promise<AuditRow[]> {
  return db
    .selectFrom("auditLog")
    .leftJoin("user", "user.id", "auditLog.actorId")
    .selectAll("auditLog")
    .select("user.name as actorName")
    .where("auditLog.orgId", "=", orgId)
    .where("auditLog.objectiveId", "=", objectiveId)
    .orderBy("auditLog.createdAt")
    .orderBy("auditLog.id")
    .execute();
}
