import { idParamsSchema } from "@luodi/core";
import { findMember, findObjective, testDialects, updateMember, updateObjective } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { inTransaction } from "./transaction.ts";

/*
 * Routes nobody taught about caches: they write through the repositories as any new service would —
 * one with a method and path no rule knows, one in a transaction that fails halfway — and the next reads
 * must see exactly what was committed, with no cache left stale.
 */
async function newRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  // A GET that writes (say, marking something seen): no URL or method rule would have caught it.
  app.get("/test/rename/:id", { schema: { params: idParamsSchema } }, async (request) => {
    const { auth } = callerOf(ctx, request);
    const row = await findObjective(ctx.db, auth.org.id, request.params.id);
    if (!row) return { renamed: false };
    await updateObjective(ctx.db, auth.org.id, row.id, row.version, { title: `${row.title} (renamed)` });
    return { renamed: true };
  });
  // A member's role changed outside /members: who they are must change at once everywhere.
  app.post("/test/demote/:id", { schema: { params: idParamsSchema } }, async (request) => {
    const { auth } = callerOf(ctx, request);
    await inTransaction(ctx, async (trx) => {
      const member = await findMember(trx, auth.org.id, request.params.id);
      if (member) await updateMember(trx, auth.org.id, member.userId, member.version, { role: "member" });
    });
    return { demoted: true };
  });
  // A transaction that writes, then fails: nothing was committed, so nothing is stale either.
  app.post("/test/half-rename/:id", { schema: { params: idParamsSchema } }, async (request, reply) => {
    const { auth } = callerOf(ctx, request);
    try {
      await inTransaction(ctx, async (trx) => {
        const row = await findObjective(trx, auth.org.id, request.params.id);
        if (row) await updateObjective(trx, auth.org.id, row.id, row.version, { title: "Never committed" });
        throw new Error("fails after the write");
      });
    } catch {
      return reply.status(409).send({ rolledBack: true });
    }
    return { rolledBack: false };
  });
}

describe.each(testDialects())("caches follow the writes, whatever route makes them, on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let objectiveId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, undefined, { routes: [newRoutes] });
    company = await buildCompany(server);
    const created = await server.request("POST", "/objectives", {
      as: company.owner,
      body: { cycleId: company.cycles.quarter, level: "company", title: "Win the market" },
    });
    objectiveId = created.body.id;
  });
  afterAll(async () => server.close());

  const titles = async () =>
    (
      await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, { as: company.owner })
    ).body.map((o: { title: string }) => o.title);

  it("shows a write made by a GET in the next cached read", async () => {
    expect(await titles()).toEqual(["Win the market"]);
    expect((await server.request("GET", `/test/rename/${objectiveId}`, { as: company.owner })).status).toBe(
      200,
    );
    expect(await titles()).toEqual(["Win the market (renamed)"]);
  });

  it("drops a cached caller whose role a new route changed", async () => {
    const before = await server.request("PATCH", "/org", { as: company.as.ada, body: { mission: "Ada's" } });
    expect(before.status).toBe(200);
    const demoted = await server.request("POST", `/test/demote/${company.users.ada}`, { as: company.owner });
    expect(demoted.status).toBe(200);
    const after = await server.request("PATCH", "/org", {
      as: company.as.ada,
      body: { mission: "Still Ada's" },
    });
    expect(after.status).toBe(403);
  });

  it("keeps serving what was committed when a transaction fails after writing", async () => {
    const cached = await titles();
    const failed = await server.request("POST", `/test/half-rename/${objectiveId}`, { as: company.owner });
    expect(failed.status).toBe(409);
    expect(await titles()).toEqual(cached);
    const stored = await findObjective(server.db.db, company.orgId, objectiveId);
    expect(stored?.title).toBe(cached[0]);
  });
});
