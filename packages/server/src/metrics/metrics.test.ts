import { testDialects } from "@luodi/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish, salesObjective } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { contextOf } from "../app.ts";
import { type ScheduledJob, Scheduler } from "../scheduler/scheduler.ts";

/** The value of one sample of the Prometheus text, by metric name and exact label set (null: absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort();
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? "")
      .split(/,(?=[a-z_]+=")/)
      .filter(Boolean)
      .sort();
    if (JSON.stringify(present) === JSON.stringify(wanted)) return Number(match[3]);
  }
  return null;
}

/* Issue 11, item 7: /metrics in Prometheus text — requests and latencies by route, check-ins, jobs, pool. */
describe.each(testDialects())("GET /metrics on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterEach(async () => server.close());

  const scrape = async (options: { remoteAddress?: string; token?: string } = {}) =>
    server.request("GET", "/metrics", {
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      ...(options.token ? { headers: { authorization: `Bearer ${options.token}` } } : {}),
    });

  it("counts requests by route template and status, and check-ins written (not their replays)", async () => {
    const created = await salesObjective(server, company);
    await publish(server, company.as.sam, created.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    const kr = created.krs[0] as string;
    const checkIn = (key: string) =>
      server.request("POST", `/key-results/${kr}/check-ins`, {
        as: company.as.sam,
        body: { value: 100, confidence: 7 },
        headers: { "idempotency-key": key },
      });
    expect((await checkIn("a")).status).toBe(201);
    expect((await checkIn("a")).headers["idempotent-replayed"]).toBe("true");
    expect((await checkIn("b")).status).toBe(201);
    await server.request("GET", `/objectives/${created.id}`, { as: company.as.sam });
    await server.request("GET", "/objectives/no-such-id", { as: company.as.sam });
    await server.request("GET", "/no/such/route", { as: company.as.sam });

    const reply = await scrape();
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = reply.body as string;
    expect(sample(text, "luodi_check_ins_total")).toBe(2);
    const checkIns = { method: "POST", route: "/api/v1/key-results/:id/check-ins", status_code: "201" };
    expect(sample(text, "luodi_http_requests_total", checkIns)).toBe(3);
    const objective = { method: "GET", route: "/api/v1/objectives/:id" };
    expect(sample(text, "luodi_http_requests_total", { ...objective, status_code: "200" })).toBe(1);
    expect(sample(text, "luodi_http_requests_total", { ...objective, status_code: "404" })).toBe(1);
    expect(sample(text, "luodi_http_request_duration_seconds_count", objective)).toBe(2);
    expect(sample(text, "luodi_http_request_duration_seconds_bucket", { ...objective, le: "+Inf" })).toBe(2);
    // An unknown URL is one label, whatever it was: raw paths never grow the label set.
    expect(
      sample(text, "luodi_http_requests_total", { method: "GET", route: "unmatched", status_code: "404" }),
    ).toBe(1);
    expect(text).not.toContain("no-such-id");
    expect(text).not.toContain("/no/such/route");
    expect(sample(text, "luodi_deliveries_pending")).not.toBeNull();
    expect(sample(text, "luodi_process_resident_memory_bytes")).toBeGreaterThan(0);
    const pool = sample(text, "luodi_db_pool_connections", { dialect: "postgres" });
    if (dialect === "postgres") expect(pool).toBeGreaterThan(0);
    else expect(pool).toBeNull();
  });

  it("counts each scheduled occurrence once, where it ran, and the ones that failed", async () => {
    const ctx = contextOf(server.app);
    let fail = false;
    const job: ScheduledJob = {
      name: "probe",
      occurrences: async () => [{ key: "probe", at: ctx.config.now() }],
      run: async () => {
        if (fail) throw new Error("probe failed");
        return 0;
      },
    };
    const scheduler = new Scheduler(ctx, [job]);
    await scheduler.tick();
    // The same occurrence again: already claimed, so not run and not counted.
    await scheduler.tick();
    server.clock.advance(60_000);
    fail = true;
    scheduler.onError = () => {};
    await scheduler.tick();
    const text = (await scrape()).body as string;
    expect(sample(text, "luodi_scheduled_jobs_total", { job: "probe", outcome: "ran" })).toBe(1);
    expect(sample(text, "luodi_scheduled_jobs_total", { job: "probe", outcome: "failed" })).toBe(1);
  });

  it("answers only this machine without METRICS_TOKEN, in the contract's error shape", async () => {
    const refused = await server.request("GET", "/metrics", {
      remoteAddress: "203.0.113.9",
      headers: { "accept-language": "zh-CN" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("permission.denied");
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await scrape({ remoteAddress: "::1" })).status).toBe(200);
    expect((await server.request("GET", "/api/v1/metrics")).status).toBe(200);
  });
});

describe.each(testDialects())("GET /metrics with METRICS_TOKEN on %s", (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect, undefined, { config: { metricsToken: "scrape-secret-1" } });
  });
  afterEach(async () => server.close());

  it("asks every client, this machine included, for the token", async () => {
    const as = (token?: string, remoteAddress = "127.0.0.1") =>
      server.request("GET", "/metrics", {
        remoteAddress,
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      });
    expect((await as()).status).toBe(401);
    expect((await as("scrape-secret-2")).status).toBe(401);
    expect((await as("scrape-secret-1", "203.0.113.9")).status).toBe(200);
    const refused = await as("scrape-secret");
    expect(refused.body.error.code).toBe("auth.required");
  });
});
