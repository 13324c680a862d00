import type { Actor, Locale, OrgSettings } from "@luodi/core";
import type { Database, DialectName, MemberRow, OrganizationRow, UserRow } from "@luodi/db";
import type { Kysely } from "kysely";
import type { ServerConfig } from "./config.ts";
import type { Mailer } from "./mail/mailer.ts";
import type { ServerMetrics } from "./metrics/server-metrics.ts";
import type { EventHub } from "./notifications/event-hub.ts";
import type { BackgroundWork } from "./services/background.ts";
import type { ChangeTracker } from "./services/change-tracker.ts";
import type { CycleCache } from "./services/cycle-cache.ts";
import type { LruCache } from "./services/lru-cache.ts";
import type { OrgGenerations } from "./services/org-generations.ts";
import type { OrgGraphCache } from "./services/org-graph-cache.ts";
import type { RollupGraphCache } from "./services/rollup-graph-cache.ts";

/** What every service may use: the database, the configuration and the shared caches. */
export type AppContext = {
  db: Kysely<Database>;
  dialect: DialectName;
  config: ServerConfig;
  /** Sees every write through `db` and bumps what it makes stale; `inTransaction` defers that to the commit. */
  changes: ChangeTracker;
  graphs: OrgGraphCache;
  /** Each organization's roll-up structure (objectives, KRs, alignments, weights), read by every check-in. */
  rollups: RollupGraphCache;
  /** Each organization's cycles (phases and dates), read by every check-in. */
  cycles: CycleCache;
  /** Moves on every write per organization; cached reads compare against it. */
  generations: OrgGenerations;
  /** Resolved callers by credential, valid while their organization's generation holds. */
  authCache: LruCache<CachedAuth>;
  /** Serialized answers of the heavy reads (tree, dashboard, lists), by what they depend on. */
  readCache: LruCache<Buffer>;
  /** Sends invitations and password links when SMTP_URL is set; null otherwise. */
  mailer: Mailer | null;
  /** Work started by a request and finished after its answer (emails whose timing must not show). */
  background: BackgroundWork;
  /** The open event streams of this process (GET /events), fed after each commit. */
  events: EventHub;
  /** Sends the outbox of notification emails and chat messages (notifications/delivery-sender.ts). */
  deliveries: {
    /** Something was queued: send it now. */
    wake: () => void;
    /** Claims and sends what is due; answers how many were claimed. */
    sweep: () => Promise<number>;
    /** Waits for the sending under way. */
    idle: () => Promise<void>;
  };
  /** Prometheus counters of this process (GET /metrics). */
  metrics: ServerMetrics;
  /** Runs reminders at their time, once per occurrence across instances (scheduler/scheduler.ts). */
  scheduler: { tick: () => Promise<void>; stop: () => Promise<void> };
};

export type CachedAuth = { auth: RequestAuth; orgGeneration: number; authGeneration: number; until: number };

/** The signed-in caller within one organization. */
export type RequestAuth = {
  user: UserRow;
  org: OrganizationRow;
  settings: OrgSettings;
  membership: MemberRow;
  actor: Actor;
  sessionId: string | null;
  /** The API token the caller authenticated with, if any. */
  tokenId: string | null;
};

/** What a use case receives about its caller. */
export type Caller = { ctx: AppContext; auth: RequestAuth; locale: Locale };
