import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

type Table = "objective" | "keyResult" | "comment" | "recognition" | "meeting" | "question" | "adjustment";

/** A create of the contract, with two different bodies, the table it writes and who sends it. */
type Create = {
  name: string;
  path: () => string;
  body: () => Record<string, unknown>;
  other: () => Record<string, unknown>;
  table: Table;
  as: () => Credentials;
  status?: number;
};

/*
 * api.md, *Across all endpoints*: `Idempotency-Key` on every create. The same key from the same person within
 * 24 hours answers the first answer again (status and body) and creates nothing; the key with another body
 * is refused. Check-ins have their own test (key-results/check-in-idempotency.test.ts).
 */
describe.each(testDialects())("Idempotency-Key on creates on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let objectiveId: string;
  let keyResultId: string;
  let publishedId: string;
  let creates: Create[];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const objective = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Close the quarter strong",
        keyResults: [{ title: "Deals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
      },
    });
    expect(objective.status).toBe(201);
    objectiveId = objective.body.id;
    keyResultId = objective.body.keyResults[0].id;
    const published = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Renewals come early",
        keyResults: [{ title: "Renewals from 0 to 5", type: "number", startValue: 0, targetValue: 5 }],
      },
    });
    publishedId = published.body.id;
    await publish(server, company.as.sue, publishedId);
    const quarter = company.cycles.quarter;
    creates = [
      {
        name: "POST /objectives",
        path: () => "/objectives",
        body: () => ({ cycleId: quarter, level: "personal", title: "Pipeline is healthy" }),
        other: () => ({ cycleId: quarter, level: "personal", title: "Pipeline is healthier" }),
        table: "objective",
        as: () => company.as.sue,
      },
      {
        name: "POST /objectives/:id/key-results",
        path: () => `/objectives/${objectiveId}/key-results`,
        body: () => ({ title: "Demos from 0 to 8", type: "number", startValue: 0, targetValue: 8 }),
        other: () => ({ title: "Demos from 0 to 9", type: "number", startValue: 0, targetValue: 9 }),
        table: "keyResult",
        as: () => company.as.sue,
      },
      {
        // Past aligning, an addition to a published objective waits for approval: 202 and the objective.
        name: "POST /objectives/:id/key-results (202, an adjustment)",
        path: () => `/objectives/${publishedId}/key-results`,
        body: () => ({ title: "Upsells from 0 to 3", type: "number", targetValue: 3, reason: "New product" }),
        other: () => ({
          title: "Upsells from 0 to 4",
          type: "number",
          targetValue: 4,
          reason: "New product",
        }),
        table: "adjustment",
        as: () => company.as.sue,
        status: 202,
      },
      {
        name: "POST /objectives/:id/comments",
        path: () => `/objectives/${objectiveId}/comments`,
        body: () => ({ body: "Looks right to me" }),
        other: () => ({ body: "Looks right to me!" }),
        table: "comment",
        as: () => company.as.sam,
      },
      {
        name: "POST /key-results/:id/comments",
        path: () => `/key-results/${keyResultId}/comments`,
        body: () => ({ body: "Ten is ambitious" }),
        other: () => ({ body: "Ten is very ambitious" }),
        table: "comment",
        as: () => company.as.sam,
      },
      {
        name: "POST /recognitions",
        path: () => "/recognitions",
        body: () => ({ toUserIds: [company.users.sue], message: "Thanks for the demo" }),
        other: () => ({ toUserIds: [company.users.sue], message: "Thanks for the great demo" }),
        table: "recognition",
        as: () => company.as.sam,
      },
      {
        name: "POST /meetings",
        path: () => "/meetings",
        body: () => ({
          kind: "weekly",
          title: "Weekly",
          cycleId: quarter,
          scheduledAt: "2027-04-16T01:00:00Z",
        }),
        other: () => ({
          kind: "weekly",
          title: "Weekly",
          cycleId: quarter,
          scheduledAt: "2027-04-23T01:00:00Z",
        }),
        table: "meeting",
        as: () => company.owner,
      },
      {
        name: "POST /questions",
        path: () => "/questions",
        body: () => ({ body: "Where do we hire next?", anonymous: false }),
        other: () => ({ body: "Where do we hire next quarter?", anonymous: false }),
        table: "question",
        as: () => company.as.pat,
      },
    ];
  });
  afterAll(async () => server.close());

  const count = async (table: Table) => (await server.db.db.selectFrom(table).select("id").execute()).length;
  const send = (c: Create, body: Record<string, unknown>, key?: string, locale = "en") =>
    server.request("POST", c.path(), {
      as: c.as(),
      body,
      headers: { "accept-language": locale, ...(key === undefined ? {} : { "idempotency-key": key }) },
    });

  it("answers a retry with the first answer, creates nothing more, and refuses the key with another body", async () => {
    const settings = await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
    expect(settings.status).toBe(200);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    for (const [i, c] of creates.entries()) {
      const key = `create-${i}`;
      const before = await count(c.table);
      const first = await send(c, c.body(), key);
      expect(first.status, c.name).toBe(c.status ?? 201);
      expect(first.headers["idempotent-replayed"], c.name).toBeUndefined();
      expect(await count(c.table), c.name).toBe(before + 1);

      const again = await send(c, c.body(), key);
      expect(again.status, c.name).toBe(first.status);
      expect(again.headers["idempotent-replayed"], c.name).toBe("true");
      expect(again.body, c.name).toEqual(first.body);
      expect(await count(c.table), c.name).toBe(before + 1);

      const reused = await send(c, c.other(), key, "zh-CN");
      expect(reused.status, c.name).toBe(422);
      expect(reused.body.error.code, c.name).toBe("idempotency.key_reused");
      expect(reused.body.error.message, c.name).toBe(
        "该 Idempotency-Key 已用于另一个请求，新的请求请使用新的键。",
      );
      expect(await count(c.table), c.name).toBe(before + 1);

      // Without a key, the same body is a new create.
      expect((await send(c, c.body())).status, c.name).toBe(c.status ?? 201);
      expect(await count(c.table), c.name).toBe(before + 2);
    }
  });

  it("refuses a key that is not visible ASCII on every create, creating nothing", async () => {
    for (const c of creates) {
      const before = await count(c.table);
      const bad = await send(c, c.body(), "two words");
      expect(bad.status, c.name).toBe(400);
      expect(bad.body.error.details[0].path, c.name).toBe("headers.idempotency-key");
      expect(await count(c.table), c.name).toBe(before);
    }
  });

  it("keeps nothing of a refused create, so its retry runs again", async () => {
    // Pat may not add a KR to Sue's objective: 403 twice, never a replay.
    const c = creates[1] as Create;
    for (let i = 0; i < 2; i++) {
      const refused = await server.request("POST", c.path(), {
        as: company.as.pat,
        body: c.body(),
        headers: { "idempotency-key": "refused-once" },
      });
      expect(refused.status).toBe(403);
      expect(refused.headers["idempotent-replayed"]).toBeUndefined();
    }
  });

  it("keeps no key for an anonymous question, which would tie it to whoever asked", async () => {
    const ask = () =>
      server.request("POST", "/questions", {
        as: company.as.pat,
        body: { body: "Are we hiring?", anonymous: true },
        headers: { "idempotency-key": "anonymous-1" },
      });
    const before = await count("question");
    const first = await ask();
    expect(first.status).toBe(201);
    const again = await ask();
    expect(again.status).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBeUndefined();
    expect(await count("question")).toBe(before + 2);
    const kept = await server.db.db
      .selectFrom("idempotencyKey")
      .select("key")
      .where("key", "=", "anonymous-1")
      .execute();
    expect(kept).toEqual([]);
  });

  it("creates one objective from parallel requests with one key, and answers them all alike", async () => {
    const c = creates[0] as Create;
    const before = await count("objective");
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => send(c, c.body(), "parallel-objective")),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(5).fill(201));
    for (const reply of replies) expect(reply.body).toEqual(replies[0]?.body);
    expect(replies.filter((r) => r.headers["idempotent-replayed"] === "true")).toHaveLength(4);
    expect(await count("objective")).toBe(before + 1);
  });
});
