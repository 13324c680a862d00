import type { TalentReview, TalentReviewInput, TalentReviewPatch } from "@luodi/client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

/*
 * Talent reviews (人才盘点). Each read is audited by the server and answers 404 to whoever may not open the
 * review, so the pages ask once and show what comes back.
 */

/** Cache keys of this feature, beside queries.ts's (another feature's file). */
const reviewKeys = {
  all: ["talent-reviews"] as const,
  list: (cycleId: string | undefined) => ["talent-reviews", "list", cycleId ?? ""] as const,
  one: (id: string) => ["talent-reviews", "one", id] as const,
  evidence: (userId: string, cycleId: string) => ["talent-review-evidence", userId, cycleId] as const,
};

/** The reviews the caller may open, in a cycle when one is given. */
export function useTalentReviews(cycleId: string | undefined, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...reviewKeys.list(cycleId), pageSize],
    queryFn: ({ signal, pageParam }) =>
      api.talentReviews.list(
        { limit: pageSize, ...(cycleId ? { cycleId } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTalentReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.one(id),
    queryFn: ({ signal }) => api.talentReviews.get(id, signal),
    // A 404 is the answer, not a hiccup: asking again would only log more reads.
    retry: false,
  });
}

export function useCreateTalentReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TalentReviewInput) => api.talentReviews.create(input),
    onSuccess: (review) => {
      client.setQueryData(reviewKeys.one(review.id), review);
      return client.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
}

/** Places people, renames, or moves the status one step; the answer is the whole review. */
export function useUpdateTalentReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: TalentReviewPatch) => api.talentReviews.update(id, patch),
    onSuccess: (review: TalentReview) => {
      client.setQueryData(reviewKeys.one(id), review);
      return client.invalidateQueries({ queryKey: reviewKeys.list(undefined).slice(0, 2) });
    },
  });
}

/** The objectives a person held in the review's cycle, from their OKR record: what a placement may rest on. */
export function useEvidenceOptions(userId: string | undefined, cycleId: string) {
  return useQuery({
    queryKey: reviewKeys.evidence(userId ?? "", cycleId),
    queryFn: async ({ signal }) => {
      const record = await api.people.record(
        userId ?? "",
        { fromCycleId: cycleId, toCycleId: cycleId },
        signal,
      );
      return record.cycles.flatMap((c) => (c.cycle.id === cycleId ? c.objectives : []));
    },
    enabled: !!userId,
    retry: false,
  });
}
