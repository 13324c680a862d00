import type { Database } from "@luodi/db";
import type { Kysely } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** What a PostgreSQL pool tells of itself (pg.Pool's counters); SQLite has one connection and no pool. */
export type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

/** Latency buckets in seconds: most answers take milliseconds, a few heavy reads take seconds. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The server's Prometheus metrics, in a registry of its own: each app (and each test's app) counts only
 * its own requests, and one process can hold several without their names clashing. Routes are labelled by
 * their template (`/api/v1/objectives/:id`), never by the raw URL, so ids cannot grow the label set.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<"method" | "route" | "status_code">;
  readonly latency: Histogram<"method" | "route">;
  readonly checkIns: Counter;
  readonly jobs: Counter<"job" | "outcome">;
  readonly deliveries: Counter<"channel" | "outcome">;

  constructor(deps: { db: Kysely<Database>; dialect: string; pool: () => PoolStats | null }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: "luodi_" });
    this.requests = new Counter({
      name: "luodi_http_requests_total",
      help: "HTTP requests answered, by method, route template and status code.",
      labelNames: ["method", "route", "status_code"],
      registers,
    });
    this.latency = new Histogram({
      name: "luodi_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method and route template.",
      labelNames: ["method", "route"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.checkIns = new Counter({
      name: "luodi_check_ins_total",
      help: "Check-ins written (replays of an idempotent request not counted).",
      registers,
    });
    this.jobs = new Counter({
      name: "luodi_scheduled_jobs_total",
      help: "Occurrences of scheduled jobs (reminders, digests) run by this instance, by job and outcome.",
      labelNames: ["job", "outcome"],
      registers,
    });
    this.deliveries = new Counter({
      name: "luodi_deliveries_total",
      help: "Attempts to send a queued email or chat message, by channel and outcome (sent, retry, failed).",
      labelNames: ["channel", "outcome"],
      registers,
    });
    new Gauge({
      name: "luodi_deliveries_pending",
      help: "Emails and chat messages waiting in the outbox (due now or backing off).",
      registers,
      async collect() {
        const row = await deps.db
          .selectFrom("notificationDelivery")
          .select((eb) => eb.fn.countAll<number>().as("count"))
          .where("status", "=", "pending")
          .executeTakeFirst();
        this.set(Number(row?.count ?? 0));
      },
    });
    const poolGauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["dialect"],
        registers,
        collect() {
          const stats = deps.pool();
          if (stats) this.set({ dialect: deps.dialect }, read(stats));
        },
      });
    poolGauge("luodi_db_pool_connections", "Open database connections.", (s) => s.totalCount);
    poolGauge("luodi_db_pool_idle_connections", "Idle database connections.", (s) => s.idleCount);
    poolGauge(
      "luodi_db_pool_waiting_clients",
      "Queries waiting for a free database connection.",
      (s) => s.waitingCount,
    );
  }

  /** Counts one answered request; `route` is the matched template, or null when no route matched. */
  observeRequest(method: string, route: string | null, statusCode: number, seconds: number): void {
    const template = route ?? "unmatched";
    this.requests.inc({ method, route: template, status_code: String(statusCode) });
    this.latency.observe({ method, route: template }, seconds);
  }
}
