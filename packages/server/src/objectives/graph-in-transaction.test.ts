import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/**
 * On SQLite a transaction holds the only connection: a write that loads the organization's structure
 * (after its cache expired) must read it through the transaction, or it waits on itself for ever.
 */
describe("writes after the structure cache expired", () => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  it("edits an objective when the cached structure is gone", async () => {
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: { cycleId: company.cycles.quarter, level: "personal", title: "Renew early" },
    });
    // Every write to departments or members drops the cache; so does its age. Drop it the first way.
    await server.request("PATCH", `/members/${company.users.pat}`, {
      as: company.owner,
      body: { title: "SRE" },
    });
    const edit = await Promise.race([
      server.request("PATCH", `/objectives/${created.body.id}`, {
        as: company.as.sue,
        body: { title: "Renew earlier" },
      }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
    ]);
    expect(edit?.status).toBe(200);
  });
});
