import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

/*
 * People and talent density (人才密度): a person's OKR record and a department's team insights. Both answer
 * 404 to whoever may not read them, so the pages ask and show what comes back — or nothing at all.
 */

/** Cache keys of this feature, beside queries.ts's (another feature's file). */
const peopleKeys = {
  record: (userId: string) => ["person-record", userId] as const,
  insights: (departmentId: string, cycleId: string) => ["team-insights", departmentId, cycleId] as const,
};

/** A person's OKR record across every cycle, oldest first. */
export function usePersonRecord(userId: string) {
  return useQuery({
    queryKey: peopleKeys.record(userId),
    queryFn: ({ signal }) => api.people.record(userId, {}, signal),
    enabled: userId !== "",
  });
}

/** A department's team insights in a cycle (its leaders, those above and admins). */
export function useTeamInsights(departmentId: string, cycleId: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.insights(departmentId, cycleId ?? ""),
    queryFn: ({ signal }) => api.departments.insights(departmentId, cycleId ?? "", signal),
    enabled: departmentId !== "" && !!cycleId,
  });
}
