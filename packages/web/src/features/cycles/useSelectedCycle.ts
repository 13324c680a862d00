import type { Cycle } from "@luodi/client";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { useCycles } from "../../api/queries.ts";
import { pickDefaultCycle, todayIn } from "../../lib/cycles.ts";
import { useSession } from "../auth/session.ts";

const STORAGE_KEY = "luodi.cycle";

function stored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The cycle a screen shows: the one in the address (`?cycle=`), else the one picked last in this tab, else
 * the current cycle (the quarter containing today in the organization's time zone).
 */
export function useSelectedCycle() {
  const session = useSession();
  const cycles = useCycles();
  const [params, setParams] = useSearchParams();
  const requested = params.get("cycle") ?? stored();
  const list = cycles.data;
  const cycle: Cycle | undefined = useMemo(() => {
    if (!list) return undefined;
    return (
      list.find((c) => c.id === requested) ?? pickDefaultCycle(list, todayIn(session.organization.timezone))
    );
  }, [list, requested, session.organization.timezone]);

  const setCycle = useCallback(
    (id: string) => {
      try {
        sessionStorage.setItem(STORAGE_KEY, id);
      } catch {
        // Storage unavailable: the address still carries the choice.
      }
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set("cycle", id);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { cycles, cycle, setCycle };
}
