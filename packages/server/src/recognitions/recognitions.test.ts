import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Praise (表扬) through the real HTTP app: public to the organization, for active members, and linked to
 * an objective or a key result only as far as each viewer may see it. Sue reports to Sam (Sales); Pat sits
 * in Platform under Eve, outside Sue's chain.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;

describe.each(testDialects())("recognitions, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let open: { objectiveId: string; keyResultId: string };
  let hidden: { objectiveId: string; keyResultId: string };

  const praise = (as: Credentials, body: unknown) => server.request("POST", "/recognitions", { as, body });
  const feed = (as: Credentials, query = "") => server.request("GET", `/recognitions${query}`, { as });

  async function objectiveOfSue(visibility: "public" | "private") {
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        visibility,
        title: `Win back lost accounts (${visibility})`,
        keyResults: [{ title: "Won back from 0 to 5", type: "number", startValue: 0, targetValue: 5 }],
      },
    });
    expect(created.status).toBe(201);
    return { objectiveId: created.body.id as string, keyResultId: created.body.keyResults[0].id as string };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    open = await objectiveOfSue("public");
    hidden = await objectiveOfSue("private");
  });
  afterAll(async () => server.close());

  it("praises people for a key result, shows it to everyone, and tells those praised", async () => {
    const { users, as } = company;
    const created = await praise(as.pat, {
      toUserIds: [users.sue, users.sam, users.sue],
      message: "Thanks for the **renewals** push!",
      keyResultId: open.keyResultId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      author: { id: users.pat, name: "Pat Platform" },
      recipients: [
        { id: users.sam, name: "Sam Sales" },
        { id: users.sue, name: "Sue Seller" },
      ],
      message: "Thanks for the **renewals** push!",
      objective: { id: open.objectiveId, title: "Win back lost accounts (public)" },
      keyResult: { id: open.keyResultId, objectiveId: open.objectiveId, title: "Won back from 0 to 5" },
    });
    expect(created.body.messageHtml).toBe("<p>Thanks for the <strong>renewals</strong> push!</p>\n");

    const seen = await feed(as.eve);
    expect(seen.status).toBe(200);
    expect(seen.body.items[0].id).toBe(created.body.id);

    const notices = await server.db.db
      .selectFrom("notification")
      .select(["userId", "kind", "subjectType", "subjectId"])
      .where("subjectId", "=", created.body.id)
      .orderBy("userId")
      .execute();
    expect(notices).toEqual(
      [users.sam, users.sue].sort().map((userId) => ({
        userId,
        kind: "recognition",
        subjectType: "recognition",
        subjectId: created.body.id,
      })),
    );
    const audit = await server.db.db
      .selectFrom("auditLog")
      .select("action")
      .where("entityId", "=", created.body.id)
      .execute();
    expect(audit).toEqual([{ action: "recognition.create" }]);
  });

  it("shows what the praise is for only to those who may see it", async () => {
    const { users, as } = company;
    const created = await praise(as.sam, {
      toUserIds: [users.sue],
      message: "Quiet win, well done",
      objectiveId: hidden.objectiveId,
      keyResultId: hidden.keyResultId,
    });
    expect(created.status).toBe(201);
    expect(created.body.keyResult.id).toBe(hidden.keyResultId);

    const byPat = (await feed(as.pat)).body.items.find((r: { id: string }) => r.id === created.body.id);
    expect(byPat).toMatchObject({ message: "Quiet win, well done", objective: null, keyResult: null });
    const bySue = (await feed(as.sue)).body.items.find((r: { id: string }) => r.id === created.body.id);
    expect(bySue.objective.id).toBe(hidden.objectiveId);

    // Linking what one may not see answers like linking what does not exist.
    for (const [body, code] of [
      [{ objectiveId: hidden.objectiveId }, "objective.not_found"],
      [{ keyResultId: hidden.keyResultId }, "key_result.not_found"],
      [{ objectiveId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" }, "objective.not_found"],
    ] as const) {
      const refused = await praise(as.pat, { toUserIds: [users.sue], message: "Hm", ...body });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe(code);
    }
    const mismatch = await praise(as.sam, {
      toUserIds: [users.sue],
      message: "Hm",
      objectiveId: open.objectiveId,
      keyResultId: hidden.keyResultId,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe("recognition.link_mismatch");
  });

  it("praises active members only, and never only oneself", async () => {
    const { users, as, owner } = company;
    const selfOnly = await praise({ ...as.pat, locale: "zh-CN" }, { toUserIds: [users.pat], message: "Me!" });
    expect(selfOnly.status).toBe(422);
    expect(selfOnly.body.error).toMatchObject({
      code: "recognition.self_only",
      message: "请表扬除自己以外的同事。",
    });
    expect((await praise(as.pat, { toUserIds: [users.pat, users.eve], message: "Team effort" })).status).toBe(
      201,
    );

    const unknown = await praise(as.pat, { toUserIds: [users.sue, "no-such-user"], message: "Hi" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({
      code: "recognition.unknown_recipient",
      details: [{ path: "toUserIds.1" }],
    });
    await server.request("PATCH", `/members/${users.eve}`, { as: owner, body: { status: "deactivated" } });
    try {
      const deactivated = await praise(as.pat, { toUserIds: [users.eve], message: "Hi" });
      expect(deactivated.body.error.code).toBe("recognition.unknown_recipient");
    } finally {
      await server.request("PATCH", `/members/${users.eve}`, { as: owner, body: { status: "active" } });
    }
  });

  it("refuses bad input in the contract's shape; a message over 2,000 characters with 422", async () => {
    const { users, as } = company;
    const over = await praise(
      { ...as.pat, locale: "zh-CN" },
      { toUserIds: [users.sue], message: "赞".repeat(2_001) },
    );
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({
      code: "text.too_long",
      message: "最多 2000 个字符（当前 2001 个）。",
      details: [{ path: "message" }],
    });
    expect((await praise(as.pat, { toUserIds: [users.sue], message: "赞".repeat(2_000) })).status).toBe(201);
    for (const body of [
      { toUserIds: [], message: "Nobody" },
      { toUserIds: Array.from({ length: 21 }, (_, i) => `user-${i}`), message: "Everyone" },
      { toUserIds: [users.sue], message: "  " },
      { toUserIds: [users.sue], message: "bell\u0007" },
      { toUserIds: [users.sue], message: "ok", surprise: 1 },
    ]) {
      const refused = await praise(as.pat, body);
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.body.error.code).toBe("request.invalid");
    }
    const xss = await praise(as.pat, {
      toUserIds: [users.sue],
      message: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="alert(1)">',
    });
    expect(xss.status).toBe(201);
    expect(xss.body.messageHtml).not.toMatch(/<(script|img)/i);
    expect(xss.body.messageHtml).not.toContain("href");
  });

  it("pages the feed newest first, and keeps what one person received", async () => {
    const { users, as } = company;
    const ids: string[] = [];
    for (const message of ["one", "two", "three"])
      ids.push((await praise(as.eve, { toUserIds: [users.ada], message })).body.id);
    const first = await feed(as.sue, `?userId=${users.ada}&limit=2`);
    expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    const second = await feed(as.sue, `?userId=${users.ada}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    const all = (await feed(as.sue, "?limit=200")).body.items as Array<{ createdAt: string; id: string }>;
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort().reverse());
    expect((await feed(as.sue, "?limit=201")).status).toBe(400);
  });
});
