import {
  approverOf,
  canApprove,
  canViewObjective,
  MAX_OBJECTIVES_UNPAGED,
  type ObjectiveAnswer,
  type ObjectivePageAnswer,
  type OrgGraph,
} from "@luodi/core";
import { listObjectives, type ObjectiveFilter, type ObjectiveRow } from "@luodi/db";
import type { Caller } from "../context.ts";
import { decodeTimeCursor, encodeTimeCursor, type TimeCursor } from "../services/time-cursor.ts";
import { graphOf, policyObjectiveOf } from "./objective-access.ts";
import { presentObjectives } from "./objective-views.ts";

/** Page size when only `cursor` is given (as for every list of the contract). */
const DEFAULT_PAGE = 50;

/** Rows read at a time while looking for the visible ones of a page. */
const BATCH = 500;

/**
 * What `GET /objectives` narrows to: the stored filter, and the caller-relative ones — `mine` (what the
 * caller answers for) and `approver: "me"` (the submitted objectives whose decision waits for them).
 */
type ObjectiveListFilter = Omit<ObjectiveFilter, "answerableBy"> & {
  mine?: boolean | undefined;
  approver?: "me" | undefined;
};

/**
 * `GET /objectives`: the objectives matching the filter that the caller may see, with their KRs, oldest
 * first. With `limit` or `cursor` it is one page `{ items, nextCursor }`; the cursor names the last
 * objective answered, so objectives created meanwhile (which come later) neither shift nor repeat a page.
 * With neither it is the first MAX_OBJECTIVES_UNPAGED as a bare array — the answer the first clients
 * read — never an unbounded list.
 */
export async function listVisibleObjectives(
  caller: Caller,
  filter: ObjectiveListFilter,
  page: { limit?: number | undefined; cursor?: string | undefined } = {},
): Promise<ObjectiveAnswer[] | ObjectivePageAnswer> {
  const after = page.cursor === undefined ? undefined : decodeTimeCursor(page.cursor);
  if (page.limit === undefined && after === undefined) {
    const { rows } = await visibleRows(caller, filter, MAX_OBJECTIVES_UNPAGED, undefined);
    return presentObjectives(caller, caller.ctx.db, rows);
  }
  const limit = page.limit ?? DEFAULT_PAGE;
  const { rows, more } = await visibleRows(caller, filter, limit, after);
  const last = rows[rows.length - 1];
  return {
    items: await presentObjectives(caller, caller.ctx.db, rows),
    nextCursor: more && last ? encodeTimeCursor(last) : null,
  };
}

/**
 * The first `limit` objectives after `after` that the caller may see, and whether more follow. Visibility
 * is the policy's (core), not a query's, so rows are read in batches until the page is full.
 */
async function visibleRows(
  caller: Caller,
  filter: ObjectiveListFilter,
  limit: number,
  after: TimeCursor | undefined,
): Promise<{ rows: ObjectiveRow[]; more: boolean }> {
  const { ctx, auth } = caller;
  const graph = await graphOf(caller);
  const { stored, keep } = narrowFor(caller, filter, graph);
  const visible: ObjectiveRow[] = [];
  const batch = Math.max(BATCH, limit + 1);
  let from = after;
  for (;;) {
    const rows = await listObjectives(ctx.db, auth.org.id, stored, { limit: batch, after: from });
    visible.push(
      ...rows.filter((row) => canViewObjective(auth.actor, policyObjectiveOf(row), graph) && keep(row)),
    );
    const lastRead = rows[rows.length - 1];
    if (visible.length > limit || rows.length < batch || !lastRead) break;
    from = { createdAt: lastRead.createdAt, id: lastRead.id };
  }
  return { rows: visible.slice(0, limit), more: visible.length > limit };
}

/**
 * The caller-relative filters as a stored filter (what SQL can narrow) and a rule on each row (what only
 * the org graph decides: whose decision a submitted objective waits for).
 */
function narrowFor(
  caller: Caller,
  filter: ObjectiveListFilter,
  graph: OrgGraph,
): { stored: ObjectiveFilter; keep: (row: ObjectiveRow) => boolean } {
  const { mine, approver, ...rest } = filter;
  const { actor } = caller.auth;
  const stored: ObjectiveFilter = { ...rest };
  if (mine) {
    const led = [...graph.departments.values()].filter((d) => d.leaderId === actor.userId).map((d) => d.id);
    stored.answerableBy = { userId: actor.userId, departmentIds: led };
  }
  if (approver !== "me") return { stored, keep: () => true };
  // A submitted objective waits for its one approver; one that names no one waits for the admins.
  if (stored.status !== undefined && stored.status !== "submitted") return { stored, keep: () => false };
  stored.status = "submitted";
  return {
    stored,
    keep: (row) => {
      const objective = policyObjectiveOf(row);
      const decider = approverOf(objective, graph);
      return decider === actor.userId || (decider === null && canApprove(actor, objective, graph));
    },
  };
}
