import { AppError, type AuditPageAnswer, canReadAudit } from "@luodi/core";
import { listAuditEntries } from "@luodi/db";
import type { Caller } from "../context.ts";
import { presentAuditEntry } from "../presenters/presenters.ts";

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
    { limit: query.limit, after: query.cursor === undefined ? undefined : decodeCursor(query.cursor) },
  );
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentAuditEntry),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

function encodeCursor(entry: { createdAt: string; id: string }): string {
  return Buffer.from(`${entry.createdAt}|${entry.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt = "", id = "", ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  if (rest.length > 0 || Number.isNaN(Date.parse(createdAt)) || !/^[\w-]{1,64}$/.test(id)) {
    throw new AppError("request.invalid", {}, [{ path: "query.cursor" }]);
  }
  return { createdAt, id };
}
