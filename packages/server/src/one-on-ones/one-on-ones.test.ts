import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * 1:1s (一对一) through the real HTTP app. Sam manages Sue; Eve manages Pat; the owner manages Sam, Eve
 * and Ada (an admin). Only the two participants ever see a 1:1; private notes only their writer.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;

describe.each(testDialects())("one-on-ones, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let sueKr: string;
  let patPrivateKr: string;

  const create = (as: Credentials, body: unknown) => server.request("POST", "/one-on-ones", { as, body });
  const read = (as: Credentials, id: string) => server.request("GET", `/one-on-ones/${id}`, { as });

  async function objective(as: Credentials, visibility: "public" | "private", title: string) {
    const created = await server.request("POST", "/objectives", {
      as,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        visibility,
        title,
        keyResults: [{ title: `${title}: from 0 to 10`, type: "number", startValue: 0, targetValue: 10 }],
      },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, keyResultId: created.body.keyResults[0].id as string };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const sue = await objective(company.as.sue, "public", "Renew the big accounts");
    const pat = await objective(company.as.pat, "private", "Harden the platform");
    sueKr = sue.keyResultId;
    patPrivateKr = pat.keyResultId;
    await publish(server, company.as.sue, sue.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    server.clock.set("2027-04-12T02:00:00.000Z");
    const first = await server.request("POST", `/key-results/${sueKr}/check-ins`, {
      as: company.as.sue,
      body: { value: 2, confidence: 8, note: "Two renewals signed" },
    });
    expect(first.status).toBe(201);
    server.clock.set("2027-04-14T02:00:00.000Z");
    const latest = await server.request("POST", `/key-results/${sueKr}/check-ins`, {
      as: company.as.sue,
      body: { value: 4, confidence: 6, note: "Procurement is slow at Globex" },
    });
    expect(latest.status).toBe(201);
  });
  afterAll(async () => server.close());

  it("lets a manager and a report start one, and nobody else read it", async () => {
    const { as, users } = company;
    const byManager = await create(as.sam, {
      reportUserId: users.sue,
      scheduledAt: "2027-04-15T09:00:00+08:00",
      title: "Weekly",
    });
    expect(byManager.status).toBe(201);
    expect(byManager.body).toMatchObject({
      title: "Weekly",
      manager: { id: users.sam, name: "Sam Sales" },
      report: { id: users.sue, name: "Sue Seller" },
      scheduledAt: "2027-04-15T01:00:00.000Z",
      status: "scheduled",
      sharedNotes: "",
      agenda: [],
      actionItems: [],
      myPrivateNote: null,
      abilities: {
        update: true,
        markDone: true,
        addAgenda: true,
        writePrivateNote: true,
        addActionItem: true,
      },
    });
    // The owner manages Sam: a manager anywhere up the chain; and Sue may ask her manager's manager.
    const byReport = await create(as.sue, {
      managerUserId: company.ownerId,
      scheduledAt: "2027-04-16T01:00:00Z",
    });
    expect(byReport.status).toBe(201);
    expect(byReport.body.manager.id).toBe(company.ownerId);

    for (const stranger of [as.pat, as.eve, as.ada, company.owner])
      expect((await read(stranger, byManager.body.id)).status).toBe(404);
    expect((await read(as.sam, "0000-missing")).body.error.code).toBe("one_on_one.not_found");
    const patched = await server.request("PATCH", `/one-on-ones/${byManager.body.id}`, {
      as: as.ada,
      body: { sharedNotes: "admin was here" },
    });
    expect(patched.status).toBe(404);

    // Peers and people below cannot be named as a report or a manager.
    const peer = await create(as.sam, { reportUserId: users.pat, scheduledAt: "2027-04-15T01:00:00Z" });
    expect(peer.status).toBe(403);
    expect(peer.body.error.code).toBe("one_on_one.not_related");
    const upsideDown = await create(as.sam, {
      managerUserId: users.sue,
      scheduledAt: "2027-04-15T01:00:00Z",
    });
    expect(upsideDown.status).toBe(403);
    const both = await create(as.sam, { scheduledAt: "2027-04-15T01:00:00Z" });
    expect(both.status).toBe(422);
  });

  it("pulls a key result's latest check-in onto the agenda and refuses one the caller cannot see", async () => {
    const { as, users } = company;
    const { body: meeting } = await create(as.sam, {
      reportUserId: users.sue,
      scheduledAt: "2027-04-20T01:00:00Z",
    });
    const added = await server.request("POST", `/one-on-ones/${meeting.id}/agenda`, {
      as: as.sam,
      body: { kind: "key_result", keyResultId: sueKr },
    });
    expect(added.status).toBe(201);
    expect(added.body.agenda).toEqual([
      expect.objectContaining({
        kind: "key_result",
        text: null,
        discussed: false,
        addedBy: { id: users.sam, name: "Sam Sales" },
        keyResult: expect.objectContaining({
          id: sueKr,
          title: "Renew the big accounts: from 0 to 10",
          progress: 0.4,
          latestCheckIn: {
            value: 4,
            confidence: 6,
            note: "Procurement is slow at Globex",
            createdAt: "2027-04-14T02:00:00.000Z",
          },
        }),
      }),
    ]);
    expect(added.body.agenda[0].keyResult.health).not.toBeNull();
    const free = await server.request("POST", `/one-on-ones/${meeting.id}/agenda`, {
      as: as.sue,
      body: { kind: "free", text: "Career: moving to enterprise accounts" },
    });
    expect(free.body.agenda.map((i: { kind: string }) => i.kind)).toEqual(["key_result", "free"]);
    const itemId = free.body.agenda[1].id as string;
    const checked = await server.request("PATCH", `/one-on-ones/${meeting.id}/agenda/${itemId}`, {
      as: as.sam,
      body: { discussed: true },
    });
    expect(checked.body.agenda[1].discussed).toBe(true);
    const removed = await server.request("DELETE", `/one-on-ones/${meeting.id}/agenda/${itemId}`, {
      as: as.sue,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.agenda).toHaveLength(1);

    // Pat's private KR is hidden from Sam, and a missing one answers the same, in the caller's language.
    for (const keyResultId of [patPrivateKr, "no-such-kr"]) {
      const refused = await server.request("POST", `/one-on-ones/${meeting.id}/agenda`, {
        as: { ...as.sam, locale: "zh-CN" },
        body: { kind: "key_result", keyResultId },
      });
      expect(refused.status).toBe(404);
      expect(refused.body.error).toMatchObject({ code: "key_result.not_found", message: "关键结果不存在。" });
    }
    const audit = await server.db.db
      .selectFrom("auditLog")
      .select("action")
      .where("entityId", "=", meeting.id)
      .orderBy("createdAt")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "one_on_one.create",
      "one_on_one.agenda.add",
      "one_on_one.agenda.add",
      "one_on_one.agenda.update",
      "one_on_one.agenda.remove",
    ]);
  });

  it("keeps each private note to its writer and shares the shared notes, keeping their history", async () => {
    const { as, users } = company;
    const { body: meeting } = await create(as.sam, {
      reportUserId: users.sue,
      scheduledAt: "2027-04-21T01:00:00Z",
    });
    const url = `/one-on-ones/${meeting.id}`;
    const secret = "Sue seems tired — ask about workload";
    const mine = await server.request("PUT", `${url}/private-note`, { as: as.sam, body: { body: secret } });
    expect(mine.status).toBe(200);
    expect(mine.body.myPrivateNote).toMatchObject({ body: secret });
    await server.request("PUT", `${url}/private-note`, {
      as: as.sue,
      body: { body: "Ask for the **budget**" },
    });
    await server.request("PATCH", url, { as: as.sam, body: { sharedNotes: "First draft" } });
    const shared = await server.request("PATCH", url, {
      as: as.sue,
      body: { sharedNotes: "We agreed on **two** renewals", status: "done" },
    });
    expect(shared.body).toMatchObject({
      sharedNotes: "We agreed on **two** renewals",
      sharedNotesHtml: "<p>We agreed on <strong>two</strong> renewals</p>\n",
      status: "done",
      abilities: { markDone: false },
    });

    const sue = await read(as.sue, meeting.id);
    expect(sue.body.myPrivateNote.body).toBe("Ask for the **budget**");
    expect(JSON.stringify(sue.body)).not.toContain("workload");
    const sam = await read(as.sam, meeting.id);
    expect(sam.body.myPrivateNote.body).toBe(secret);
    expect(JSON.stringify(sam.body)).not.toContain("budget");
    expect(sam.body.sharedNotes).toBe("We agreed on **two** renewals");
    const list = await server.request("GET", "/one-on-ones", { as: as.sue });
    expect(JSON.stringify(list.body)).not.toContain("workload");

    // The audit log says a note changed, never what it says; the replaced shared notes are kept.
    const audit = await server.db.db
      .selectFrom("auditLog")
      .select(["action", "before", "after"])
      .where("entityId", "=", meeting.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("one_on_one.private_note.write");
    expect(JSON.stringify(audit)).not.toContain("workload");
    expect(JSON.stringify(audit)).not.toContain("budget");
    const history = await server.db.db
      .selectFrom("oneOnOneNotesEdit")
      .select("body")
      .where("oneOnOneId", "=", meeting.id)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.body)).toEqual(["", "First draft"]);
  });

  it("notifies the participant an action item is given to", async () => {
    const { as, users } = company;
    const { body: meeting } = await create(as.sam, {
      reportUserId: users.sue,
      scheduledAt: "2027-04-22T01:00:00Z",
    });
    const url = `/one-on-ones/${meeting.id}/action-items`;
    const given = await server.request("POST", url, {
      as: as.sam,
      body: {
        title: "Call Globex procurement",
        ownerUserId: users.sue,
        dueDate: "2027-04-30",
        keyResultId: sueKr,
      },
    });
    expect(given.status).toBe(201);
    expect(given.body.actionItems).toEqual([
      expect.objectContaining({
        title: "Call Globex procurement",
        owner: { id: users.sue, name: "Sue Seller" },
        dueDate: "2027-04-30",
        keyResultId: sueKr,
        done: false,
      }),
    ]);
    const notices = await server.db.db
      .selectFrom("notification")
      .select(["userId", "kind", "subjectType", "subjectTitle", "link"])
      .where("subjectId", "=", meeting.id)
      .execute();
    expect(notices).toEqual([
      {
        userId: users.sue,
        kind: "meeting_action_item",
        subjectType: "one_on_one",
        subjectTitle: "Call Globex procurement",
        link: `/one-on-ones/${meeting.id}`,
      },
    ]);
    const own = await server.request("POST", url, {
      as: as.sam,
      body: { title: "Send pricing", ownerUserId: users.sam },
    });
    expect(own.status).toBe(201);
    const itemId = given.body.actionItems[0].id as string;
    const done = await server.request("PATCH", `${url}/${itemId}`, { as: as.sue, body: { done: true } });
    expect(done.body.actionItems[0]).toMatchObject({ done: true, doneAt: expect.any(String) });
    const outsider = await server.request("POST", url, {
      as: { ...as.sam, locale: "zh-CN" },
      body: { title: "Pat does it", ownerUserId: users.pat },
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body.error).toMatchObject({
      code: "one_on_one.owner_not_participant",
      message: "待办只能分配给一对一的双方之一。",
    });
    const count = await server.db.db
      .selectFrom("notification")
      .select("id")
      .where("subjectId", "=", meeting.id)
      .execute();
    expect(count).toHaveLength(1);
  });

  it("lists mine newest first, page by page, and refuses bad input with 4xx", async () => {
    const { as } = company;
    const all = await server.request("GET", "/one-on-ones?limit=200", { as: as.sue });
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i: { id: string }) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect([...ids].sort().reverse()).toEqual(ids);
    const first = await server.request("GET", "/one-on-ones?limit=2", { as: as.sue });
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(0, 2));
    const second = await server.request("GET", `/one-on-ones?limit=2&cursor=${first.body.nextCursor}`, {
      as: as.sue,
    });
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(2, 4));
    const withOwner = await server.request("GET", `/one-on-ones?withUserId=${company.ownerId}`, {
      as: as.sue,
    });
    expect(withOwner.body.items).toHaveLength(1);
    expect((await server.request("GET", "/one-on-ones", { as: as.pat })).body).toEqual({
      items: [],
      nextCursor: null,
    });

    const id = ids[0] as string;
    const long = await server.request("PATCH", `/one-on-ones/${id}`, {
      as: { ...as.sue, locale: "zh-CN" },
      body: { sharedNotes: "字".repeat(20_001) },
    });
    expect(long.status).toBe(422);
    expect(long.body.error).toMatchObject({
      code: "text.too_long",
      message: "最多 20000 个字符（当前 20001 个）。",
    });
    const longPrivate = await server.request("PUT", `/one-on-ones/${id}/private-note`, {
      as: as.sue,
      body: { body: "x".repeat(20_001) },
    });
    expect(longPrivate.status).toBe(422);
    for (const body of [{ scheduledAt: "next week" }, { status: "cancelled" }, { agenda: [] }]) {
      const bad = await server.request("PATCH", `/one-on-ones/${id}`, { as: as.sue, body });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("request.invalid");
    }
    const badItem = await server.request("POST", `/one-on-ones/${id}/agenda`, {
      as: as.sue,
      body: { kind: "free", text: "" },
    });
    expect(badItem.status).toBe(400);
    const missingItem = await server.request("PATCH", `/one-on-ones/${id}/agenda/nope`, {
      as: as.sue,
      body: { discussed: true },
    });
    expect(missingItem.status).toBe(404);
    expect(missingItem.body.error.code).toBe("one_on_one.item_not_found");
  });
});
