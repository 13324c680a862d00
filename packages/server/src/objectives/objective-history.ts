import { type HistoryEntryAnswer, MAX_HISTORY_UNPAGED, type ObjectiveHistoryPageAnswer } from "@luodi/core";
import { type AuditRow, listAuditEntries, readJson } from "@luodi/db";
import type { Caller } from "../context.ts";
import { decodeTimeCursor, encodeTimeCursor } from "../services/time-cursor.ts";
import { loadObjectiveFor } from "./objective-access.ts";

/** Page size when only `cursor` is given (as for every list of the contract). */
const DEFAULT_PAGE = 50;

/**
 * `GET /objectives/:id/history`: the change log of an objective and its KRs (adjustments with their
 * reasons, workflow, scores…), for whoever may see it (a deleted one too). With `limit` or `cursor` it is one
 * page `{ items, nextCursor }`, newest first; the cursor names the last entry answered, so entries written
 * meanwhile (newer) neither shift nor repeat a page. With neither it is `{ entries }` oldest first, as the
 * first clients read it — the newest MAX_HISTORY_UNPAGED entries, never the whole log.
 */
export async function objectiveHistory(
  caller: Caller,
  id: string,
  query: { limit?: number | undefined; cursor?: string | undefined } = {},
): Promise<{ entries: HistoryEntryAnswer[] } | ObjectiveHistoryPageAnswer> {
  const after = query.cursor === undefined ? undefined : decodeTimeCursor(query.cursor);
  await loadObjectiveFor(caller, caller.ctx.db, id, { includeDeleted: true });
  const read = (limit: number) =>
    listAuditEntries(caller.ctx.db, caller.auth.org.id, { objectiveId: id }, { limit, after });
  if (query.limit === undefined && after === undefined) {
    const rows = await read(MAX_HISTORY_UNPAGED);
    return { entries: rows.slice(0, MAX_HISTORY_UNPAGED).reverse().map(presentEntry) };
  }
  const limit = query.limit ?? DEFAULT_PAGE;
  const rows = await read(limit);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentEntry),
    nextCursor: rows.length > limit && last ? encodeTimeCursor(last) : null,
  };
}

function presentEntry(row: AuditRow): HistoryEntryAnswer {
  return {
    id: row.id,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    actor: row.actorId ? { id: row.actorId, name: row.actorName } : null,
    reason: row.reason,
    before: row.before ? readJson(row.before) : null,
    after: row.after ? readJson(row.after) : null,
    createdAt: row.createdAt,
  };
}
