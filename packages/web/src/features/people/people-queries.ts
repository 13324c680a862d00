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
export function usePersonRecord(userId: string, mayRead = true) {
  return useQuery({
    queryKey: peopleKeys.record(userId),
    queryFn: ({ signal }) => api.people.record(userId, {}, signal),
    enabled: userId !== "" && mayRead,
  });
}

/** A department's team insights in a cycle (its leaders, those above and admins). */
export function useTeamInsights(departmentId: string, cycleId: string | undefined, mayRead = true) {
  return useQuery({
    queryKey: peopleKeys.insights(departmentId, cycleId ?? ""),
    queryFn: ({ signal }) => api.departments.insights(departmentId, cycleId ?? "", signal),
    enabled: departmentId !== "" && !!cycleId && mayRead,
  });
}

/**
 * Whether asking for someone's record can answer anything: the viewer is the person, an admin, or above them
 * in the manager chain. The server decides; this only spares everyone else a request bound to be refused.
 */
export function mayAskForRecord(
  members: ReadonlyArray<{ userId: string; managerId: string | null }>,
  viewerId: string,
  userId: string,
  admin: boolean,
): boolean {
  if (admin || viewerId === userId) return true;
  const managerOf = new Map(members.map((m) => [m.userId, m.managerId]));
  const seen = new Set<string>();
  for (
    let current = managerOf.get(userId) ?? null;
    current !== null && !seen.has(current);
    current = managerOf.get(current) ?? null
  ) {
    if (current === viewerId) return true;
    seen.add(current);
  }
  return false;
}
