import { isApiError, type TreeNodePage, type TreePath } from "@luodi/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../api/client.ts";
import {
  emptyMap,
  loadUntilFound,
  type MapState,
  ROOTS,
  withExpanded,
  withLoading,
  withNodes,
  withPage,
} from "./tree-model.ts";

/** Nodes a page of the map asks for: a screen and a half of rows. */
const PAGE_SIZE = 50;
/** The company objectives opened on arrival, as the map always did, when there are no more than these. */
const OPEN_ON_ARRIVAL = 20;

/**
 * The alignment map of a cycle read level by level (`tree/nodes`): the roots first, a node's children when
 * it is opened, more of a level on demand, and a jump to any node through its ancestors (`tree/path`).
 * Mounted per cycle and department filter, so a change of either starts afresh.
 */
export function useLazyMap(cycleId: string, departmentId: string | undefined) {
  const [state, setState] = useState<MapState>(emptyMap);
  const current = useRef(state);
  const [error, setError] = useState<unknown>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const controller = useRef(new AbortController());
  useEffect(() => {
    const ours = new AbortController();
    controller.current = ours;
    return () => ours.abort();
  }, []);

  const update = useCallback((change: (s: MapState) => MapState) => {
    current.current = change(current.current);
    setState(current.current);
  }, []);

  const fetchPage = useCallback(
    (parentId: string, cursor: string | undefined): Promise<TreeNodePage> =>
      api.cycles.treeNodes(
        cycleId,
        { parentId: parentId === ROOTS ? undefined : parentId, departmentId, cursor, limit: PAGE_SIZE },
        controller.current.signal,
      ),
    [cycleId, departmentId],
  );

  /** Runs a read; a failure shows (unless the map is gone), and the level stops loading. */
  const attempt = useCallback(
    async (parentId: string | null, read: () => Promise<void>) => {
      if (parentId !== null) update((s) => withLoading(s, parentId, true));
      try {
        await read();
      } catch (caught) {
        if (!controller.current.signal.aborted) setError(caught);
      } finally {
        if (parentId !== null) update((s) => withLoading(s, parentId, false));
      }
    },
    [update],
  );

  const loadLevel = useCallback(
    (parentId: string, append: boolean) =>
      attempt(parentId, async () => {
        const cursor = append ? (current.current.levels.get(parentId)?.nextCursor ?? undefined) : undefined;
        const page = await fetchPage(parentId, cursor);
        update((s) => withPage(s, parentId, page, append));
      }),
    [attempt, fetchPage, update],
  );

  const toggle = useCallback(
    (id: string) => {
      const isOpen = current.current.expanded.has(id);
      update((s) => withExpanded(s, [id], !isOpen));
      if (!isOpen && !current.current.levels.has(id)) void loadLevel(id, false);
    },
    [loadLevel, update],
  );

  const collapseAll = useCallback(() => update((s) => withExpanded(s, [...s.expanded], false)), [update]);

  /** Opens the map at an objective: its ancestors' levels read until each next one is found, then opened. */
  const [missingId, setMissingId] = useState<string | null>(null);
  const jumpTo = useCallback(
    (objectiveId: string) =>
      attempt(null, async () => {
        setMissingId(null);
        let path: TreePath;
        try {
          path = await api.cycles.treePath(cycleId, objectiveId, departmentId, controller.current.signal);
        } catch (caught) {
          // Hidden, deleted, in another cycle or outside the department filter: say so, keep the map.
          if (isApiError(caught) && caught.status === 404) {
            setMissingId(objectiveId);
            return;
          }
          throw caught;
        }
        update((s) => withNodes(s, path.items));
        const chain = [ROOTS, ...path.items.map((i) => i.objective.id)];
        for (const [k, parentId] of chain.entries()) {
          const childId = chain[k + 1] ?? objectiveId;
          await loadUntilFound(
            () => current.current,
            parentId,
            childId,
            (cursor) => fetchPage(parentId, cursor),
            (page, append) => update((s) => withPage(s, parentId, page, append)),
          );
        }
        update((s) => withExpanded(s, chain.slice(1), true));
        setFocusId(objectiveId);
      }),
    [attempt, cycleId, departmentId, fetchPage, update],
  );

  const [isStarted, setStarted] = useState(false);
  /** The roots, and the level under the company's objectives; or, given one, the path to an objective. */
  const start = useCallback(
    (openAt: string | null) =>
      attempt(ROOTS, async () => {
        const page = await fetchPage(ROOTS, undefined);
        update((s) => withPage(s, ROOTS, page, false));
        const companies = page.items.filter((i) => i.objective.level === "company" && i.childCount > 0);
        if (!openAt && companies.length <= OPEN_ON_ARRIVAL) {
          const ids = companies.map((i) => i.objective.id);
          update((s) => withExpanded(s, ids, true));
          await Promise.all(ids.map((id) => loadLevel(id, false)));
        }
        setStarted(true);
        if (openAt) await jumpTo(openAt);
      }),
    [attempt, fetchPage, jumpTo, loadLevel, update],
  );

  return {
    state,
    error,
    focusId,
    missingId,
    isStarted,
    start,
    toggle,
    loadMore: loadLevel,
    collapseAll,
    jumpTo,
  };
}

/** Objectives whose title holds `q`, in the map's order, for the map's search box. */
export function searchMap(
  cycleId: string,
  q: string,
  departmentId: string | undefined,
  signal?: AbortSignal,
) {
  return api.cycles.treeNodes(cycleId, { q, departmentId, limit: 20 }, signal);
}
