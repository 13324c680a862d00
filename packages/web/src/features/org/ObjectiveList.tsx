import type { Objective } from "@luodi/client";
import { Empty } from "antd";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { useSession } from "../auth/session.ts";
import { ObjectiveCard } from "../okrs/ObjectiveCard.tsx";
import { useKeyResultOwners } from "../okrs/useKeyResultOwners.ts";

/** Objectives as cards, or why there are none (loading, an error with a retry, nothing to see). */
export function ObjectiveList({
  query,
  cycleId,
  empty,
  filter,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: Objective[]; refetch: () => unknown };
  cycleId: string;
  empty: string;
  filter?: (objective: Objective) => boolean;
}) {
  const session = useSession();
  const memberMap = useKeyResultOwners(query.data, session.user.id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const list = (query.data ?? []).filter((o) => (filter ? filter(o) : true));
  if (list.length === 0) return <Empty description={empty} />;
  return (
    <>
      {list.map((o) => (
        <ObjectiveCard
          key={o.id}
          objective={o}
          userId={session.user.id}
          members={memberMap}
          cycleId={cycleId}
        />
      ))}
    </>
  );
}
