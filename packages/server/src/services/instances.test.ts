import type { AddressInfo } from "node:net";
import { testDialects } from "@luodi/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { advanceCycle, buildCompany, PASSWORD, publish, salesObjective } from "../../test/factories.ts";
import type { Credentials, Reply, TestServer } from "../../test/harness.ts";
import { startTestServer } from "../../test/harness.ts";
import { buildApp, contextOf } from "../app.ts";
import { ACCOUNT_FAILURES } from "../auth/login.ts";

/** A request to another instance, sent as the harness sends them. */
async function on(
  app: FastifyInstance,
  method: string,
  url: string,
  as: Credentials | null,
  body?: unknown,
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (as?.cookie) headers.cookie = as.cookie;
  if (as?.token) headers.authorization = `Bearer ${as.token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await app.inject({
    method: method as "GET",
    url: `/api/v1${url}`,
    headers,
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return {
    status: response.statusCode,
    body: response.body ? JSON.parse(response.body) : null,
    headers: response.headers,
  };
}

/**
 * Two server instances on one PostgreSQL database, as behind a load balancer (docs/SCALING.md): what one
 * instance writes the other's cached reads follow; sessions and sign-in throttling are the database's, so
 * both instances count and end them alike; an instance asked to stop finishes what it is answering.
 * SQLite is one process by design (its file is locked by the server that opens it).
 */
describe.skipIf(!testDialects().includes("postgres"))("two instances on one PostgreSQL database", () => {
  let a: TestServer;
  let b: FastifyInstance;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let objective: { id: string; krs: string[] };

  beforeAll(async () => {
    a = await startTestServer("postgres", undefined, {
      config: { databaseUrl: process.env.LUODI_TEST_DATABASE_URL },
    });
    b = await buildApp(contextOf(a.app).config, { database: a.db });
    await b.ready();
    company = await buildCompany(a);
    objective = await salesObjective(a, company);
    await publish(a, company.as.sam, objective.id);
    await advanceCycle(a, company.owner, company.cycles.quarter, "aligning");
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("shows on B, in its cached reads, what was written through A", async () => {
    const quarter = company.cycles.quarter;
    const read = async () => {
      const roots = await on(b, "GET", `/cycles/${quarter}/tree/nodes`, company.owner);
      const dashboard = await on(b, "GET", `/cycles/${quarter}/dashboard`, company.owner);
      expect(roots.status).toBe(200);
      expect(dashboard.status).toBe(200);
      const node = roots.body.items.find(
        (n: { objective: { id: string } }) => n.objective.id === objective.id,
      );
      return { progress: node?.objective.progress as number, title: node?.objective.title as string };
    };
    // B computes and keeps both answers.
    expect(await read()).toEqual({ progress: 0, title: "Key accounts grow with us" });
    expect(await read()).toEqual({ progress: 0, title: "Key accounts grow with us" });

    const checkIn = await a.request("POST", `/key-results/${objective.krs[0]}/check-ins`, {
      as: company.as.sam,
      body: { value: 250, confidence: 7 },
    });
    expect(checkIn.status).toBe(201);
    // A's NOTIFY reaches B within milliseconds; B's kept answers are dropped when it does.
    await vi.waitFor(async () => expect((await read()).progress).toBe(0.5), { timeout: 3000, interval: 20 });

    const renamed = await a.request("PATCH", `/objectives/${objective.id}`, {
      as: company.as.sam,
      body: { title: "Key accounts renew and grow", reason: "clearer" },
    });
    expect(renamed.status).toBe(200);
    await vi.waitFor(async () => expect((await read()).title).toBe("Key accounts renew and grow"), {
      timeout: 3000,
      interval: 20,
    });
  });

  it("ends a session on B that was signed out on A", async () => {
    const login = await a.request("POST", "/auth/login", {
      body: { email: "ada@acme.test", password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
    expect((await on(b, "GET", "/me", { cookie })).status).toBe(200);
    expect((await a.request("POST", "/auth/logout", { as: { cookie } })).status).toBeLessThan(300);
    await vi.waitFor(async () => expect((await on(b, "GET", "/me", { cookie })).status).toBe(401), {
      timeout: 3000,
      interval: 20,
    });
  });

  it("counts failed sign-ins of one account on both instances together", async () => {
    const wrong = { email: "pat@acme.test", password: "not the password" };
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      const via = i % 2 === 0 ? "A" : "B";
      const r =
        via === "A"
          ? await a.request("POST", "/auth/login", { body: wrong })
          : await on(b, "POST", "/auth/login", null, wrong);
      expect(r.status, `attempt ${i + 1} on ${via}`).toBe(401);
    }
    // Five on each: neither alone reached the limit, together they did — the right password is refused too.
    const next = await on(b, "POST", "/auth/login", null, { email: "pat@acme.test", password: PASSWORD });
    expect(next.status).toBe(429);
    expect(next.body.error.code).toBe("auth.throttled");
    const onA = await a.request("POST", "/auth/login", {
      body: { email: "pat@acme.test", password: PASSWORD },
    });
    expect(onA.status).toBe(429);
  });

  it("finishes the requests it is answering when it is asked to stop", async () => {
    const third = await buildApp(contextOf(a.app).config, { database: a.db });
    let received = 0;
    third.addHook("onRequest", async () => {
      received += 1;
    });
    await third.listen({ port: 0, host: "127.0.0.1" });
    const port = (third.server.address() as AddressInfo).port;
    const reads = Array.from({ length: 8 }, () =>
      fetch(`http://127.0.0.1:${port}/api/v1/cycles/${company.cycles.quarter}/tree`, {
        headers: { cookie: company.owner.cookie ?? "" },
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { roots: unknown[] } })),
    );
    // Asked to stop once all eight are being answered (a connection whose request has not arrived yet is
    // idle, and is closed): they are all answered in full, then it stops — keep-alive connections included.
    await vi.waitFor(() => expect(received).toBe(8), { timeout: 5000, interval: 1 });
    const closing = third.close();
    const answers = await Promise.all(reads);
    await closing;
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.roots.length).toBeGreaterThan(0);
    }
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
