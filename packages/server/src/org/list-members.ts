import { AppError, MAX_MEMBERS_UNPAGED, type MemberAnswer, type MemberPageAnswer } from "@luodi/core";
import { listMembersPage, type MemberFilter } from "@luodi/db";
import type { Caller } from "../context.ts";
import { presentMember } from "../presenters/presenters.ts";

/** Page size when only `cursor` is given (as for every list of the contract). */
const DEFAULT_PAGE = 50;

/** The last member a page answered, in the list's order: by name, then user id. */
type MemberCursor = { name: string; userId: string };

function encodeMemberCursor(row: MemberCursor): string {
  return Buffer.from(JSON.stringify([row.name, row.userId])).toString("base64url");
}

/** Reads a cursor `encodeMemberCursor` wrote; anything else is a 400 at `querystring.cursor`. */
function decodeMemberCursor(cursor: string): MemberCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      /^[\w-]{1,64}$/.test(value[1])
    ) {
      return { name: value[0], userId: value[1] };
    }
  } catch {
    // Not JSON: refused below, like any cursor this list did not give.
  }
  throw new AppError("request.invalid", {}, [{ path: "querystring.cursor" }]);
}

/**
 * `GET /members`: the organization's members by name, found by `q` (a part of the name or email),
 * `departmentId` and `ids` (the names a screen shows, a bounded set), for pickers and the admin's list. With `limit` or `cursor` it is one page
 * `{ items, nextCursor }`; the cursor names the last member answered. With neither it is at most
 * MAX_MEMBERS_UNPAGED as a bare array — the answer the first clients read — never an unbounded list.
 */
export async function listMembersFor(
  caller: Caller,
  query: Omit<MemberFilter, "userIds"> & {
    ids?: readonly string[] | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  },
): Promise<MemberAnswer[] | MemberPageAnswer> {
  const { q, departmentId, ids } = query;
  const filter = { q: q === "" ? undefined : q, departmentId, userIds: ids };
  const after = query.cursor === undefined ? undefined : decodeMemberCursor(query.cursor);
  const orgId = caller.auth.org.id;
  if (query.limit === undefined && after === undefined) {
    const rows = await listMembersPage(caller.ctx.db, orgId, filter, { limit: MAX_MEMBERS_UNPAGED });
    return rows.map(presentMember);
  }
  const limit = query.limit ?? DEFAULT_PAGE;
  const rows = await listMembersPage(caller.ctx.db, orgId, filter, { limit: limit + 1, after });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentMember),
    nextCursor: rows.length > limit && last ? encodeMemberCursor(last) : null,
  };
}
