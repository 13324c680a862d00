import { type CheckInAnswer, type CheckInPageAnswer, MAX_CHECK_INS_UNPAGED } from "@luodi/core";
import { listCheckIns } from "@luodi/db";
import type { Caller } from "../context.ts";
import { presentCheckIn } from "../presenters/presenters.ts";
import { decodeTimeCursor, encodeTimeCursor } from "../services/time-cursor.ts";
import { loadKeyResultFor } from "./key-result-access.ts";

/** Page size when only `cursor` is given (as for every list of the contract). */
const DEFAULT_PAGE = 50;

/**
 * `GET /key-results/:id/check-ins`: a KR's history, newest first, for whoever may see the KR (a hidden KR
 * answers like a missing one). With `limit` or `cursor` it is one page `{ items, nextCursor }`; the cursor
 * names the last check-in answered, so paging stays put while new check-ins arrive. With neither it is the
 * newest MAX_CHECK_INS_UNPAGED as a bare array — the answer the first clients read — never the whole history.
 */
export async function listKeyResultCheckIns(
  caller: Caller,
  keyResultId: string,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<CheckInAnswer[] | CheckInPageAnswer> {
  const after = query.cursor === undefined ? undefined : decodeTimeCursor(query.cursor);
  await loadKeyResultFor(caller, caller.ctx.db, keyResultId);
  const orgId = caller.auth.org.id;
  if (query.limit === undefined && after === undefined) {
    const rows = await listCheckIns(caller.ctx.db, orgId, keyResultId, { limit: MAX_CHECK_INS_UNPAGED });
    return rows.slice(0, MAX_CHECK_INS_UNPAGED).map(presentCheckIn);
  }
  const limit = query.limit ?? DEFAULT_PAGE;
  const rows = await listCheckIns(caller.ctx.db, orgId, keyResultId, { limit, after });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentCheckIn),
    nextCursor: rows.length > limit && last ? encodeTimeCursor(last) : null,
  };
}
