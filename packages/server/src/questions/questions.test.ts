import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * CEO 面对面 questions through the real HTTP app. Pat asks anonymously: no answer, to anyone (the CEO and
 * admins included), and no audit entry names him; everyone votes once; the CEO (the owner) answers.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;

describe.each(testDialects())("questions, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let anonymous = "";

  const ask = (as: Credentials, body: unknown) => server.request("POST", "/questions", { as, body });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  it("never names the author of an anonymous question, to anyone", async () => {
    const { as, users, owner } = company;
    const asked = await ask(as.pat, { body: "Why do we *still* deploy on Fridays?", anonymous: true });
    expect(asked.status).toBe(201);
    anonymous = asked.body.id;
    expect(asked.body).toMatchObject({ anonymous: true, author: null, voteCount: 0, votedByMe: false });
    expect(asked.body.bodyHtml).toBe("<p>Why do we <em>still</em> deploy on Fridays?</p>\n");
    const named = await ask(as.sue, { body: "When is the next offsite?", anonymous: false });
    expect(named.body.author).toEqual({ id: users.sue, name: "Sue Seller" });

    const answers = [asked.body];
    for (const who of [owner, as.ada, as.eve, as.pat]) {
      const list = await server.request("GET", "/questions", { as: who });
      expect(list.status).toBe(200);
      answers.push(list.body, (await server.request("GET", "/questions?open=true", { as: who })).body);
      answers.push((await server.request("PUT", `/questions/${anonymous}/vote`, { as: who })).body);
    }
    answers.push(
      (await server.request("PUT", `/questions/${anonymous}/answer`, { as: owner, body: { body: "Fair." } }))
        .body,
    );
    for (const answer of answers) {
      const json = JSON.stringify(answer);
      for (const trace of [users.pat, "Pat Platform", "pat@acme.test"]) expect(json).not.toContain(trace);
    }
    const audit = await server.db.db
      .selectFrom("auditLog")
      .selectAll()
      .where("entityId", "=", anonymous)
      .execute();
    expect(audit.find((a) => a.action === "question.create")).toMatchObject({ actorId: null });
    expect(JSON.stringify(audit.filter((a) => a.action !== "question.vote"))).not.toContain(users.pat);
    const stored = await server.db.db
      .selectFrom("question")
      .selectAll()
      .where("id", "=", anonymous)
      .execute();
    expect(JSON.stringify(stored)).not.toContain(users.pat);
  });

  it("counts one vote each, even when the same person votes in parallel", async () => {
    const { as } = company;
    const asked = await ask(as.sam, { body: "Bonus plan for 2028?", anonymous: true });
    const path = `/questions/${asked.body.id}/vote`;
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => server.request("PUT", path, { as: as.eve })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const sue = await server.request("PUT", path, { as: as.sue });
    expect(sue.body).toMatchObject({ voteCount: 2, votedByMe: true });
    const eve = await server.request("DELETE", path, { as: as.eve });
    expect(eve.body).toMatchObject({ voteCount: 1, votedByMe: false });
    expect((await server.request("DELETE", path, { as: as.eve })).body.voteCount).toBe(1);
    const open = await server.request("GET", "/questions?open=true", { as: as.pat });
    expect(open.body.items[0].id).toBe(asked.body.id);
    expect(open.body.items.map((q: { id: string }) => q.id)).not.toContain(anonymous);

    // A CEO 面对面 lists the top-voted open questions on its agenda, by their words only.
    const meeting = await server.request("POST", "/meetings", {
      as: as.ada,
      body: {
        kind: "ceo_qa",
        title: "CEO 面对面",
        cycleId: company.cycles.quarter,
        scheduledAt: "2027-05-01T08:00:00Z",
      },
    });
    expect(meeting.status).toBe(201);
    const agenda = await server.request("GET", `/meetings/${meeting.body.id}/agenda`, { as: as.pat });
    const questions = agenda.body.sections.find((s: { kind: string }) => s.kind === "questions");
    expect(questions.items[0]).toMatchObject({
      question: { id: asked.body.id, body: "Bonus plan for 2028?", voteCount: 1 },
      person: null,
    });
    expect(JSON.stringify(agenda.body)).not.toContain(company.users.sam);
  });

  it("lets the CEO and admins answer, and refuses others and bad input in the caller's language", async () => {
    const { as, owner } = company;
    const path = `/questions/${anonymous}/answer`;
    const refused = await server.request("PUT", path, {
      as: { ...as.sam, locale: "zh-CN" },
      body: { body: "No" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("你没有执行此操作的权限。");
    const byAdmin = await server.request("PUT", path, { as: as.ada, body: { body: "We **stop** in May." } });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.answer).toMatchObject({
      body: "We **stop** in May.",
      bodyHtml: "<p>We <strong>stop</strong> in May.</p>\n",
    });
    expect(byAdmin.body.answer.answeredBy.name).toBe("Ada Admin");
    const mine = await server.request("GET", "/questions", { as: owner });
    expect(mine.body.items.every((q: { abilities: { answer: boolean } }) => q.abilities.answer)).toBe(true);
    const blank = await ask({ ...as.sue, locale: "zh-CN" }, { body: "   ", anonymous: false });
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe("request.invalid");
    expect((await ask(as.sue, { body: "Hi", anonymous: "yes" })).status).toBe(400);
    const long = await ask({ ...as.sue, locale: "zh-CN" }, { body: "长".repeat(5001), anonymous: false });
    expect(long.status).toBe(422);
    expect(long.body.error.message).toContain("最多 5000 个字符");
    const missing = await server.request("PUT", "/questions/nowhere/vote", {
      as: { ...as.sue, locale: "zh-CN" },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("问题不存在。");
    expect(
      (await ask(as.sue, { body: "For the meeting", anonymous: false, meetingId: "nowhere" })).status,
    ).toBe(404);
  });
});
