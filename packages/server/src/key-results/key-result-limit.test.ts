import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: the limit of key results per objective holds however they arrive. A save takes at most 20; so
 * does adding them one at a time, which used to let an objective grow without end.
 */
describe.each(testDialects())("key results per objective on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  const kr = (n: number) => ({
    title: `Signed deals from 0 to ${n}`,
    type: "number",
    startValue: 0,
    targetValue: n,
  });

  it("refuses a 21st key result added on its own, in the caller's language, and keeps the 20", async () => {
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Twenty measures",
        keyResults: Array.from({ length: 20 }, (_, i) => kr(i + 1)),
      },
    });
    expect(created.status).toBe(201);
    const refused = await server.request("POST", `/objectives/${created.body.id}/key-results`, {
      as: { ...company.as.sue, locale: "zh-CN" },
      body: kr(21),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("objective.key_result_limit");
    expect(refused.body.error.message).toBe("每个目标最多 20 个关键结果。");
    const after = await server.request("GET", `/objectives/${created.body.id}`, { as: company.as.sue });
    expect(after.body.keyResults).toHaveLength(20);
    // Below the limit, one more is welcome.
    const removed = await server.request("DELETE", `/key-results/${after.body.keyResults[19].id}`, {
      as: company.as.sue,
    });
    expect(removed.status).toBeLessThan(300);
    const added = await server.request("POST", `/objectives/${created.body.id}/key-results`, {
      as: company.as.sue,
      body: kr(22),
    });
    expect(added.status).toBe(201);
  });
});
