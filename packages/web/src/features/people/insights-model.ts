import type { Cycle, TeamInsights } from "@luodi/client";
import type { SCORE_BUCKETS } from "@luodi/core";

type Bucket = (typeof SCORE_BUCKETS)[number];

/** The score buckets of the distribution on each scale: [0, 0.3), [0.3, 0.6), [0.6, 0.7], (0.7, 0.95), [0.95, 1]. */
export const BUCKET_LABELS: Record<"0-1" | "0-100", Record<Bucket, string>> = {
  "0-1": {
    below_0_3: "<0.3",
    "0_3_to_0_6": "0.3–0.6",
    "0_6_to_0_7": "0.6–0.7",
    "0_7_to_0_95": "0.7–0.95",
    "0_95_and_above": "≥0.95",
  },
  "0-100": {
    below_0_3: "<30",
    "0_3_to_0_6": "30–60",
    "0_6_to_0_7": "60–70",
    "0_7_to_0_95": "70–95",
    "0_95_and_above": "≥95",
  },
};

/**
 * The buckets in score order, from the labels: not core's SCORE_BUCKETS at run time, whose module loads zod,
 * which probes for eval — a probe the app's CSP reports.
 */
export const BUCKETS = Object.keys(BUCKET_LABELS["0-1"]) as Bucket[];

export type InsightsPerson = TeamInsights["people"][number];

/** The people with a flag first (most flags first), then by name: what needs a leader's eye leads. */
export function sortPeople(people: readonly InsightsPerson[]): InsightsPerson[] {
  return [...people].sort(
    (a, b) => b.flags.length - a.flags.length || a.person.name.localeCompare(b.person.name),
  );
}

/** The names of the cycles a flag rests on, oldest first as the API gives them; an unknown id as itself. */
export function cycleNames(cycleIds: readonly string[], cycles: readonly Cycle[]): string[] {
  return cycleIds.map((id) => cycles.find((c) => c.id === id)?.name ?? id);
}
