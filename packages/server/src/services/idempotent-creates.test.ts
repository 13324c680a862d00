import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

type Table =
  | "objective"
  | "keyResult"
  | "comment"
  | "recognition"
  | "meeting"
  | "question"
  | "adjustment"
  | "department"
  | "cycle"
  | "membership"
  | "integration"
  | "oneOnOne"
  | "oneOnOneAgendaItem"
  | "oneOnOneActionItem"
  | "meetingActionItem";

/** A create of the contract, with two different bodies, the table it writes and who sends it. */
type Create = {
  name: string;
  path: () => string;
  body: () => Record<string, unknown>;
  other: () => Record<string, unknown>;
  table: Table;
  as: () => Credentials;
  status?: number;
  /** The same body cannot be created twice (a member's email): no second create without a key. */
  once?: boolean;
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
  let meetingId: string;
  let oneOnOneId: string;
  let laterObjectiveId: string;
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
    const meeting = await server.request("POST", "/meetings", {
      as: company.owner,
      body: { kind: "weekly", title: "Sales weekly", cycleId: quarter, scheduledAt: "2027-04-16T01:00:00Z" },
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
    const oneOnOne = await server.request("POST", "/one-on-ones", {
      as: company.as.sam,
      body: { reportUserId: company.users.sue, scheduledAt: "2027-04-16T03:00:00Z" },
    });
    expect(oneOnOne.status).toBe(201);
    oneOnOneId = oneOnOne.body.id;
    const third = await server.request("POST", "/cycles", {
      as: company.owner,
      body: {
        name: "2027 Q3",
        kind: "quarter",
        startDate: "2027-07-01",
        endDate: "2027-09-30",
        parentId: company.cycles.year,
      },
    });
    expect(third.status).toBe(201);
    const later = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: { cycleId: third.body.id, level: "personal", title: "Keep closing deals" },
    });
    expect(later.status).toBe(201);
    laterObjectiveId = later.body.id;
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
      {
        name: "POST /departments",
        path: () => "/departments",
        body: () => ({ name: "Inside sales", parentId: company.departments.sales }),
        other: () => ({ name: "Field sales", parentId: company.departments.sales }),
        table: "department",
        as: () => company.owner,
      },
      {
        name: "POST /cycles",
        path: () => "/cycles",
        body: () => ({ name: "2027 H2", kind: "custom", startDate: "2027-07-01", endDate: "2027-12-31" }),
        other: () => ({ name: "2027 H2", kind: "custom", startDate: "2027-07-02", endDate: "2027-12-31" }),
        table: "cycle",
        as: () => company.owner,
      },
      {
        name: "POST /members",
        path: () => "/members",
        body: () => ({
          email: "mia@acme.test",
          name: "Mia Market",
          role: "member",
          departmentId: company.departments.sales,
        }),
        other: () => ({
          email: "mia@acme.test",
          name: "Mia Marketing",
          role: "member",
          departmentId: company.departments.sales,
        }),
        table: "membership",
        as: () => company.owner,
        once: true,
      },
      {
        name: "POST /integrations",
        path: () => "/integrations",
        body: () => ({
          kind: "slack",
          name: "Sales",
          webhookUrl: "https://34.226.36.59/x",
          events: ["digest"],
        }),
        other: () => ({
          kind: "slack",
          name: "Sales!",
          webhookUrl: "https://34.226.36.59/x",
          events: ["digest"],
        }),
        table: "integration",
        as: () => company.owner,
      },
      {
        name: "POST /one-on-ones",
        path: () => "/one-on-ones",
        body: () => ({ reportUserId: company.users.sue, scheduledAt: "2027-04-23T03:00:00Z" }),
        other: () => ({ reportUserId: company.users.sue, scheduledAt: "2027-04-30T03:00:00Z" }),
        table: "oneOnOne",
        as: () => company.as.sam,
      },
      {
        name: "POST /one-on-ones/:id/agenda",
        path: () => `/one-on-ones/${oneOnOneId}/agenda`,
        body: () => ({ kind: "free", text: "Pipeline review" }),
        other: () => ({ kind: "free", text: "Pipeline review, again" }),
        table: "oneOnOneAgendaItem",
        as: () => company.as.sue,
      },
      {
        name: "POST /one-on-ones/:id/action-items",
        path: () => `/one-on-ones/${oneOnOneId}/action-items`,
        body: () => ({ title: "Call the three late renewals", ownerUserId: company.users.sue }),
        other: () => ({ title: "Call the four late renewals", ownerUserId: company.users.sue }),
        table: "oneOnOneActionItem",
        as: () => company.as.sam,
      },
      {
        name: "POST /meetings/:id/action-items",
        path: () => `/meetings/${meetingId}/action-items`,
        body: () => ({ title: "Send the deck", ownerUserId: company.users.sue }),
        other: () => ({ title: "Send the new deck", ownerUserId: company.users.sue }),
        table: "meetingActionItem",
        as: () => company.owner,
      },
      {
        name: "POST /key-results/:id/carry-forward",
        path: () => `/key-results/${keyResultId}/carry-forward`,
        body: () => ({ objectiveId: laterObjectiveId }),
        other: () => ({ objectiveId: laterObjectiveId, reason: "Carried on" }),
        table: "keyResult",
        as: () => company.as.sue,
      },
    ];
  });
  afterAll(async () => server.close());

  const count = async (table: Table) =>
    Number(
      (
        await server.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
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
      if (c.once) continue;
      expect((await send(c, c.body())).status, c.name).toBe(c.status ?? 201);
      expect(await count(c.table), c.name).toBe(before + 2);
    }
  });

  it.each([
    {
      name: "POST /tokens",
      path: "/tokens",
      body: { name: "CI script" },
      other: { name: "CI script 2" },
      table: "apiToken" as const,
      secretOf: (body: { token: string }) => [body.token],
    },
    {
      name: "POST /invitations",
      path: "/invitations",
      body: { email: "ivy@acme.test", name: "Ivy Invited", role: "member", departmentId: "" },
      other: { email: "ivy@acme.test", name: "Ivy Invitee", role: "member", departmentId: "" },
      table: "accountLink" as const,
      secretOf: (body: { url: string }) => [body.url, body.url.split("/").pop() as string],
    },
    {
      name: "POST /invitations (several)",
      path: "/invitations",
      body: {
        items: [
          { email: "kai@acme.test", name: "Kai", role: "member", departmentId: "" },
          { email: "lea@acme.test", name: "Lea", role: "member", departmentId: "" },
        ],
      },
      other: { items: [{ email: "kai@acme.test", name: "Kai", role: "member", departmentId: "" }] },
      table: "accountLink" as const,
      secretOf: (body: { items: Array<{ url: string }> }) => body.items.map((i) => i.url),
    },
  ])("$name: a retry makes nothing more and shows no secret again; none is kept under the key", async (c) => {
    // Invitations go to Sales (known only once the company is built).
    const fill = (body: unknown): unknown =>
      JSON.parse(
        JSON.stringify(body).replaceAll('"departmentId":""', `"departmentId":"${company.departments.sales}"`),
      );
    const key = `secret-${c.name.replace(/\W+/g, "-")}`;
    const post = (body: unknown, locale = "en") =>
      server.request("POST", c.path, {
        as: company.owner,
        body: fill(body),
        headers: { "idempotency-key": key, "accept-language": locale },
      });
    const rows = async () =>
      Number(
        (
          await server.db.db
            .selectFrom(c.table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await rows();
    const first = await post(c.body);
    expect(first.status).toBe(201);
    const made = await rows();
    expect(made).toBeGreaterThan(before);

    const again = await post(c.body, "zh-CN");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("idempotency.secret_not_replayed");
    expect(again.body.error.message).toContain("只显示一次");
    const ids = "items" in first.body ? first.body.items.map((i: { id: string }) => i.id) : [first.body.id];
    for (const id of ids) expect(again.body.error.message).toContain(id);
    for (const secret of c.secretOf(first.body)) expect(JSON.stringify(again.body)).not.toContain(secret);
    expect(await rows()).toBe(made);

    const reused = await post(c.other);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency.key_reused");
    expect(await rows()).toBe(made);

    const kept = await server.db.db
      .selectFrom("idempotencyKey")
      .select(["body", "status"])
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe(201);
    for (const secret of c.secretOf(first.body)) expect(kept.body).not.toContain(secret);
  });

  it("a retried calendar-feed link or admin reset link makes no new secret: the first one keeps working", async () => {
    const feed = (key: string) =>
      server.request("POST", "/me/calendar-feed", {
        as: company.as.sue,
        headers: { "idempotency-key": key },
      });
    const first = await feed("feed-1");
    expect(first.status).toBe(201);
    const again = await feed("feed-1");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("idempotency.secret_not_replayed");
    expect(JSON.stringify(again.body)).not.toContain(first.body.token);
    const calendar = await server.request("GET", `/me/calendar.ics?token=${first.body.token}`);
    expect(calendar.status).toBe(200);

    const links = async () =>
      (
        await server.db.db
          .selectFrom("accountLink")
          .select("id")
          .where("kind", "=", "password_reset")
          .execute()
      ).length;
    const before = await links();
    const reset = (key: string) =>
      server.request("POST", `/members/${company.users.eve}/password-reset`, {
        as: company.owner,
        headers: { "idempotency-key": key },
      });
    const link = await reset("reset-1");
    expect(link.status).toBe(200);
    const retried = await reset("reset-1");
    expect(retried.status).toBe(409);
    expect(retried.body.error.code).toBe("idempotency.secret_not_replayed");
    expect(JSON.stringify(retried.body)).not.toContain(link.body.url);
    expect(await links()).toBe(before + 1);
  });

  it("keeps only what a 1:1 create made under its key, never the answer with the caller's private note", async () => {
    const note = await server.request("PUT", `/one-on-ones/${oneOnOneId}/private-note`, {
      as: company.as.sam,
      body: { body: "Sue seems tired lately" },
    });
    expect(note.status).toBe(200);
    const add = () =>
      server.request("POST", `/one-on-ones/${oneOnOneId}/agenda`, {
        as: company.as.sam,
        body: { kind: "free", text: "Workload" },
        headers: { "idempotency-key": "one-on-one-note" },
      });
    const first = await add();
    expect(first.status).toBe(201);
    expect(JSON.stringify(first.body)).toContain("Sue seems tired lately");
    const kept = await server.db.db
      .selectFrom("idempotencyKey")
      .select("body")
      .where("key", "=", "one-on-one-note")
      .executeTakeFirstOrThrow();
    expect(kept.body).not.toContain("tired");
    // The note cleared, a retry answers the 1:1 as it now stands, with one "Workload" item still.
    await server.request("PUT", `/one-on-ones/${oneOnOneId}/private-note`, {
      as: company.as.sam,
      body: { body: "" },
    });
    const again = await add();
    expect(again.status).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(JSON.stringify(again.body)).not.toContain("tired");
    expect(again.body.agenda.filter((i: { text: string | null }) => i.text === "Workload")).toHaveLength(1);
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
