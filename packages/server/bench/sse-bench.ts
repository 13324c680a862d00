/**
 * `npm run bench:sse`: the live-event fan-out of one instance. Opens BENCH_SSE_CONNECTIONS (1,000) event
 * streams of as many signed-in people from a separate process, then publishes BENCH_SSE_EVENTS (200) events
 * every one of them may see, and reports the events and deliveries per second (median of BENCH_SSE_RUNS
 * runs) and the server's memory per open connection. Reported, never asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp, contextOf } from "../src/app.ts";
import { newId } from "../src/services/ids.ts";
import { startNode } from "./processes.ts";

const CONNECTIONS = Number(process.env.BENCH_SSE_CONNECTIONS ?? 1000);
const EVENTS = Number(process.env.BENCH_SSE_EVENTS ?? 200);
const RUNS = Number(process.env.BENCH_SSE_RUNS ?? 5);
const MB = 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "luodi-sse-"));
  const app = await buildApp({
    port: 0,
    host: "127.0.0.1",
    dataDir: dir,
    databaseUrl: undefined,
    publicUrl: undefined,
    logLevel: "silent",
    passwordHashing: { memoryCost: 1024, timeCost: 1 },
    now: () => new Date(),
    schedulerIntervalMs: 0,
  });
  const inject = async (method: string, url: string, body: unknown, cookie?: string) => {
    const reply = await app.inject({
      method: method as "POST",
      url: `/api/v1${url}`,
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      payload: JSON.stringify(body),
    });
    if (reply.statusCode >= 300) throw new Error(`${url}: ${reply.statusCode} ${reply.body}`);
    return reply;
  };
  const cookieOf = (reply: Awaited<ReturnType<typeof inject>>) =>
    String(reply.headers["set-cookie"]).split(";")[0] ?? "";
  const password = "correct horse battery";
  const setup = await inject("POST", "/setup", {
    organization: { name: "Fan-out", locale: "en", timezone: "Asia/Shanghai" },
    admin: { email: "admin@fanout.example", name: "Admin", password },
  });
  const orgId = JSON.parse(setup.body).organization.id as string;
  const admin = cookieOf(setup);
  const departments = await app.inject({
    method: "GET",
    url: "/api/v1/departments",
    headers: { cookie: admin },
  });
  const departmentId = (JSON.parse(departments.body) as { id: string }[])[0]?.id;
  const cookies: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const email = `p${i}@fanout.example`;
    await inject(
      "POST",
      "/members",
      { email, name: `Person ${i}`, password, role: "member", departmentId },
      admin,
    );
    cookies.push(cookieOf(await inject("POST", "/auth/login", { email, password })));
  }
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  const cookieFile = join(dir, "cookies.json");
  writeFileSync(cookieFile, JSON.stringify(cookies));

  global.gc?.();
  const before = process.memoryUsage();
  const clients = startNode(
    import.meta.filename,
    ["clients", String(port), cookieFile, String(CONNECTIONS * EVENTS)],
    {},
  );
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  clients.child.stdout?.on("data", (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").trim().split("\n"));
    for (const wake of waiters.splice(0)) wake();
  });
  let exited: string | null = null;
  clients.child.once("exit", (code) => {
    exited = `the clients exited (${code}): ${clients.output()}`;
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor = async (line: string) => {
    while (!lines.includes(line)) {
      if (exited) throw new Error(exited);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  await waitFor("ready");
  global.gc?.();
  const after = process.memoryUsage();
  const ctx = contextOf(app);

  const rates: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const started = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      await ctx.events.publish(orgId, [
        {
          id: newId(),
          type: "objective.updated",
          data: { objectiveId: "bench", progress: i / EVENTS },
          // A public company objective: every listener passes the visibility check.
          audience: {
            objective: { level: "company", visibility: "public", ownerUserId: null, ownerDepartmentId: null },
          },
        },
      ]);
    }
    await waitFor(`received ${CONNECTIONS * EVENTS * run}`);
    rates.push(EVENTS / ((performance.now() - started) / 1000));
  }
  const eventsPerSecond = median(rates);
  const report = {
    connections: CONNECTIONS,
    eventsPerRun: EVENTS,
    runs: RUNS,
    medianEventsPerSecond: Math.round(eventsPerSecond),
    medianDeliveriesPerSecond: Math.round(eventsPerSecond * CONNECTIONS),
    rssPerConnectionKb: Math.round(((after.rss - before.rss) / CONNECTIONS / 1024) * 10) / 10,
    heapPerConnectionKb: Math.round(((after.heapUsed - before.heapUsed) / CONNECTIONS / 1024) * 10) / 10,
    serverRssMb: Math.round(after.rss / MB),
  };
  console.log(JSON.stringify(report, null, 2));
  await clients.stop();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The browsers, in their own process (this script run with `clients`) so their memory is not the
 * server's: opens one event stream per cookie of the file, says `ready` once all are open, then counts the
 * frames received and says `received <n>` whenever the count reaches a multiple of the expected total.
 */
function runClients(port: string, cookieFile: string, expectedArg: string): void {
  const cookies = JSON.parse(readFileSync(cookieFile, "utf8")) as string[];
  const expected = Number(expectedArg);
  let open = 0;
  let received = 0;

  for (const cookie of cookies) {
    const req = request({
      host: "127.0.0.1",
      port: Number(port),
      path: "/api/v1/events",
      headers: { cookie },
    });
    req.on("response", (response) => {
      response.setEncoding("utf8");
      open += 1;
      if (open === cookies.length) process.stdout.write("ready\n");
      let partial = "";
      response.on("data", (chunk: string) => {
        // One frame per event: count the "event:" lines, whole lines only (a chunk may end mid-line).
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.startsWith("event: ")) continue;
          received += 1;
          if (received % expected === 0) process.stdout.write(`received ${received}\n`);
        }
      });
    });
    req.on("error", (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    });
    req.end();
  }
}

if (process.argv[2] === "clients") {
  const [, , , port = "", cookieFile = "", expected = ""] = process.argv;
  runClients(port, cookieFile, expected);
} else {
  await main();
}
