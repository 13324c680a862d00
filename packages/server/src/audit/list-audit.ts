import { AppError, type AuditPageAnswer, canReadAudit } from "@luodi/core";
import { listAuditEntries } from "@luodi/db";
import type { Caller } from "../context.ts";
import { presentAuditEntry } from "../presenters/presenters.ts";
import { decodeTimeCursor, encodeTimeCursor } from "../services/time-cursor.ts";

/**
 * `GET /audit` (admins): a page of the organization's audit log, newest first, narrowed by the filters.
 * The cursor names the last entry answered, so paging stays put while new entries arrive.
 */
export async function listAudit(
  caller: Caller,
  query: {
    limit: number;
    cursor?: string | undefined;
    actorId?: string | undefined;
    subjectType?: string | undefined;
    subjectId?: string | undefined;
    action?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): Promise<AuditPageAnswer> {
  if (!canReadAudit(caller.auth.actor)) throw new AppError("permission.denied");
  const rows = await listAuditEntries(
    caller.ctx.db,
    caller.auth.org.id,
    {
      actorId: query.actorId,
      entityType: query.subjectType,
      entityId: query.subjectId,
      action: query.action,
      from: query.from === undefined ? undefined : new Date(query.from).toISOString(),
      to: query.to === undefined ? undefined : new Date(query.to).toISOString(),
    },
    { limit: query.limit, after: query.cursor === undefined ? undefined : decodeTimeCursor(query.cursor) },
  );
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentAuditEntry),
    nextCursor: rows.length > query.limit && last ? encodeTimeCursor(last) : null,
  };
}
