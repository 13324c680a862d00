import { createHash } from "node:crypto";
import {
  type AlignmentForest,
  AppError,
  alignmentPath,
  compareAlignmentSiblings,
  type ObjectiveLevel,
} from "@luodi/core";
import type { AppContext, Caller } from "../context.ts";
import { presentObjectiveSummary } from "../presenters/presenters.ts";
import { LruCache } from "../services/lru-cache.ts";
import { RawJson } from "../services/read-cache.ts";
import { loadVisibleCycle, visibleForest } from "./cycle-insights.ts";

type SortKey = { id: string; level: ObjectiveLevel; createdAt: string };

/**
 * What the map read level by level needs of one caller's view of a cycle: the forest (the same as the full
 * tree's), each node's answer already serialized — `{ objective, keyResults, childCount }` — in one buffer,
 * and what pages and searches compare. Expanding a node reads slices of it instead of the cycle.
 */
type TreeIndex = {
  forest: AlignmentForest;
  bytes: Buffer;
  /** Where each node's JSON starts and ends in `bytes`. */
  spans: Map<string, readonly [number, number]>;
  keys: Map<string, SortKey>;
  /** Titles in lower case, for `q`. */
  titles: Map<string, string>;
};

async function buildIndex(caller: Caller, cycleId: string, departmentId: string | undefined) {
  const { scope, visible, krRows, krViews } = await loadVisibleCycle(caller, cycleId, departmentId);
  const forest = visibleForest(visible, krRows);
  const parts: Buffer[] = [];
  const spans = new Map<string, readonly [number, number]>();
  const keys = new Map<string, SortKey>();
  const titles = new Map<string, string>();
  let at = 0;
  for (const o of visible) {
    const keyResults = krViews.get(o.id) ?? [];
    const node = {
      objective: presentObjectiveSummary(o, keyResults, scope),
      keyResults,
      childCount: forest.children.get(o.id)?.length ?? 0,
    };
    const part = Buffer.from(JSON.stringify(node));
    parts.push(part);
    spans.set(o.id, [at, at + part.length]);
    at += part.length;
    keys.set(o.id, { id: o.id, level: o.level, createdAt: o.createdAt });
    titles.set(o.id, o.title.toLocaleLowerCase());
  }
  return { forest, bytes: Buffer.concat(parts, at), spans, keys, titles } satisfies TreeIndex;
}

const MINUTE_MS = 60_000;
/** What the kept indexes may hold in all: an admin's index of a 10,000-person company's quarter is ~45 MB. */
const MAX_CACHED_BYTES = 128 * 1024 * 1024;
const NODE_OVERHEAD_BYTES = 300;
// Per app (tests start several in one process); bounded like the read cache, by entries and by bytes.
const caches = new WeakMap<
  AppContext,
  { entries: LruCache<TreeIndex>; inFlight: Map<string, Promise<TreeIndex>> }
>();

/**
 * The caller's index of a cycle's map, kept as the read cache keeps the full tree (services/read-cache.ts):
 * per person, locale and department filter, until the organization's next write or the clock's minute
 * turns (health moves with time alone). Concurrent callers wait for one build.
 */
async function treeIndexOf(caller: Caller, cycleId: string, departmentId: string | undefined) {
  const { ctx, auth } = caller;
  let cache = caches.get(ctx);
  if (!cache) {
    cache = { entries: new LruCache<TreeIndex>(200, MAX_CACHED_BYTES), inFlight: new Map() };
    caches.set(ctx, cache);
  }
  const minute = Math.floor(ctx.config.now().getTime() / MINUTE_MS);
  const key = `${auth.org.id}|${ctx.generations.get(auth.org.id)}|${minute}|${auth.user.id}|${caller.locale}|${cycleId}|${departmentId ?? ""}`;
  const hit = cache.entries.get(key);
  if (hit) return hit;
  let pending = cache.inFlight.get(key);
  if (!pending) {
    const { entries, inFlight } = cache;
    pending = (async () => {
      const index = await buildIndex(caller, cycleId, departmentId);
      // Beside the JSON, each node costs a few small map entries.
      entries.set(key, index, index.bytes.length + index.spans.size * NODE_OVERHEAD_BYTES);
      return index;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** Where a page ended: which list it belongs to, the last node it answered, and that node's place in the order. */
type NodeCursor = { list: string; last: SortKey; position: number };

/** A list named shortly, so the cursor stays within the query's bounds whatever its parent or query. */
function listTag(list: string): string {
  return createHash("sha256").update(list).digest("base64url").slice(0, 16);
}

function encodeCursor(cursor: NodeCursor): string {
  const { list, last, position } = cursor;
  return Buffer.from(JSON.stringify([listTag(list), last.level, last.createdAt, last.id, position])).toString(
    "base64url",
  );
}

const LEVELS: ReadonlySet<string> = new Set(["company", "department", "personal"]);

/** A cursor this list wrote, or a 400 at `querystring.cursor` (garbage, edited, or another list's). */
function decodeCursor(text: string, list: string): NodeCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString());
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 5) {
    const [tag, level, createdAt, id, position] = parsed as unknown[];
    if (
      tag === listTag(list) &&
      LEVELS.has(level as string) &&
      typeof createdAt === "string" &&
      typeof id === "string" &&
      Number.isInteger(position) &&
      (position as number) >= 0
    ) {
      return { list, last: { level: level as ObjectiveLevel, createdAt, id }, position: position as number };
    }
  }
  throw new AppError("request.invalid", {}, [{ path: "querystring.cursor" }]);
}

function pageJson(index: TreeIndex, ids: readonly string[], extra: string): RawJson {
  const parts: Buffer[] = [Buffer.from('{"items":[')];
  ids.forEach((id, i) => {
    const [start, end] = index.spans.get(id) as readonly [number, number];
    if (i > 0) parts.push(Buffer.from(","));
    parts.push(index.bytes.subarray(start, end));
  });
  parts.push(Buffer.from(`]${extra}}`));
  return new RawJson(Buffer.concat(parts));
}

export type TreeNodesQuery = {
  departmentId?: string | undefined;
  parentId?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

/**
 * A page of the alignment map (`GET /cycles/:id/tree/nodes`): the children of `parentId` in the map's order,
 * the roots without it, or with `q` the objectives whose title holds it, depth first. A parent the caller
 * cannot see, or that is outside the department asked for, answers 404 like a missing one.
 */
export async function cycleTreeNodes(caller: Caller, cycleId: string, query: TreeNodesQuery) {
  const { parentId, q, limit } = query;
  if (parentId !== undefined && q !== undefined) {
    throw new AppError("request.invalid", {}, [{ path: "querystring.q" }]);
  }
  const index = await treeIndexOf(caller, cycleId, query.departmentId);
  let ids: readonly string[];
  let list: string;
  if (q !== undefined) {
    const needle = q.toLocaleLowerCase();
    ids = index.forest.order.filter((id) => index.titles.get(id)?.includes(needle));
    list = `${cycleId}|${query.departmentId ?? ""}|q:${q}`;
  } else if (parentId !== undefined) {
    if (!index.spans.has(parentId)) throw new AppError("objective.not_found");
    ids = index.forest.children.get(parentId) ?? [];
    list = `${cycleId}|${query.departmentId ?? ""}|p:${parentId}`;
  } else {
    ids = index.forest.roots;
    list = `${cycleId}|${query.departmentId ?? ""}|roots`;
  }
  let start = 0;
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor, list);
    const found = ids.indexOf(cursor.last.id);
    if (found >= 0) start = found + 1;
    else if (q !== undefined) start = Math.min(cursor.position, ids.length);
    else {
      // The last node shown has gone since (deleted, realigned): go on from where it stood in the order.
      const next = ids.findIndex(
        (id) => compareAlignmentSiblings(index.keys.get(id) as SortKey, cursor.last) > 0,
      );
      start = next < 0 ? ids.length : next;
    }
  }
  const page = ids.slice(start, start + limit);
  const lastId = page.at(-1);
  const nextCursor =
    lastId !== undefined && start + page.length < ids.length
      ? encodeCursor({ list, last: index.keys.get(lastId) as SortKey, position: start + page.length })
      : null;
  return pageJson(index, page, `,"nextCursor":${JSON.stringify(nextCursor)}`);
}

/**
 * The nodes above an objective on the alignment map (`GET /cycles/:id/tree/path`), from its root down to its
 * parent, so a deep link or a search hit opens in place. An objective the caller cannot see, or outside the
 * department asked for, answers 404 like a missing one.
 */
export async function cycleTreePath(
  caller: Caller,
  cycleId: string,
  objectiveId: string,
  departmentId: string | undefined,
) {
  const index = await treeIndexOf(caller, cycleId, departmentId);
  const path = alignmentPath(index.forest, objectiveId);
  if (!path) throw new AppError("objective.not_found");
  return pageJson(index, path, "");
}
