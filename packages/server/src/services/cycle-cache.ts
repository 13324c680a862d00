import { type CycleRow, type Executor, listCycles } from "@luodi/db";
import type { OrgGenerations } from "./org-generations.ts";

/** The scope bumped by every write to an organization's cycles. */
export function cyclesScope(orgId: string): string {
  return `cycles:${orgId}`;
}

const MAX_AGE_MS = 60_000;

/**
 * What the cache reads of the app context, and no more: typed against the whole AppContext, which holds
 * this cache, the two modules would import each other.
 */
type CycleCacheContext = { generations: OrgGenerations };

/**
 * An organization's cycles, which every check-in and roll-up reads (phase, dates) and which change a few
 * times a quarter: kept until a write to cycles bumps their scope, and a minute at most.
 */
export class CycleCache {
  private readonly entries = new Map<
    string,
    { cycles: Map<string, CycleRow>; generation: number; loadedAt: number }
  >();

  async get(ctx: CycleCacheContext, db: Executor, orgId: string): Promise<Map<string, CycleRow>> {
    const generation = ctx.generations.get(cyclesScope(orgId));
    const entry = this.entries.get(orgId);
    if (entry && entry.generation === generation && Date.now() - entry.loadedAt < MAX_AGE_MS)
      return entry.cycles;
    // The generation was read first: a write racing with this load leaves the entry stale at once.
    const cycles = new Map((await listCycles(db, orgId)).map((c) => [c.id, c]));
    this.entries.set(orgId, { cycles, generation, loadedAt: Date.now() });
    return cycles;
  }
}
