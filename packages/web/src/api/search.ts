import type { Member, Objective, ObjectiveListQuery, ObjectivePage } from "@luodi/client";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useDebounced } from "../lib/use-debounced.ts";
import { api } from "./client.ts";

/** How long typing pauses before a picker asks the server. */
const SEARCH_DEBOUNCE_MS = 250;

/** How many matches a picker shows: narrow by typing, never read the whole organization. */
const SEARCH_PAGE = 20;

/**
 * A picker's search over the objectives the caller may see (`GET /objectives?q=`), a page at a time — of
 * each of `bases` when several narrow it (company and department objectives, say). What it has found
 * stays known (`known`), so a chosen objective keeps its label after the search moves on.
 */
export function useObjectiveSearch(
  bases: ObjectiveListQuery | readonly ObjectiveListQuery[],
  enabled = true,
) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const found = useQueries({
    queries: (Array.isArray(bases) ? bases : [bases]).map((base: ObjectiveListQuery) => ({
      // Not under `objectives`: writes patch those lists in place, and these are pages, not lists.
      queryKey: ["objective-search", base, q],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.objectives.page({ ...base, ...(q ? { q } : {}), limit: SEARCH_PAGE }, signal),
      enabled,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    })),
    combine: objectivesFound,
  });
  const known = useRef(new Map<string, Objective>());
  for (const objective of found.results) known.current.set(objective.id, objective);
  return { results: found.results, known: known.current, onSearch: setText, loading: found.loading };
}

/** The pages' matches as one list (a stable function: recombined only when an answer changes). */
function objectivesFound(pages: ReadonlyArray<{ data?: ObjectivePage | undefined; isFetching: boolean }>) {
  return {
    results: pages.flatMap((page) => page.data?.items ?? []),
    loading: pages.some((page) => page.isFetching),
  };
}

/** A picker's search over the members (`GET /members?q=`, name or email), a page at a time. */
export function useMemberSearch(enabled = true) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const found = useQuery({
    queryKey: ["members", "search", q],
    queryFn: ({ signal }) => api.members.page({ ...(q ? { q } : {}), limit: SEARCH_PAGE }, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const results: Member[] = found.data?.items ?? [];
  return { results, onSearch: setText, loading: found.isFetching };
}
