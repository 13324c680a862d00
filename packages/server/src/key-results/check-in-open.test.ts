import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 13, fix 3: check-ins are taken on published objectives while the cycle is aligning or in progress;
 * otherwise 422 with a message that says why, in the caller's language, and no ability offers them.
 */
describe.each(testDialects())("when check-ins are open, on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let published: { id: string; krId: string };
  let draft: { id: string; krId: string };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const create = async (title: string) => {
      const reply = await server.request("POST", "/objectives", {
        as: company.as.sue,
        body: {
          cycleId: company.cycles.quarter,
          level: "personal",
          title,
          keyResults: [{ title: "Renewals from 2 to 8", type: "number", startValue: 2, targetValue: 8 }],
        },
      });
      return { id: reply.body.id as string, krId: reply.body.keyResults[0].id as string };
    };
    published = await create("Renew early");
    draft = await create("Still a draft");
    await publish(server, company.as.sue, published.id);
  });
  afterAll(async () => server.close());

  const checkIn = (krId: string, locale = "en") =>
    server.request("POST", `/key-results/${krId}/check-ins`, {
      as: company.as.sue,
      body: { value: 4, confidence: 7 },
      headers: { "accept-language": locale },
    });
  const abilityOf = async (id: string) =>
    (await server.request("GET", `/objectives/${id}`, { as: company.as.sue })).body.keyResults[0].abilities
      .checkIn as boolean;

  it("refuses them while planning, even on a published objective", async () => {
    const reply = await checkIn(published.krId, "zh-CN");
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({
      code: "check_in.phase",
      message: "只有在对齐和执行阶段才能更新进展，当前周期处于「制定」阶段。",
    });
    expect(await abilityOf(published.id)).toBe(false);
  });

  it("takes them on published objectives while aligning and in progress, never on a draft", async () => {
    for (const phase of ["aligning", "in_progress"] as const) {
      await advanceCycle(server, company.owner, company.cycles.quarter, phase);
      expect(await abilityOf(published.id)).toBe(true);
      expect((await checkIn(published.krId)).status).toBe(201);
      expect(await abilityOf(draft.id)).toBe(false);
      const onDraft = await checkIn(draft.krId);
      expect(onDraft.status).toBe(422);
      expect(onDraft.body.error).toMatchObject({
        code: "check_in.not_published",
        message: "Only published objectives take check-ins; this one is a draft.",
      });
    }
  });

  it("refuses them from scoring on, as the phase dialog says", async () => {
    for (const [phase, word] of [
      ["scoring", "评分"],
      ["reviewing", "复盘"],
    ] as const) {
      await advanceCycle(server, company.owner, company.cycles.quarter, phase);
      expect(await abilityOf(published.id)).toBe(false);
      const reply = await checkIn(published.krId, "zh-CN");
      expect(reply.status).toBe(422);
      expect(reply.body.error.code).toBe("check_in.phase");
      expect(reply.body.error.message).toContain(`「${word}」`);
    }
  });
});
