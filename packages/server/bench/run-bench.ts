/**
 * `npm run bench`: builds a 10,000-person organization with `luodi demo --size`, starts the real server
 * and a bare Fastify "ceiling" as child processes, loads both with autocannon, and reports requests per
 * second, latency, the share of the ceiling reached and the server's peak memory. Targets are reported,
 * never asserted. Writes bench-results/bench.json.
 *
 * Knobs (environment): BENCH_SIZE (10000), BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_ONLY (a scenario
 * name prefix: home, map, dashboard, check-in, agenda, pages, import), BENCH_AGENDA_RUNS (21).
 *
 * `--db postgres` runs it all on PostgreSQL at BENCH_DATABASE_URL, which the demo EMPTIES first (--reset):
 * point it at a database kept for benchmarks. SQLite (a file in a temporary folder) otherwise.
 * `--instances N` (with `--db postgres`) runs N server processes on the one database behind a round-robin
 * proxy (round-robin-proxy.ts), and measures the ceiling as N processes behind the same proxy.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { connect } from "@luodi/db";
import { sql } from "kysely";
import type { CeilingConfig } from "./ceiling-server.ts";
import { type CoachBenchResult, runCoachBench, webBundleReport } from "./extras.ts";
import { type ImportBenchResult, importBench } from "./import-bench.ts";
import { type Measurement, measure } from "./measure.ts";
import { pagesBench } from "./pages-bench.ts";
import {
  freePort,
  type LoadedServer,
  type NodeChild,
  runNode,
  ServerGroup,
  ServerUnderTest,
  single,
  startNode,
  startProxy,
  waitForHttp,
  waitUntilAllQuiet,
} from "./processes.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const CLI = join(ROOT, "packages/cli/src/main.ts");
const CEILING = join(ROOT, "packages/server/bench/ceiling-server.ts");
const SIZE = Number(process.env.BENCH_SIZE ?? 10_000);
const DB_FLAG = process.argv.indexOf("--db");
const DATABASE: "sqlite" | "postgres" =
  process.argv[DB_FLAG + 1] === "postgres" && DB_FLAG >= 0 ? "postgres" : "sqlite";
const INSTANCES_FLAG = process.argv.indexOf("--instances");
/** Server processes on one database behind a round-robin proxy (PostgreSQL only: SQLite is one process). */
const INSTANCES = INSTANCES_FLAG >= 0 ? Number(process.argv[INSTANCES_FLAG + 1]) : 1;
/** The server's and the demo's DATABASE_URL: empty for SQLite. */
const DATABASE_URL = DATABASE === "postgres" ? (process.env.BENCH_DATABASE_URL ?? "") : "";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 2;
const WARMUP_CONNECTIONS = 4;
/** Longest wait for the server to finish abandoned requests before it is restarted instead. */
const DRAIN_LIMIT_MS = 15_000;
const HOST = "127.0.0.1";
const ADMIN = { email: "admin@synthetic.example", password: "luodi-demo" };
const MB = 1024 * 1024;

type Scenario = {
  name: string;
  method: "GET" | "POST";
  /** Path and query, as sent. */
  path: string;
  token: string;
  bodyBytes: number;
  next?: () => { path: string; body: string };
  target:
    | { kind: "ratio"; min: number; maxBytes?: number }
    | { kind: "write"; minRps: number; maxP99Ms: number }
    | null;
};

type ScenarioResult = {
  name: string;
  method: string;
  path: string;
  answerBytes: number;
  server: Measurement;
  ceiling: Measurement;
  /** Server requests/s over ceiling requests/s. */
  ratio: number;
  peakRssMb: number;
  /** One request on an otherwise idle server. */
  unloadedMs: number;
  /** How long the server stayed busy with abandoned requests after the run. */
  drainSeconds: number;
  /** The backlog outlasted the limit (or the server died) and the server was restarted. */
  restarted: boolean;
  /** Exit code and last output when the server died under this load. */
  serverDied: string | null;
  target: string;
  met: boolean | null;
};

/** The web app's initial JavaScript, as the web package measures it (the bench does not import web code). */
function initialWebJs(root: string): { gzipBytes: number; limitBytes: number; withinLimit: boolean } | null {
  const script = join(root, "packages/web/scripts/bundle-size.ts");
  const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
  const result = spawnSync(process.execPath, [tsx, script, "--json"], { cwd: root, encoding: "utf8" });
  try {
    const report = JSON.parse(result.stdout) as {
      gzipBytes: number;
      limitBytes: number;
      withinLimit: boolean;
    };
    return { gzipBytes: report.gzipBytes, limitBytes: report.limitBytes, withinLimit: report.withinLimit };
  } catch {
    return null;
  }
}

async function api<T>(
  baseUrl: string,
  method: string,
  path: string,
  init: { token?: string; cookie?: string; body?: unknown } = {},
) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
  return { json: (text ? JSON.parse(text) : null) as T, text, headers: response.headers };
}

/** Signs in and makes a personal API token, as a script would. */
async function tokenFor(baseUrl: string, email: string, password: string): Promise<string> {
  const login = await api<unknown>(baseUrl, "POST", "/auth/login", { body: { email, password } });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const token = await api<{ token: string }>(baseUrl, "POST", "/tokens", { cookie, body: { name: "bench" } });
  return token.json.token;
}

/** Median time of three requests, one at a time. */
async function singleRequestMs(baseUrl: string, scenario: Scenario): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const request = scenario.next ? scenario.next() : { path: scenario.path, body: undefined };
    const started = performance.now();
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: scenario.method,
      headers: {
        authorization: `Bearer ${scenario.token}`,
        ...(request.body ? { "content-type": "application/json" } : {}),
      },
      ...(request.body ? { body: request.body } : {}),
    });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1] ?? 0;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printTable(results: readonly ScenarioResult[]): string {
  const header = [
    "endpoint",
    "answer",
    "1 request",
    "req/s",
    "p50 ms",
    "p99 ms",
    "ceiling req/s",
    "ceiling p99",
    "ratio",
    "peak RSS",
    "target",
    "met",
  ];
  const rows = results.map((r) => [
    `${r.method} ${r.name}`,
    r.answerBytes >= MB
      ? `${fmt(r.answerBytes / MB, 1)} MB`
      : r.answerBytes >= 1024
        ? `${fmt(r.answerBytes / 1024, 1)} KB`
        : `${r.answerBytes} B`,
    `${fmt(r.unloadedMs, 1)} ms`,
    fmt(r.server.requestsPerSecond),
    fmt(r.server.p50Ms, 1),
    fmt(r.server.p99Ms, 1),
    fmt(r.ceiling.requestsPerSecond),
    fmt(r.ceiling.p99Ms, 1),
    `${fmt(r.ratio * 100, 1)} %`,
    `${fmt(r.peakRssMb)} MB`,
    r.target,
    r.serverDied ? "DIED" : r.met === null ? "–" : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** Issue 9: generating a whole-company meeting's agenda from live data stays under this, one request alone. */
const AGENDA_TARGET_MS = 200;
/** How many agendas are computed from the database (each after a write), and how many kept ones are read. */
const AGENDA_RUNS = Number(process.env.BENCH_AGENDA_RUNS ?? 21);

type AgendaBenchResult = {
  /** The very first request: the agenda computed on a server that never computed one (its code not yet warm). */
  firstMs: number;
  /** Agendas computed from the database, each on the request after a write (a new meeting), which drops kept reads. */
  cold: { medianMs: number; p95Ms: number; minMs: number; maxMs: number; runs: number };
  /** The baseline: later requests within the minute and with no write between, the kept agenda filtered for the caller. */
  cached: { medianMs: number; p95Ms: number; minMs: number; maxMs: number; runs: number };
  answerBytes: number;
  sections: Record<string, number>;
  target: string;
  /** Judged on the cold median. */
  met: boolean;
};

/** Median, 95th percentile (nearest rank), min and max of some timings. */
function spread(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (share: number) => sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
  return {
    medianMs: rank(0.5),
    p95Ms: rank(0.95),
    minMs: sorted[0] ?? 0,
    maxMs: sorted.at(-1) ?? 0,
    runs: sorted.length,
  };
}

/**
 * The agenda of a 双月会 of the whole company in the current quarter, generated from live data (the meeting
 * has not started, so nothing is frozen): one request at a time on an idle server. Each round schedules a
 * new meeting — a write, so the next read computes its agenda from the database (cold) — then reads it
 * again (the kept computation filtered for the caller, as the tree and the dashboard do: the baseline).
 * The target is judged on the cold median.
 */
async function agendaBench(baseUrl: string, token: string, cycleId: string): Promise<AgendaBenchResult> {
  console.log(`\n   agenda: a whole-company meeting's agenda, one request at a time, ${AGENDA_RUNS} rounds`);
  const timed = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${path} → ${response.status}: ${text.slice(0, 500)}`);
    return { ms: performance.now() - started, text };
  };
  const schedule = async () => {
    const meeting = await api<{ id: string }>(baseUrl, "POST", "/meetings", {
      token,
      body: { kind: "bimonthly", title: "双月会 (bench)", cycleId, scheduledAt: new Date().toISOString() },
    });
    return `/meetings/${meeting.json.id}/agenda`;
  };
  const first = await timed(await schedule());
  const cold: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < AGENDA_RUNS; i++) {
    const path = await schedule();
    cold.push((await timed(path)).ms);
    cached.push((await timed(path)).ms);
  }
  const answer = JSON.parse(first.text) as { sections: { kind: string; items: unknown[] }[] };
  const result: AgendaBenchResult = {
    firstMs: first.ms,
    cold: spread(cold),
    cached: spread(cached),
    answerBytes: Buffer.byteLength(first.text),
    sections: Object.fromEntries(answer.sections.map((s) => [s.kind, s.items.length])),
    target: `< ${AGENDA_TARGET_MS} ms`,
    met: spread(cold).medianMs < AGENDA_TARGET_MS,
  };
  console.log(
    `   agenda: first ${fmt(first.ms, 1)} ms; computed median ${fmt(result.cold.medianMs, 1)} ms, p95 ${fmt(result.cold.p95Ms, 1)} ms (min ${fmt(result.cold.minMs, 1)}, max ${fmt(result.cold.maxMs, 1)}); kept median ${fmt(result.cached.medianMs, 1)} ms, p95 ${fmt(result.cached.p95Ms, 1)} ms; ${fmt(result.answerBytes / 1024, 1)} KB; items ${JSON.stringify(result.sections)}`,
  );
  return result;
}

/** Issue 12: the map's first screen (the roots with their key results) stays under this. */
const MAP_FIRST_SCREEN_MAX_BYTES = 200 * 1024;

type Subjects = {
  quarter: { id: string; startDate: string; endDate: string };
  someone: string;
  someoneEmail: string;
  measuredKrs: string[];
};

/**
 * The quarter, one person with personal objectives in it, and the measured personal key results a check-in
 * may go to: read from the database the demo built, before the server starts.
 */
async function readSubjects(dataDir: string): Promise<Subjects> {
  const handle = connect({
    databaseUrl: DATABASE_URL || undefined,
    sqlitePath: join(dataDir, "luodi.db"),
  });
  try {
    const quarter = await handle.db
      .selectFrom("cycle")
      .select(["id", "startDate", "endDate"])
      .where("kind", "=", "quarter")
      .orderBy("startDate", "desc")
      .executeTakeFirst();
    if (!quarter) throw new Error("the demo organization has no quarter");
    const measured = await handle.db
      .selectFrom("keyResult")
      .innerJoin("objective", "objective.id", "keyResult.objectiveId")
      .select(["keyResult.id", "objective.ownerUserId"])
      .where("objective.cycleId", "=", quarter.id)
      .where("objective.level", "=", "personal")
      .where("objective.deletedAt", "is", null)
      .where("keyResult.deletedAt", "is", null)
      .where("keyResult.type", "in", ["number", "percentage", "currency"])
      .orderBy("keyResult.id")
      .execute();
    const owners = [...new Set(measured.flatMap((kr) => (kr.ownerUserId ? [kr.ownerUserId] : [])))].sort();
    const someone = owners[Math.floor(owners.length / 2)];
    if (!someone || measured.length === 0)
      throw new Error("the quarter has no measured personal key results");
    const user = await handle.db
      .selectFrom("user")
      .select("email")
      .where("id", "=", someone)
      .executeTakeFirst();
    if (!user) throw new Error(`no user ${someone}`);
    return { quarter, someone, someoneEmail: user.email, measuredKrs: measured.map((kr) => kr.id) };
  } finally {
    await handle.destroy();
  }
}

/** The whole company's tree once, as an export reads it: its size, time and the server's peak memory. */
async function wholeTreeOnce(baseUrl: string, path: string, token: string, takeWindowPeak: () => number) {
  takeWindowPeak();
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return { bytes, seconds: (performance.now() - started) / 1000, peakRssMb: takeWindowPeak() / MB };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const work = mkdtempSync(join(tmpdir(), "luodi-bench-"));
  const dataDir = join(work, "data");
  console.log(
    `Luodi benchmark: ${SIZE} people, ${CONNECTIONS} connections, ${SECONDS} s per run, ${cpus().length} CPUs, ${DATABASE}`,
  );
  if (!Number.isInteger(INSTANCES) || INSTANCES < 1) throw new Error("--instances takes a whole number ≥ 1");
  if (INSTANCES > 1 && DATABASE !== "postgres")
    throw new Error("--instances above 1 needs --db postgres: SQLite's file is one server's");
  if (DATABASE === "postgres" && !DATABASE_URL)
    throw new Error("--db postgres needs BENCH_DATABASE_URL (a database the benchmark may empty)");

  console.log(`\n1. Building the organization (luodi demo --size ${SIZE}) in ${dataDir}`);
  const buildSeconds = await runNode(
    CLI,
    [
      "demo",
      "--size",
      String(SIZE),
      "--data-dir",
      dataDir,
      "--locale",
      "zh-CN",
      ...(DATABASE === "postgres" ? ["--reset"] : []),
    ],
    {
      DATABASE_URL,
    },
  );
  // The demo's bulk load leaves PostgreSQL without statistics and visibility map until autovacuum comes by:
  // planned blind, the dashboard's check-in join runs for minutes, and index-only scans read the table too.
  // A server's data grows slowly and autovacuum keeps up with it; the benchmark does at once what it would.
  if (DATABASE === "postgres") {
    const handle = connect({ databaseUrl: DATABASE_URL });
    await sql`vacuum analyze`.execute(handle.db);
    await handle.destroy();
  }
  const subjects = await readSubjects(dataDir);
  // PostgreSQL's size is not a file here: reported as 0.
  const dbBytes = DATABASE === "sqlite" ? statSync(join(dataDir, "luodi.db")).size : 0;

  const serverPorts: number[] = [];
  for (let i = 0; i < INSTANCES; i++) serverPorts.push(await freePort());
  const instances = serverPorts.map(
    (port) =>
      new ServerUnderTest(CLI, `http://${HOST}:${port}/healthz`, {
        DATA_DIR: dataDir,
        DATABASE_URL,
        PORT: String(port),
        HOST,
        LOG_LEVEL: "warn",
      }),
  );
  const serverPort = INSTANCES > 1 ? await freePort() : (serverPorts[0] as number);
  const baseUrl = `http://${HOST}:${serverPort}`;
  const server: LoadedServer =
    INSTANCES > 1
      ? new ServerGroup(instances, serverPort, serverPorts)
      : single(instances[0] as ServerUnderTest);
  console.log(
    `\n2. Starting the server on ${baseUrl}${INSTANCES > 1 ? ` (a round-robin proxy in front of ${INSTANCES} instances on ${serverPorts.join(", ")})` : ""}`,
  );
  const ceilings: NodeChild[] = [];
  try {
    await server.start();
    const idleRssMb = server.rssNow() / MB;

    // What to ask for: the current quarter, one person's home page, many KRs to check in on — read from the
    // database before the load, so that the server is never asked for the whole company at once.
    const adminToken = await tokenFor(baseUrl, ADMIN.email, ADMIN.password);
    const { quarter, someone, someoneEmail, measuredKrs } = subjects;
    const someoneToken = await tokenFor(baseUrl, someoneEmail, ADMIN.password);
    console.log(`   ${fmt(measuredKrs.length)} measured personal KRs; home of ${someoneEmail}`);

    const homePath = `/api/v1/objectives?ownerUserId=${someone}&cycleId=${quarter.id}`;
    const treePath = `/api/v1/cycles/${quarter.id}/tree`;
    const mapPath = `/api/v1/cycles/${quarter.id}/tree/nodes`;
    const dashboardPath = `/api/v1/cycles/${quarter.id}/dashboard`;
    let turn = 0;
    const nextCheckIn = () => {
      turn += 1;
      const id = measuredKrs[(turn * 7919) % measuredKrs.length];
      return {
        path: `/api/v1/key-results/${id}/check-ins`,
        body: JSON.stringify({ value: String(turn % 997), confidence: 7, note: "bench" }),
      };
    };

    // The real answers, kept as the ceiling's bytes.
    const bodies = join(work, "bodies");
    mkdirSync(bodies);
    const readOnce = async (path: string, token: string, file: string) => {
      const answer = await api<unknown>(baseUrl, "GET", path.replace(/^\/api\/v1/, ""), { token });
      writeFileSync(join(bodies, file), answer.text);
      return Buffer.byteLength(answer.text);
    };
    const homeBytes = await readOnce(homePath, someoneToken, "home.json");
    const mapBytes = await readOnce(mapPath, adminToken, "map.json");
    const wholeTree = await wholeTreeOnce(baseUrl, treePath, adminToken, () => server.takeWindowPeak());
    console.log(
      `   whole tree (an export, not loaded): ${fmt(wholeTree.bytes / MB, 1)} MB in ${fmt(wholeTree.seconds, 1)} s, server peak ${fmt(wholeTree.peakRssMb)} MB`,
    );
    const dashboardBytes = await readOnce(dashboardPath, adminToken, "dashboard.json");
    // One real check-in, for the size of its answer (the ceiling echoes the request instead).
    const sample = nextCheckIn();
    const checkInAnswer = await api<unknown>(baseUrl, "POST", sample.path.replace(/^\/api\/v1/, ""), {
      token: adminToken,
      body: JSON.parse(sample.body),
    });
    const checkInBytes = Buffer.byteLength(checkInAnswer.text);

    // The ceiling stands as the server does: one process, or as many behind the same kind of proxy.
    const ceilingPorts: number[] = [];
    for (let i = 0; i < INSTANCES; i++) ceilingPorts.push(await freePort());
    for (const [i, port] of ceilingPorts.entries()) {
      const ceilingConfig: CeilingConfig = {
        host: HOST,
        port,
        reads: [
          { path: "/api/v1/objectives", bodyFile: join(bodies, "home.json") },
          { path: mapPath, bodyFile: join(bodies, "map.json") },
          { path: dashboardPath, bodyFile: join(bodies, "dashboard.json") },
        ],
        writes: [{ path: "/api/v1/key-results/:id/check-ins", status: 201 }],
      };
      writeFileSync(join(work, `ceiling-${i}.json`), JSON.stringify(ceilingConfig));
      const ceiling = startNode(CEILING, [join(work, `ceiling-${i}.json`)], {});
      ceilings.push(ceiling);
      await waitForHttp(`http://${HOST}:${port}/healthz`, ceiling);
    }
    const ceilingPids = ceilings.map((c) => c.pid);
    let ceilingUrl = `http://${HOST}:${ceilingPorts[0]}`;
    if (INSTANCES > 1) {
      const proxyPort = await freePort();
      const proxy = startProxy(proxyPort, ceilingPorts);
      ceilings.push(proxy);
      ceilingUrl = `http://${HOST}:${proxyPort}`;
      await waitForHttp(`${ceilingUrl}/healthz`, proxy);
    }

    const scenarios: Scenario[] = [
      {
        name: "home (objectives of one person)",
        method: "GET",
        path: homePath,
        token: someoneToken,
        bodyBytes: homeBytes,
        target: { kind: "ratio", min: 0.4 },
      },
      {
        name: "map (first screen: tree/nodes roots)",
        method: "GET",
        path: mapPath,
        token: adminToken,
        bodyBytes: mapBytes,
        target: { kind: "ratio", min: 0.5, maxBytes: MAP_FIRST_SCREEN_MAX_BYTES },
      },
      {
        name: "dashboard",
        method: "GET",
        path: dashboardPath,
        token: adminToken,
        bodyBytes: dashboardBytes,
        target: null,
      },
      {
        name: "check-in",
        method: "POST",
        path: sample.path,
        token: adminToken,
        bodyBytes: checkInBytes,
        next: nextCheckIn,
        target: { kind: "write", minRps: 2000, maxP99Ms: 25 },
      },
    ];

    console.log(`\n3. Load: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per run`);
    const results: ScenarioResult[] = [];
    const only = process.env.BENCH_ONLY;
    for (const scenario of scenarios.filter(
      (s) => !only || only.split(",").some((o) => s.name.startsWith(o)),
    )) {
      // Answers of megabytes (the whole company's tree) are sent side by side and all finish late: count a
      // fixed number of them (one per connection) instead of what completes within the seconds.
      const amount = scenario.bodyBytes > MB ? CONNECTIONS : undefined;
      const timeoutSeconds = amount ? 120 : 30;
      const load = (base: string) => ({
        baseUrl: base,
        method: scenario.method,
        path: scenario.path,
        headers: { authorization: `Bearer ${scenario.token}` },
        connections: CONNECTIONS,
        timeoutSeconds,
        ...(scenario.next ? { next: scenario.next } : {}),
      });
      // A light warm-up (few connections), so that heavy endpoints leave no backlog behind it.
      await measure({ ...load(baseUrl), connections: WARMUP_CONNECTIONS, seconds: WARMUP_SECONDS });
      await waitUntilAllQuiet(server.pids(), DRAIN_LIMIT_MS);
      const unloadedMs = await singleRequestMs(baseUrl, scenario);
      server.takeWindowPeak();
      const onServer = await measure({ ...load(baseUrl), seconds: SECONDS, ...(amount ? { amount } : {}) });
      const peakRssMb = server.takeWindowPeak() / MB;
      // Fastify keeps working on requests whose clients left; past the limit the backlog is cut short
      // by restarting the server (SQLite survives a kill), so the run's length stays bounded.
      const death = server.death();
      if (death) console.log(`   THE SERVER DIED during ${scenario.name}: ${death.slice(-3000)}`);
      const drainSeconds = death ? 0 : await waitUntilAllQuiet(server.pids(), DRAIN_LIMIT_MS);
      const restarted = !!death || drainSeconds * 1000 >= DRAIN_LIMIT_MS;
      if (restarted) await server.restart();
      await measure({ ...load(ceilingUrl), connections: WARMUP_CONNECTIONS, seconds: WARMUP_SECONDS });
      await waitUntilAllQuiet(ceilingPids, DRAIN_LIMIT_MS);
      const onCeiling = await measure({
        ...load(ceilingUrl),
        seconds: SECONDS,
        ...(amount ? { amount } : {}),
      });
      await waitUntilAllQuiet(ceilingPids, DRAIN_LIMIT_MS);
      const ratio =
        onCeiling.requestsPerSecond > 0 ? onServer.requestsPerSecond / onCeiling.requestsPerSecond : 0;
      const target = scenario.target;
      const result: ScenarioResult = {
        name: scenario.name,
        method: scenario.method,
        path: scenario.path,
        answerBytes: scenario.bodyBytes,
        server: onServer,
        ceiling: onCeiling,
        ratio,
        peakRssMb,
        unloadedMs,
        drainSeconds,
        restarted,
        serverDied: death ?? null,
        target:
          target === null
            ? "–"
            : target.kind === "ratio"
              ? `≥ ${target.min * 100} % of ceiling${target.maxBytes ? `, < ${fmt(target.maxBytes / 1024)} KB` : ""}`
              : `≥ ${fmt(target.minRps)}/s, p99 ≤ ${target.maxP99Ms} ms`,
        met:
          target === null
            ? null
            : target.kind === "ratio"
              ? ratio >= target.min &&
                onServer.non2xx === 0 &&
                (target.maxBytes === undefined || scenario.bodyBytes < target.maxBytes)
              : onServer.requestsPerSecond >= target.minRps &&
                onServer.p99Ms <= target.maxP99Ms &&
                onServer.non2xx === 0,
      };
      results.push(result);
      const problems = [
        onServer.non2xx ? `${onServer.non2xx} non-2xx` : "",
        onServer.errors ? `${onServer.errors} errors` : "",
        onServer.timeouts ? `${onServer.timeouts} timeouts` : "",
        death ? "the server died" : "",
        restarted && !death
          ? `still busy ${fmt(DRAIN_LIMIT_MS / 1000)} s after the run: restarted`
          : drainSeconds > 1
            ? `still busy ${fmt(drainSeconds, 1)} s after the run`
            : "",
      ].filter(Boolean);
      console.log(
        `   ${scenario.method} ${scenario.name}: ${fmt(onServer.requestsPerSecond)}/s (p99 ${fmt(onServer.p99Ms, 1)} ms) vs ceiling ${fmt(onCeiling.requestsPerSecond)}/s${problems.length ? ` — ${problems.join(", ")}` : ""}`,
      );
      for (const failure of onServer.failures) console.log(`     ${failure}`);
    }
    const agenda =
      !only || only.split(",").some((o) => "agenda".startsWith(o))
        ? await agendaBench(baseUrl, adminToken, quarter.id)
        : null;
    // Issue 12: the pages a person opens, in a real browser, with what each downloaded.
    let pages: Awaited<ReturnType<typeof pagesBench>> | null = null;
    if (!only || only.split(",").some((o) => "pages".startsWith(o))) {
      pages = await pagesBench({
        root: ROOT,
        baseUrl,
        member: { email: someoneEmail, password: ADMIN.password },
        admin: ADMIN,
      });
      if ("skipped" in pages) console.log(`   pages in a browser: skipped (${pages.skipped})`);
      else
        for (const page of pages.pages)
          console.log(
            `   ${page.name} in a browser (${page.who}): content in ${fmt(page.contentMs)} ms (under 2 s: ${page.contentMs < 2000 ? "yes" : "NO"}), ${fmt(page.jsonBytes / 1024, 1)} KB of JSON in ${page.requests} requests (≤ 500 KB: ${page.jsonBytes <= 500 * 1024 ? "yes" : "NO"}); largest ${page.largest.map((l) => `${l.path} ${fmt(l.bytes / 1024, 1)} KB`).join(", ")}`,
          );
    }
    // Issue 11: the whole quarter as an xlsx import into an empty cycle (import-bench.ts); after the loads,
    // so the objectives it adds change none of them. Its memory is reported on its own line.
    let imported: ImportBenchResult | null = null;
    if (!only || only.split(",").some((o) => "import".startsWith(o))) {
      imported = await importBench({
        baseUrl,
        token: adminToken,
        quarter,
        takeWindowPeak: () => server.takeWindowPeak(),
        restart: () => server.restart(),
        rssNow: () => server.rssNow(),
      });
      console.log(
        `   import (xlsx, ${fmt(imported.rows)} rows, ${fmt(imported.fileBytes / MB, 1)} MB): dry run ${fmt(imported.dryRunSeconds, 1)} s, import ${fmt(imported.importSeconds, 1)} s creating ${fmt(imported.created.objectives)} objectives and ${fmt(imported.created.keyResults)} key results, server peak ${fmt(imported.peakRssMb)} MB (${fmt(imported.rssBeforeMb)} MB before; target < 60 s and < 500 MB: ${imported.met ? "met" : "MISSED"})\n   export (xlsx of the quarter, ${fmt(imported.exportBytes / MB, 1)} MB): ${fmt(imported.exportSeconds, 1)} s, server peak ${fmt(imported.exportPeakRssMb)} MB (target < 20 s: ${imported.exportSeconds < 20 ? "met" : "MISSED"})${imported.firstErrors.length ? `\n     ${imported.firstErrors.join("\n     ")}` : ""}`,
      );
    }
    const peakRssMb = server.overallPeak() / MB;

    console.log("\n4. Other benchmarks");
    const coach: CoachBenchResult | null = await runCoachBench(ROOT);
    console.log(
      coach
        ? `   coach: exit ${coach.exitCode} in ${fmt(coach.seconds, 1)} s\n${coach.output.replace(/^/gm, "     ")}`
        : "   coach: packages/core/bench/coach-bench.ts not there yet, skipped",
    );
    const bundle = webBundleReport(ROOT);
    const initialJs = initialWebJs(ROOT);
    console.log(
      bundle
        ? `   web bundle: ${fmt(bundle.totalBytes / 1024)} KB in all, ${fmt(bundle.totalGzipBytes / 1024)} KB gzipped; ` +
            (initialJs
              ? `initial JS ${fmt(initialJs.gzipBytes / 1024, 1)} KB gzipped (target ≤ ${fmt(initialJs.limitBytes / 1024)} KB: ${initialJs.withinLimit ? "met" : "MISSED"})`
              : "initial JS not measured")
        : "   web bundle: no packages/web/dist build, skipped",
    );

    const memoryTarget = { target: "≤ 300 MB", actualMb: peakRssMb, met: peakRssMb <= 300 };
    const table = printTable(results);
    console.log(`\n${table}\n`);
    console.log(
      `Server memory: ${fmt(idleRssMb)} MB after start, ${fmt(peakRssMb)} MB at peak (target ≤ 300 MB: ${memoryTarget.met ? "met" : "MISSED"})`,
    );
    console.log(
      `Organization: ${SIZE} people, built in ${fmt(buildSeconds, 1)} s, database ${fmt(dbBytes / MB, 1)} MB`,
    );
    if (agenda)
      console.log(
        `Agenda of the whole company (${DATABASE}): computed median ${fmt(agenda.cold.medianMs, 1)} ms, p95 ${fmt(agenda.cold.p95Ms, 1)} ms over ${agenda.cold.runs} (first ever ${fmt(agenda.firstMs, 1)} ms); kept median ${fmt(agenda.cached.medianMs, 1)} ms; ${fmt(agenda.answerBytes / 1024, 1)} KB (target < ${AGENDA_TARGET_MS} ms: ${agenda.met ? "met" : "MISSED"})`,
      );

    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "",
        node: process.version,
        platform: process.platform,
      },
      settings: {
        size: SIZE,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        database: DATABASE,
        instances: INSTANCES,
      },
      organization: {
        people: SIZE,
        buildSeconds,
        databaseBytes: dbBytes,
        wholeTree,
        measuredKeyResults: measuredKrs.length,
      },
      scenarios: results,
      agenda,
      pages,
      import: imported,
      memory: { idleRssMb, peakRssMb, ...memoryTarget },
      coach,
      webBundle: bundle,
      webInitialJs: initialJs,
      table,
    };
    const out = join(ROOT, "bench-results");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Wrote ${join(out, "bench.json")}`);
  } finally {
    for (const ceiling of ceilings) await ceiling.stop();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
