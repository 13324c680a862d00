import { MAX_MILESTONES_PER_KEY_RESULT } from "@luodi/core";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { type Reply, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: milestones per KR had no documented limit (the 400 of a schema bound). The limit is one constant
 * in core, refused with 422 `kr.milestone_limit` in the caller's language however the milestones arrive:
 * a KR added on its own, KRs created with their objective, a whole save.
 */
describe.each(testDialects())("milestones per key result on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  const milestones = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Step ${i + 1}` }));
  const kr = (n: number) => ({ title: `Launch in ${n} steps`, type: "milestone", milestones: milestones(n) });
  const zh = () => ({ ...company.as.sue, locale: "zh-CN" });
  const milestoneRows = async () =>
    (await server.db.db.selectFrom("milestone").select("id").execute()).length;
  const expectRefused = (reply: Reply, path: string) => {
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe("kr.milestone_limit");
    expect(reply.body.error.message).toBe(`每个关键结果最多 ${MAX_MILESTONES_PER_KEY_RESULT} 个里程碑。`);
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  };

  it("refuses one milestone too many with the objective, on its own and in a whole save, and keeps none", async () => {
    const max = MAX_MILESTONES_PER_KEY_RESULT;
    const base = { cycleId: company.cycles.quarter, level: "personal", title: "Ship the launch" };
    const before = await milestoneRows();
    expectRefused(
      await server.request("POST", "/objectives", { as: zh(), body: { ...base, keyResults: [kr(max + 1)] } }),
      "keyResults.0.milestones",
    );
    expect(await milestoneRows()).toBe(before);

    // Exactly the limit is welcome.
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: { ...base, keyResults: [kr(max)] },
    });
    expect(created.status).toBe(201);
    expect(created.body.keyResults[0].milestones).toHaveLength(max);
    const id = created.body.id as string;

    expectRefused(
      await server.request("POST", `/objectives/${id}/key-results`, { as: zh(), body: kr(max + 1) }),
      "milestones",
    );

    const stored = created.body.keyResults[0];
    expectRefused(
      await server.request("PUT", `/objectives/${id}`, {
        as: zh(),
        headers: { "if-match": String(created.body.version) },
        body: {
          title: base.title,
          keyResults: [
            {
              id: stored.id,
              title: stored.title,
              type: "milestone",
              milestones: [
                ...stored.milestones.map((m: { id: string; title: string }) => ({
                  id: m.id,
                  title: m.title,
                })),
                { title: "One more" },
              ],
            },
          ],
        },
      }),
      "keyResults.0.milestones",
    );
    expect(await milestoneRows()).toBe(before + max);
  });
});
