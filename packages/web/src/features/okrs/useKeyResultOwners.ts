import type { Member, Objective } from "@luodi/client";
import { useMemo } from "react";
import { useMemberNames } from "../../api/queries.ts";

/**
 * The people ObjectiveCard names: the owners of these objectives' KRs other than the viewer, asked for by
 * id rather than by reading the whole organization.
 */
export function useKeyResultOwners(
  objectives: readonly Objective[] | undefined,
  userId: string,
): ReadonlyMap<string, Member> {
  const ids = useMemo(() => {
    const owners = new Set<string>();
    for (const objective of objectives ?? [])
      for (const kr of objective.keyResults)
        if (kr.ownerUserId && kr.ownerUserId !== userId) owners.add(kr.ownerUserId);
    return [...owners];
  }, [objectives, userId]);
  return useMemberNames(ids).byId;
}
