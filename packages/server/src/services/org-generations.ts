import pg from "pg";

/** The generation that stands for "anything about sign-in changed" (sessions, tokens). */
export const AUTH_SCOPE = "*auth";

/**
 * A scope that every other one follows: bumped by a write whose organization cannot be told (a person's
 * name shows in every organization they belong to), it makes every cached read stale.
 */
export const ANY_SCOPE = "*any";

/**
 * A counter per organization that moves on every write there, so cached reads know when they are stale.
 * Within one process it is exact: a write bumps it before its answer leaves. Across server instances on
 * PostgreSQL, each bump is broadcast with NOTIFY and every instance LISTENs, so others follow within
 * milliseconds; the short lifetime of cached entries bounds the rest.
 */
export class OrgGenerations {
  private readonly counters = new Map<string, number>();
  /** Moves with every bump of a structure scope or of AUTH_SCOPE: what resolving a caller reads. */
  identityBumps = 0;
  private listener: pg.Client | undefined;
  private notifier: ((scope: string) => Promise<void>) | undefined;

  get(scope: string): number {
    // Both only grow, so their sum moves whenever either does.
    return (this.counters.get(scope) ?? 0) + (this.counters.get(ANY_SCOPE) ?? 0);
  }

  /** Marks a scope (an organization id, or AUTH_SCOPE) as changed here and on every other instance. */
  async bump(scope: string): Promise<void> {
    this.bumpLocal(scope);
    await this.notifier?.(scope);
  }

  private bumpLocal(scope: string): void {
    this.counters.set(scope, (this.counters.get(scope) ?? 0) + 1);
    if (scope === AUTH_SCOPE || scope === ANY_SCOPE || scope.startsWith(STRUCTURE_PREFIX))
      this.identityBumps += 1;
  }

  /** Joins the other instances through PostgreSQL's LISTEN/NOTIFY. */
  async connectPostgres(connectionString: string, notify: (scope: string) => Promise<void>): Promise<void> {
    const client = new pg.Client({ connectionString });
    await client.connect();
    client.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) this.bumpLocal(message.payload);
    });
    // A lost connection means missed bumps: forget every counter's meaning by moving them all.
    client.on("error", () => {
      for (const scope of this.counters.keys()) this.bumpLocal(scope);
    });
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
    this.notifier = notify;
  }

  async close(): Promise<void> {
    await this.listener?.end();
    this.listener = undefined;
  }
}

export const CHANNEL = "luodi_changes";

/** The scope of an organization's structure: its settings, members and departments (what sign-in reads). */
export function structureScope(orgId: string): string {
  return `${STRUCTURE_PREFIX}${orgId}`;
}

const STRUCTURE_PREFIX = "structure:";
