import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Comments (评论) through the real HTTP app: threads, edits with their history, soft deletes, reactions,
 * mentions and who hears of them, and above all who may see them — exactly those who may see what they
 * are on. In the company: Sue reports to Sam (Sales); Pat sits in Platform under Eve, outside Sue's chain.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;

describe.each(testDialects())("comments, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  /** Sue's public objective, its KR (owned by Sue) and one check-in on it. */
  let open: { objectiveId: string; keyResultId: string; checkInId: string };
  /** Sue's private objective: Sue, Sam (her manager) and the admins see it; Pat and Eve do not. */
  let hidden: { objectiveId: string; keyResultId: string; checkInId: string };

  const post = (as: Credentials, path: string, body: unknown) => server.request("POST", path, { as, body });
  const get = (as: Credentials, path: string) => server.request("GET", path, { as });
  const mention = (name: string, id: string) => `@[${name}](user:${id})`;

  /** The notifications a person got, as stored (kind and what they are about). */
  /** What someone was told about conversations (the cycle's phase changes tell everyone, and are not read here). */
  async function noticesOf(userId: string) {
    return server.db.db
      .selectFrom("notification")
      .select(["kind", "subjectType", "subjectId", "link"])
      .where("orgId", "=", company.orgId)
      .where("userId", "=", userId)
      .where("kind", "in", ["mention", "comment", "recognition"])
      .orderBy("id")
      .execute();
  }

  async function objectiveOfSue(visibility: "public" | "private") {
    const created = await post(company.as.sue, "/objectives", {
      cycleId: company.cycles.quarter,
      level: "personal",
      visibility,
      title: `Grow renewals (${visibility})`,
      keyResults: [
        { title: "Renewal rate from 60 % to 80 %", type: "percentage", startValue: 60, targetValue: 80 },
      ],
    });
    expect(created.status).toBe(201);
    await publish(server, company.owner, created.body.id);
    const keyResultId = created.body.keyResults[0].id as string;
    const checkIn = await post(company.as.sue, `/key-results/${keyResultId}/check-ins`, {
      value: 65,
      confidence: 7,
      note: "First deals renewed",
    });
    expect(checkIn.status).toBe(201);
    return {
      objectiveId: created.body.id as string,
      keyResultId,
      checkInId: checkIn.body.checkIn.id as string,
    };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    open = await objectiveOfSue("public");
    hidden = await objectiveOfSue("private");
  });
  afterAll(async () => server.close());

  it("takes a comment with a mention, renders it, and tells the mentioned and the owner", async () => {
    const { users, as } = company;
    const created = await post(as.pat, `/objectives/${open.objectiveId}/comments`, {
      body: `Great start, ${mention("Sam Sales", users.sam)} — **look** at this.`,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      subjectType: "objective",
      subjectId: open.objectiveId,
      author: { id: users.pat, name: "Pat Platform" },
      mentions: [users.sam],
      parentId: null,
      reactions: [],
      editedAt: null,
      deletedAt: null,
      abilities: { update: true, delete: true, react: true, reply: true },
    });
    expect(created.body.bodyHtml).toContain("<strong>look</strong>");
    expect(created.body.bodyHtml).toContain(
      `<a class="mention" href="/people/${users.sam}" data-user-id="${users.sam}" rel="noopener noreferrer nofollow">@Sam Sales</a>`,
    );
    expect(created.body.bodyHtml).not.toContain("user:");

    // Sam reads it, and may react and reply, but not rewrite Pat's words.
    const seen = await get(as.sam, `/objectives/${open.objectiveId}/comments`);
    expect(seen.status).toBe(200);
    expect(seen.body.nextCursor).toBeNull();
    expect(seen.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect(seen.body.items[0].abilities).toEqual({ update: false, delete: false, react: true, reply: true });

    expect(await noticesOf(users.sam)).toContainEqual({
      kind: "mention",
      subjectType: "objective",
      subjectId: open.objectiveId,
      link: `/objectives/${open.objectiveId}#comment-${created.body.id}`,
    });
    expect((await noticesOf(users.sue)).map((n) => n.kind)).toContain("comment");
    expect(await noticesOf(users.pat)).toEqual([]);

    const audit = await server.db.db
      .selectFrom("auditLog")
      .select(["action", "actorId"])
      .where("entityId", "=", created.body.id)
      .execute();
    expect(audit).toEqual([{ action: "comment.create", actorId: users.pat }]);
  });

  it("keeps threads one level deep and tells those who wrote in them", async () => {
    const { users, as } = company;
    const path = `/key-results/${open.keyResultId}/comments`;
    const root = await post(as.pat, path, { body: "How was 65 % measured?" });
    const reply = await post(as.sue, path, { body: "From the CRM export.", parentId: root.body.id });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: root.body.id, subjectType: "key_result" });
    // A reply to a reply joins the thread of its first comment.
    const nested = await post(as.sam, path, { body: "Thanks both.", parentId: reply.body.id });
    expect(nested.status).toBe(201);
    expect(nested.body.parentId).toBe(root.body.id);

    // Pat started the thread: Sam's reply reaches Pat (comment), as Sue's did.
    const patNotices = (await noticesOf(users.pat)).filter((n) => n.subjectId === open.keyResultId);
    expect(patNotices.map((n) => n.kind)).toEqual(["comment", "comment"]);

    const list = await get(as.eve, path);
    expect(list.body.items.map((c: { parentId: string | null }) => c.parentId)).toEqual([
      null,
      root.body.id,
      root.body.id,
    ]);

    // A parent must be a comment on the same subject; a missing one answers alike.
    for (const parentId of [root.body.id, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"]) {
      const wrong = await post(as.pat, `/objectives/${open.objectiveId}/comments`, { body: "Hm", parentId });
      expect(wrong.status).toBe(422);
      expect(wrong.body.error.code).toBe("comment.parent_mismatch");
      expect(wrong.body.error.details).toEqual([expect.objectContaining({ path: "parentId" })]);
    }
  });

  it("takes comments on a check-in and tells its author", async () => {
    const { users, as } = company;
    const created = await post(as.eve, `/check-ins/${open.checkInId}/comments`, { body: "Nice jump!" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ subjectType: "check_in", subjectId: open.checkInId });
    expect(await noticesOf(users.sue)).toContainEqual(
      expect.objectContaining({ kind: "comment", subjectType: "check_in", subjectId: open.checkInId }),
    );
    const list = await get(as.pat, `/check-ins/${open.checkInId}/comments`);
    expect(list.body.items).toHaveLength(1);
  });

  it("lets the author and admins edit, keeps each earlier text, and refuses everyone else", async () => {
    const { users, as } = company;
    const created = await post(as.pat, `/objectives/${open.objectiveId}/comments`, { body: "First take" });
    const id = created.body.id as string;

    const bySam = await server.request("PATCH", `/comments/${id}`, {
      as: as.sam,
      body: { body: "Sam's words" },
    });
    expect(bySam.status).toBe(403);
    expect(bySam.body.error.code).toBe("comment.forbidden");

    server.clock.advance(60_000);
    const edited = await server.request("PATCH", `/comments/${id}`, {
      as: as.pat,
      body: { body: `Second take, ${mention("Eve Engineer", users.eve)}` },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe(`Second take, ${mention("Eve Engineer", users.eve)}`);
    expect(edited.body.editedAt).toBe(server.clock.now().toISOString());
    expect(edited.body.mentions).toEqual([users.eve]);
    // The edit newly mentions Eve: she hears of it; nobody else is told again.
    expect((await noticesOf(users.eve)).filter((n) => n.kind === "mention")).toHaveLength(1);

    const byAdmin = await server.request("PATCH", `/comments/${id}`, {
      as: as.ada,
      body: { body: "Moderated" },
    });
    expect(byAdmin.status).toBe(200);

    const history = await get(as.sue, `/comments/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { body: string }) => h.body)).toEqual([
      "First take",
      `Second take, ${mention("Eve Engineer", users.eve)}`,
    ]);
    expect(history.body.items.map((h: { replacedBy: { name: string } }) => h.replacedBy.name)).toEqual([
      "Pat Platform",
      "Ada Admin",
    ]);
    expect(history.body.items[1].bodyHtml).toContain('class="mention"');

    const actions = await server.db.db
      .selectFrom("auditLog")
      .select("action")
      .where("entityId", "=", id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["comment.create", "comment.update", "comment.update"]);
  });

  it("deletes softly: the thread keeps its place, the text is gone, nothing more can be done to it", async () => {
    const { as } = company;
    const path = `/objectives/${open.objectiveId}/comments`;
    const root = await post(as.pat, path, { body: "To be withdrawn" });
    const id = root.body.id as string;
    await server.request("PATCH", `/comments/${id}`, { as: as.pat, body: { body: "Withdrawn soon" } });
    const reply = await post(as.sue, path, { body: "Noted", parentId: id });

    const bySue = await server.request("DELETE", `/comments/${id}`, { as: as.sue });
    expect(bySue.status).toBe(403);
    expect((await server.request("DELETE", `/comments/${id}`, { as: as.pat })).status).toBe(204);

    const items = (await get(as.sam, path)).body.items as Array<Record<string, unknown>>;
    const deleted = items.find((c) => c.id === id);
    expect(deleted).toMatchObject({
      body: "",
      bodyHtml: "",
      mentions: [],
      reactions: [],
      deletedAt: expect.any(String),
      author: { name: "Pat Platform" },
      abilities: { update: false, delete: false, react: false, reply: false },
    });
    expect(items.find((c) => c.id === reply.body.id)).toMatchObject({ parentId: id, body: "Noted" });
    expect((await get(as.sam, `/comments/${id}/history`)).body.items).toEqual([]);

    for (const [method, url, body] of [
      ["PATCH", `/comments/${id}`, { body: "Back again" }],
      ["DELETE", `/comments/${id}`, undefined],
      ["PUT", `/comments/${id}/reactions/${encodeURIComponent("👍")}`, undefined],
      ["POST", path, { body: "Late reply", parentId: id }],
    ] as const) {
      const refused = await server.request(method, url, { as: as.pat, ...(body ? { body } : {}) });
      expect(refused.status, `${method} ${url}`).toBe(422);
      expect(refused.body.error.code).toBe("comment.deleted");
    }
  });

  it("counts one reaction of a kind per person, in the allowed order, and refuses other emoji", async () => {
    const { as } = company;
    const created = await post(as.pat, `/key-results/${open.keyResultId}/comments`, { body: "React to me" });
    const reactions = `/comments/${created.body.id}/reactions`;
    const put = (who: Credentials, emoji: string) =>
      server.request("PUT", `${reactions}/${encodeURIComponent(emoji)}`, { as: who });

    expect((await put(as.sam, "🎉")).status).toBe(200);
    const twice = await put(as.sam, "👍");
    await put(as.sam, "👍");
    expect(twice.status).toBe(200);
    const bySue = await put(as.sue, "👍");
    expect(bySue.body.reactions).toEqual([
      { emoji: "👍", count: 2, reactedByMe: true },
      { emoji: "🎉", count: 1, reactedByMe: false },
    ]);
    // The heart arrives with or without its presentation selector: one heart.
    await put(as.sue, "❤");
    const hearts = await put(as.sam, "❤️");
    expect(hearts.body.reactions).toContainEqual({ emoji: "❤️", count: 2, reactedByMe: true });

    const takenBack = await server.request("DELETE", `${reactions}/${encodeURIComponent("👍")}`, {
      as: as.sam,
    });
    expect(takenBack.status).toBe(200);
    expect(takenBack.body.reactions[0]).toEqual({ emoji: "👍", count: 1, reactedByMe: false });

    for (const emoji of ["😡", "+1", "<script>"]) {
      const refused = await put(as.sam, emoji);
      expect(refused.status, emoji).toBe(422);
      expect(refused.body.error.code).toBe("reaction.unknown_emoji");
    }
    const inChinese = await server.request("PUT", `${reactions}/${encodeURIComponent("😡")}`, {
      as: { ...as.sam, locale: "zh-CN" },
    });
    expect(inChinese.body.error.message).toBe("只能使用以下表情回应：👍 🎉 ❤️ 👀 🙏 💪。");
  });

  it("shows comments exactly to those who may see what they are on; hidden answers like missing", async () => {
    const { users, as } = company;
    const missing = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    const subjects = [
      ["objectives", hidden.objectiveId, "objective.not_found"],
      ["key-results", hidden.keyResultId, "key_result.not_found"],
      ["check-ins", hidden.checkInId, "check_in.not_found"],
    ] as const;
    for (const [kind, id, code] of subjects) {
      for (const target of [id, missing]) {
        const list = await get(as.pat, `/${kind}/${target}/comments`);
        const write = await post(as.pat, `/${kind}/${target}/comments`, { body: "Let me in" });
        for (const reply of [list, write]) {
          expect(reply.status, `${kind} ${target}`).toBe(404);
          expect(reply.body.error.code).toBe(code);
        }
      }
      // Sue's manager sees it and may comment.
      expect((await post(as.sam, `/${kind}/${id}/comments`, { body: "Keep going" })).status).toBe(201);
    }

    // Sam mentions Pat (who cannot see it) and Sue (who can): only Sue is named, only Sue is told.
    const patBefore = (await noticesOf(users.pat)).length;
    const created = await post(as.sam, `/objectives/${hidden.objectiveId}/comments`, {
      body: `${mention("Pat Platform", users.pat)} ${mention("Sue Seller", users.sue)} please sync`,
    });
    expect(created.status).toBe(201);
    expect(created.body.mentions).toEqual([users.sue]);
    expect(await noticesOf(users.pat)).toHaveLength(patBefore);
    expect(await noticesOf(users.sue)).toContainEqual(
      expect.objectContaining({ kind: "mention", subjectId: hidden.objectiveId }),
    );
    // What Pat may not see, Pat cannot reach through the comment's own routes either.
    const id = created.body.id as string;
    for (const target of [id, missing]) {
      for (const [method, url, body] of [
        ["GET", `/comments/${target}`, undefined],
        ["GET", `/comments/${target}/history`, undefined],
        ["PATCH", `/comments/${target}`, { body: "Mine now" }],
        ["DELETE", `/comments/${target}`, undefined],
        ["PUT", `/comments/${target}/reactions/${encodeURIComponent("👀")}`, undefined],
        ["DELETE", `/comments/${target}/reactions/${encodeURIComponent("👀")}`, undefined],
      ] as const) {
        const refused = await server.request(method, url, { as: as.pat, ...(body ? { body } : {}) });
        expect(refused.status, `${method} ${url}`).toBe(404);
        expect(refused.body.error.code).toBe("comment.not_found");
      }
    }
    // An admin sees it all.
    expect((await get(as.ada, `/comments/${id}`)).status).toBe(200);
  });

  it("drops mentions of people who are not active members, leaving their name as text", async () => {
    const { users, as, owner } = company;
    const deactivated = await server.request("PATCH", `/members/${users.eve}`, {
      as: owner,
      body: { status: "deactivated" },
    });
    expect(deactivated.status).toBe(200);
    try {
      const created = await post(as.pat, `/objectives/${open.objectiveId}/comments`, {
        body: `${mention("Eve Engineer", users.eve)} ${mention("Nobody", "no-such-user")} ${mention("Sam", users.sam)}`,
      });
      expect(created.status).toBe(201);
      expect(created.body.mentions).toEqual([users.sam]);
      expect(created.body.bodyHtml).toContain("@Nobody");
      expect(created.body.bodyHtml).not.toContain("no-such-user");
    } finally {
      await server.request("PATCH", `/members/${users.eve}`, { as: owner, body: { status: "active" } });
    }
  });

  it("renders every XSS payload inert", async () => {
    const payloads = [
      "<script>alert(1)</script>",
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "<javascript:alert(1)>",
      "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      '<img src=x onerror="alert(1)">',
      "![x](https://evil.test/x.png)",
      '<a href="javascript:alert(1)" onclick="alert(1)">raw</a>',
      "<iframe src=https://evil.test></iframe>",
      '<div style="background:url(javascript:alert(1))">x</div>',
      "[x](user:abc)",
      "[x](//evil.test)",
    ];
    for (const body of payloads) {
      const created = await post(company.as.pat, `/objectives/${open.objectiveId}/comments`, { body });
      expect(created.status, body).toBe(201);
      // Every real tag (escaped text such as &lt;script&gt; is inert) is an allowed one, without event
      // handlers or styles, and links only to the web or the app's own pages.
      const tags = (created.body.bodyHtml as string).match(/<[a-z][^>]*>/gi) ?? [];
      for (const tag of tags) {
        expect(tag, body).toMatch(/^<(p|a|strong|em|code|br)[\s>]/);
        expect(tag, body).not.toMatch(/\s(on\w+|style|src)\s*=/i);
        const href = /href="([^"]*)"/.exec(tag)?.[1];
        if (href !== undefined) expect(href, body).toMatch(/^(https?:\/\/|\/(?!\/))/);
      }
      expect(created.body.body).toBe(body);
    }
    const link = await post(company.as.pat, `/objectives/${open.objectiveId}/comments`, {
      body: "See https://example.com/report",
    });
    expect(link.body.bodyHtml).toContain(
      '<a href="https://example.com/report" rel="noopener noreferrer nofollow" target="_blank">',
    );
  });

  it("refuses bad input in the contract's shape, and a body over 20,000 characters with 422", async () => {
    const path = `/objectives/${open.objectiveId}/comments`;
    const atLimit = await post(company.as.pat, path, { body: "好".repeat(20_000) });
    expect(atLimit.status).toBe(201);
    const over = await post(company.as.pat, path, { body: "a".repeat(20_001) });
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: "text.too_long", details: [{ path: "body" }] });
    const inChinese = await post({ ...company.as.pat, locale: "zh-CN" }, path, { body: "a".repeat(20_001) });
    expect(inChinese.body.error.message).toBe("最多 20000 个字符（当前 20001 个）。");

    for (const body of [
      { body: "" },
      { body: "   \n  " },
      { body: "bad \u0000 byte" },
      { body: "ok", extra: true },
      { body: "ok", parentId: "" },
      {},
    ]) {
      const refused = await post(company.as.pat, path, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe("request.invalid");
    }
    const control = await post({ ...company.as.pat, locale: "zh-CN" }, path, { body: "坏\u0007字" });
    expect(control.body.error.details[0].message).toBe("包含控制字符 U+0007（第 2 个字符），请删除。");
    const blank = await post({ ...company.as.pat, locale: "zh-CN" }, path, { body: "  " });
    expect(blank.body.error.details).toEqual([{ path: "body", message: "请填写内容。" }]);
    expect((await get(company.as.pat, `${path}?limit=0`)).status).toBe(400);
    expect((await get(company.as.pat, `${path}?limit=abc`)).status).toBe(400);
  });

  it("pages a thread oldest first", async () => {
    const created = await post(company.as.pat, "/objectives", {
      cycleId: company.cycles.quarter,
      level: "personal",
      title: "Ship the platform",
    });
    const path = `/objectives/${created.body.id}/comments`;
    const ids: string[] = [];
    for (const body of ["one", "two", "three"])
      ids.push((await post(company.as.sue, path, { body })).body.id);
    const first = await get(company.as.pat, `${path}?limit=2`);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    expect(first.body.nextCursor).toBe(ids[1]);
    const second = await get(company.as.pat, `${path}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(2));
    expect(second.body.nextCursor).toBeNull();
  });

  it("offers `comment` on the objectives and KRs the caller sees", async () => {
    const seen = await get(company.as.pat, `/objectives/${open.objectiveId}`);
    expect(seen.body.abilities.comment).toBe(true);
    expect(seen.body.keyResults[0].abilities.comment).toBe(true);
  });
});
