import { AppError } from "@luodi/core";

/** The last row a page answered, in the list's order (newest first, or oldest first): its time, then its id. */
export type TimeCursor = { createdAt: string; id: string };

/** The opaque `nextCursor` of a list read newest first (api.md: `?limit=&cursor=` → `{ items, nextCursor }`). */
export function encodeTimeCursor(row: TimeCursor): string {
  return Buffer.from(`${row.createdAt}|${row.id}`).toString("base64url");
}

/**
 * Reads a cursor that `encodeTimeCursor` wrote. Anything else — edited, truncated, from another list's
 * shape — is a 400 `request.invalid` at `querystring.cursor` (where validation puts query issues), never a query with nonsense in it.
 */
export function decodeTimeCursor(cursor: string): TimeCursor {
  const [createdAt = "", id = "", ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  if (rest.length > 0 || Number.isNaN(Date.parse(createdAt)) || !/^[\w-]{1,64}$/.test(id)) {
    throw new AppError("request.invalid", {}, [{ path: "querystring.cursor" }]);
  }
  return { createdAt, id };
}
