import type { Insertable, Selectable } from "kysely";
import type { AuditLogTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type AuditRow = Selectable<AuditLogTable> & { actorName: string | null };

export async function insertAuditEntries(db: Executor, rows: Insertable<AuditLogTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("auditLog").values(rows).execute();
}

/** What `GET /audit` narrows an organization's log to; every field optional. */
export type AuditFilter = {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** Entries about this objective or its KRs (its history). */
  objectiveId?: string | undefined;
  /** From this instant on (inclusive). */
  from?: string | undefined;
  /** Before this instant (exclusive). */
  to?: string | undefined;
};

/**
 * A page of an organization's audit log, newest first (by time, then id). `after` is the last entry of
 * the page before: the next page starts strictly below it, so entries written meanwhile (which are newer)
 * neither shift nor repeat it. Reads `limit + 1` rows so the caller knows whether more follow.
 */
export async function listAuditEntries(
  db: Executor,
  orgId: string,
  filter: AuditFilter,
  page: { limit: number; after?: { createdAt: string; id: string } | undefined },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom("auditLog")
    .leftJoin("user", "user.id", "auditLog.actorId")
    .selectAll("auditLog")
    .select("user.name as actorName")
    .where("auditLog.orgId", "=", orgId);
  if (filter.actorId !== undefined) query = query.where("auditLog.actorId", "=", filter.actorId);
  if (filter.entityType !== undefined) query = query.where("auditLog.entityType", "=", filter.entityType);
  if (filter.entityId !== undefined) query = query.where("auditLog.entityId", "=", filter.entityId);
  if (filter.action !== undefined) query = query.where("auditLog.action", "=", filter.action);
  if (filter.objectiveId !== undefined) query = query.where("auditLog.objectiveId", "=", filter.objectiveId);
  if (filter.from !== undefined) query = query.where("auditLog.createdAt", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("auditLog.createdAt", "<", filter.to);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("auditLog.createdAt", "<", after.createdAt),
        eb.and([eb("auditLog.createdAt", "=", after.createdAt), eb("auditLog.id", "<", after.id)]),
      ]),
    );
  }
  return query
    .orderBy("auditLog.createdAt", "desc")
    .orderBy("auditLog.id", "desc")
    .limit(page.limit + 1)
    .execute();
}
