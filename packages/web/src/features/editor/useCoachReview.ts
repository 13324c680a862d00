import type { CoachFinding, CoachReviewInput } from "@luodi/client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../api/client.ts";
import { useDebounced } from "../../lib/use-debounced.ts";

/** How long typing must pause before the coach reads the OKR again. */
const DEBOUNCE_MS = 400;

export type CoachFindings = {
  score: number | null;
  objective: CoachFinding[];
  set: CoachFinding[];
  keyResult: (index: number) => CoachFinding[];
  isFetching: boolean;
};

/** The coach's findings on the OKR as typed, fetched when typing pauses, grouped by the field they concern. */
export function useCoachReview(input: CoachReviewInput, enabled: boolean): CoachFindings {
  const key = JSON.stringify(input);
  const debouncedKey = useDebounced(key, DEBOUNCE_MS);
  const review = useQuery({
    queryKey: ["coach", debouncedKey],
    queryFn: ({ signal }) => api.coach.review(JSON.parse(debouncedKey) as CoachReviewInput, signal),
    // Judged on the debounced input: the live one may already have a title that the query's key lacks.
    enabled: enabled && (JSON.parse(debouncedKey) as CoachReviewInput).objective.title.trim() !== "",
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return useMemo(() => {
    const findings = review.data?.findings ?? [];
    return {
      score: review.data?.score ?? null,
      objective: findings.filter((f) => f.target === "objective"),
      set: findings.filter((f) => f.target === "set"),
      keyResult: (index: number) => findings.filter((f) => f.target === `keyResults[${index}]`),
      isFetching: review.isFetching,
    };
  }, [review.data, review.isFetching]);
}
