import { type Executor, listRollupLinks, type RollupKrLink, type RollupObjectiveLink } from "@luodi/db";
import type { OrgGenerations } from "./org-generations.ts";

/** The scope bumped by every write that changes how an organization's KRs and objectives roll up. */
export function rollupScope(orgId: string): string {
  return `rollup:${orgId}`;
}

/**
 * An organization's roll-up structure: which KRs belong to which objective, which sum KR a KR adds into,
 * which KR an objective aligns to, with kinds and weights. Values (progress, current values) are not in it:
 * they move with every check-in and are read in the check-in's transaction.
 */
export type RollupGraph = {
  keyResults: ReadonlyMap<string, RollupKrLink>;
  objectives: ReadonlyMap<string, RollupObjectiveLink>;
  /** Live KR ids of each live objective. */
  keyResultsOf: ReadonlyMap<string, readonly string[]>;
  /** KR ids adding into each KR (read when it is a sum). */
  contributorsOf: ReadonlyMap<string, readonly string[]>;
  /** Objective ids aligned to each KR (read when it is a progress roll-up). */
  alignedTo: ReadonlyMap<string, readonly string[]>;
};

/** Builds the graph's indexes from the links as stored. */
function rollupGraphOf(links: {
  keyResults: readonly RollupKrLink[];
  objectives: readonly RollupObjectiveLink[];
}): RollupGraph {
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  // Each id and kind kept once: rows read from the database carry their own copy of every string, and an
  // organization of 10,000 people has some 55,000 nodes.
  const strings = new Map<string, string>();
  const one = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const kept = strings.get(value);
    if (kept !== undefined) return kept as T;
    strings.set(value, value);
    return value;
  };
  const objectives = links.objectives.map((o) => ({
    id: one(o.id),
    parentKeyResultId: one(o.parentKeyResultId),
    weight: o.weight,
  }));
  const keyResults = links.keyResults.map((kr) => ({
    id: one(kr.id),
    objectiveId: one(kr.objectiveId),
    type: one(kr.type),
    aggregation: one(kr.aggregation),
    parentKeyResultId: one(kr.parentKeyResultId),
    weight: kr.weight,
  }));
  const keyResultsOf = new Map<string, string[]>();
  const contributorsOf = new Map<string, string[]>();
  const alignedTo = new Map<string, string[]>();
  for (const kr of keyResults) {
    push(keyResultsOf, kr.objectiveId, kr.id);
    if (kr.parentKeyResultId) push(contributorsOf, kr.parentKeyResultId, kr.id);
  }
  for (const objective of objectives)
    if (objective.parentKeyResultId) push(alignedTo, objective.parentKeyResultId, objective.id);
  return {
    keyResults: new Map(keyResults.map((kr) => [kr.id, kr])),
    objectives: new Map(objectives.map((o) => [o.id, o])),
    keyResultsOf,
    contributorsOf,
    alignedTo,
  };
}

/** Reads an organization's roll-up graph afresh (two narrow queries). */
export async function loadRollupGraph(db: Executor, orgId: string): Promise<RollupGraph> {
  return rollupGraphOf(await listRollupLinks(db, orgId));
}

/** The nodes (KRs and objectives) of one organization kept at most; a larger one is read from the database. */
const MAX_NODES_PER_ORG = 250_000;
/** The nodes kept over all organizations; the least recently used go first. */
const MAX_NODES = 500_000;
/**
 * A bound on staleness should a NOTIFY be lost without the connection failing; a stale graph costs the
 * roll-up a fallback, never a wrong number, so it can be long (a reload of 10,000 people takes a moment).
 */
const MAX_AGE_MS = 10 * 60_000;

/** `graph` null: the organization was too large to keep; remembered so it is not loaded on every check-in. */
type Entry = { graph: RollupGraph | null; generation: number; loadedAt: number; nodes: number };

/**
 * Keeps each organization's roll-up graph in memory so that a check-in knows the chain above its KR
 * without walking it query by query. An entry is dropped when a write changes the structure (the rollup
 * scope, bumped by change-tracker.ts, and across instances by LISTEN/NOTIFY through OrgGenerations), when
 * a roll-up finds the rows it read disagreeing with it, and after a minute. The roll-up never trusts it
 * blindly: it reads the chain's rows by their relations and falls back to the walk when they lead outside
 * what the graph predicted (services/rollup.ts), so a stale entry costs time, never a wrong number.
 */
export class RollupGraphCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, { generation: number; graph: Promise<RollupGraph | null> }>();
  private nodes = 0;

  private readonly limits: { perOrg: number; total: number; maxAgeMs: number };
  private readonly uncommitted: (scope: string) => boolean;

  constructor(
    private readonly generations: OrgGenerations,
    options: {
      limits?: { perOrg: number; total: number; maxAgeMs: number };
      /** Whether the running transaction changed the scope: its graph is neither the kept one nor to keep. */
      uncommitted?: (scope: string) => boolean;
    } = {},
  ) {
    this.limits = options.limits ?? { perOrg: MAX_NODES_PER_ORG, total: MAX_NODES, maxAgeMs: MAX_AGE_MS };
    this.uncommitted = options.uncommitted ?? (() => false);
  }

  /**
   * The organization's graph, loaded through `db` when stale; null when it is too large to keep, or when
   * the transaction `db` runs changed the graph (what it would load may yet roll back; the caller walks).
   */
  async get(db: Executor, orgId: string): Promise<RollupGraph | null> {
    if (this.uncommitted(rollupScope(orgId))) return null;
    const generation = this.generations.get(rollupScope(orgId));
    const entry = this.entries.get(orgId);
    // Too large to keep: not loaded again (seconds at that size) until its structure changes.
    if (entry && entry.graph === null && entry.generation === generation) return null;
    if (entry && entry.generation === generation && Date.now() - entry.loadedAt < this.limits.maxAgeMs) {
      // Most recently used last: eviction takes the first.
      this.entries.delete(orgId);
      this.entries.set(orgId, entry);
      return entry.graph;
    }
    this.drop(orgId);
    // Check-ins arriving together after a change share one load (on PostgreSQL they would each run one).
    const running = this.loading.get(orgId);
    if (running && running.generation === generation) return running.graph;
    const load = this.load(db, orgId, generation);
    this.loading.set(orgId, { generation, graph: load });
    try {
      return await load;
    } finally {
      if (this.loading.get(orgId)?.graph === load) this.loading.delete(orgId);
    }
  }

  private async load(db: Executor, orgId: string, generation: number): Promise<RollupGraph | null> {
    // The generation was read first: a write racing with this load leaves the entry stale at once.
    const graph = await loadRollupGraph(db, orgId);
    const size = graph.keyResults.size + graph.objectives.size;
    const kept = size <= this.limits.perOrg ? graph : null;
    const nodes = kept ? size : 0;
    this.entries.set(orgId, { graph: kept, generation, loadedAt: Date.now(), nodes });
    this.nodes += nodes;
    for (const [id, old] of this.entries) {
      if (this.nodes <= this.limits.total || id === orgId) break;
      this.entries.delete(id);
      this.nodes -= old.nodes;
    }
    return kept;
  }

  /** Forgets an organization's graph (a roll-up found it out of date). */
  drop(orgId: string): void {
    const entry = this.entries.get(orgId);
    if (!entry) return;
    this.entries.delete(orgId);
    this.nodes -= entry.nodes;
  }

  /** How many nodes are kept, over all organizations (tests of the bound). */
  get size(): number {
    return this.nodes;
  }
}
