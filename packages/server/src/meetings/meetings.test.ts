import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Meetings (会议) through the real HTTP app. Sales is Sam's (Sue reports to him); Eve leads Engineering,
 * Pat sits in Platform under her. Sue checked in on 2027-04-12: renewals with confidence 2 (off track), her
 * private plan with confidence 5 (at risk). Sam's bookings have no check-in (at risk by time: 15 % of the
 * quarter passed, progress 0). Now is 2027-04-15.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;
type Agenda = {
  frozen: boolean;
  sections: Array<{
    kind: string;
    items: Array<{
      objective: { id: string; title: string } | null;
      keyResult: { id: string; title: string } | null;
      person: { id: string; name: string } | null;
      health: string | null;
      confidence: number | null;
      progressChange: number | null;
    }>;
  }>;
};

describe.each(testDialects())("meetings, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let renewals = { objectiveId: "", keyResultId: "" };
  let secret = { objectiveId: "", keyResultId: "" };
  let bookings = { objectiveId: "", keyResultId: "" };
  let weekly = "";

  const create = async (as: Credentials, body: Record<string, unknown>) => {
    const reply = await server.request("POST", "/objectives", {
      as,
      body: { cycleId: company.cycles.quarter, ...body },
    });
    expect(reply.status).toBe(201);
    return { objectiveId: reply.body.id as string, keyResultId: reply.body.keyResults[0].id as string };
  };
  const checkIn = async (keyResultId: string, value: number, confidence: number) => {
    const reply = await server.request("POST", `/key-results/${keyResultId}/check-ins`, {
      as: company.as.sue,
      body: { value, confidence },
    });
    expect(reply.status).toBe(201);
  };
  const schedule = (as: Credentials, body: Record<string, unknown>) =>
    server.request("POST", "/meetings", {
      as,
      body: {
        kind: "weekly",
        title: "Sales weekly",
        cycleId: company.cycles.quarter,
        scheduledAt: "2027-04-16T01:00:00Z",
        ...body,
      },
    });
  const agenda = async (as: Credentials, id = weekly) => {
    const reply = await server.request("GET", `/meetings/${id}/agenda`, { as });
    expect(reply.status).toBe(200);
    return reply.body as Agenda;
  };
  const section = (a: Agenda, kind: string) => a.sections.find((s) => s.kind === kind)?.items ?? [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    server.clock.set("2027-04-01T02:00:00.000Z");
    const { as, departments } = company;
    bookings = await create(as.sam, {
      level: "department",
      ownerDepartmentId: departments.sales,
      title: "Sales lands the quarter",
      keyResults: [{ title: "Bookings from 0 to 100", type: "number", startValue: 0, targetValue: 100 }],
    });
    renewals = await create(as.sue, {
      level: "personal",
      title: "Accounts renew",
      keyResults: [{ title: "Renewals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
    });
    secret = await create(as.sue, {
      level: "personal",
      visibility: "private",
      title: "Secret side plan",
      keyResults: [{ title: "Secret deals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
    });
    await publish(server, as.sam, bookings.objectiveId);
    await publish(server, as.sue, renewals.objectiveId, secret.objectiveId);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    server.clock.set("2027-04-12T02:00:00.000Z");
    await checkIn(renewals.keyResultId, 1, 2);
    await checkIn(secret.keyResultId, 1, 5);
    server.clock.set("2027-04-15T02:00:00.000Z");
  });
  afterAll(async () => server.close());

  it("lets a department's leaders and admins schedule its meetings, and only them", async () => {
    const { as, departments, users } = company;
    const created = await schedule(as.sam, { departmentId: departments.sales, attendeeIds: [users.eve] });
    expect(created.status).toBe(201);
    weekly = created.body.id;
    expect(created.body).toMatchObject({
      kind: "weekly",
      title: "Sales weekly",
      department: { id: departments.sales, name: "Sales" },
      scheduledAt: "2027-04-16T01:00:00.000Z",
      status: "scheduled",
      organizer: { id: users.sam, name: "Sam Sales" },
      attendees: [{ id: users.eve, name: "Eve Engineer" }],
      minutes: "",
      startedAt: null,
      abilities: { update: true },
    });
    expect((await schedule(as.sue, { departmentId: departments.sales })).body.error.code).toBe(
      "permission.denied",
    );
    expect((await schedule(as.pat, { departmentId: departments.sales })).status).toBe(403);
    expect((await schedule(as.sam, {})).status).toBe(403);
    const company_ = await schedule(as.ada, { kind: "bimonthly", title: "双月会" });
    expect(company_.status).toBe(201);
    expect(company_.body.department).toBeNull();

    const audit = await server.db.db
      .selectFrom("auditLog")
      .select(["action", "actorId"])
      .where("entityId", "=", weekly)
      .execute();
    expect(audit).toEqual([{ action: "meeting.create", actorId: users.sam }]);
  });

  it("shows a meeting to its scope, its attendees and admins; hidden ones answer 404", async () => {
    const { as } = company;
    expect((await server.request("GET", `/meetings/${weekly}`, { as: as.sue })).body.abilities).toEqual({
      update: false,
    });
    const eve = await server.request("GET", `/meetings/${weekly}`, { as: as.eve });
    expect(eve.status).toBe(200);
    const pat = await server.request("GET", `/meetings/${weekly}`, { as: as.pat });
    expect(pat.status).toBe(404);
    expect(pat.body.error.code).toBe("meeting.not_found");
    expect((await server.request("GET", `/meetings/${weekly}/agenda`, { as: as.pat })).status).toBe(404);
    const list = await server.request("GET", "/meetings?limit=1", { as: as.pat });
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { title: string }) => m.title)).toEqual(["双月会"]);
    expect(list.body.nextCursor).toBeNull();
    const all = await server.request("GET", `/meetings?cycleId=${company.cycles.quarter}`, { as: as.eve });
    expect(all.body.items.map((m: { id: string }) => m.id)).toContain(weekly);
  });

  it("generates the agenda from live data: health by domain.md, worst confidence first, only what the viewer may see", async () => {
    const { as, users } = company;
    const sams = await agenda(as.sam);
    expect(sams.frozen).toBe(false);
    expect(sams.sections.map((s) => s.kind)).toEqual([
      "off_track",
      "at_risk",
      "missing_check_ins",
      "biggest_changes",
      "pending_approvals",
      "proposals",
    ]);
    expect(section(sams, "off_track")).toEqual([
      expect.objectContaining({
        keyResult: expect.objectContaining({ id: renewals.keyResultId }),
        objective: { id: renewals.objectiveId, title: "Accounts renew" },
        person: { id: users.sue, name: "Sue Seller" },
        health: "off_track",
        confidence: 2,
      }),
    ]);
    expect(section(sams, "at_risk").map((i) => [i.keyResult?.id, i.health])).toEqual([
      [secret.keyResultId, "at_risk"],
      [bookings.keyResultId, "at_risk"],
    ]);
    expect(section(sams, "missing_check_ins").map((i) => i.person?.id)).toEqual([users.sam]);
    expect(section(sams, "biggest_changes").map((i) => i.progressChange)).toEqual([0.1, 0.1]);

    // Eve attends but may not see Sue's private objective: it is nowhere in her answer.
    const eves = await agenda(as.eve);
    expect(section(eves, "at_risk").map((i) => i.keyResult?.id)).toEqual([bookings.keyResultId]);
    expect(JSON.stringify(eves)).not.toContain(secret.objectiveId);
    expect(JSON.stringify(eves)).not.toContain("Secret");
  });

  it("freezes the agenda when the meeting starts, keeps minutes, and moves one step at a time", async () => {
    const { as } = company;
    const path = `/meetings/${weekly}`;
    expect(
      (await server.request("PATCH", path, { as: as.eve, body: { status: "in_progress" } })).status,
    ).toBe(403);
    const skipped = await server.request("PATCH", path, {
      as: { ...as.sam, locale: "zh-CN" },
      body: { status: "ended" },
    });
    expect(skipped.status).toBe(409);
    expect(skipped.body.error).toMatchObject({ code: "meeting.invalid_transition" });
    expect(skipped.body.error.message).toContain("会议只能依次");

    const started = await server.request("PATCH", path, { as: as.sam, body: { status: "in_progress" } });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: "in_progress", startedAt: "2027-04-15T02:00:00.000Z" });
    const before = await agenda(as.sam);
    expect(before.frozen).toBe(true);

    server.clock.set("2027-04-15T03:00:00.000Z");
    await checkIn(renewals.keyResultId, 9, 9);
    const after = await agenda(as.sam);
    expect(after).toEqual(before);
    expect(section(after, "off_track")[0]?.confidence).toBe(2);
    // Filtered at read time too.
    expect(JSON.stringify(await agenda(as.eve))).not.toContain("Secret");

    const noted = await server.request("PATCH", path, {
      as: as.sam,
      body: { minutes: "We **agreed** <script>alert(1)</script>", decisions: "- Call every renewal" },
    });
    expect(noted.status).toBe(200);
    expect(noted.body.minutesHtml).toBe(
      "<p>We <strong>agreed</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
    );
    expect(noted.body.decisionsHtml).toContain("<li>Call every renewal</li>");
    const ended = await server.request("PATCH", path, { as: as.sam, body: { status: "ended" } });
    expect(ended.body).toMatchObject({ status: "ended", endedAt: "2027-04-15T03:00:00.000Z" });
    const back = await server.request("PATCH", path, { as: as.sam, body: { status: "in_progress" } });
    expect(back.status).toBe(409);
  });

  it("refuses bad input in the caller's language, never with a 500", async () => {
    const { as, departments } = company;
    const zh = { ...as.sam, locale: "zh-CN" };
    const badKind = await schedule(zh, { kind: "daily", departmentId: departments.sales });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.code).toBe("request.invalid");
    const stranger = await schedule(zh, { departmentId: departments.sales, attendeeIds: ["nobody"] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.message).toBe("请选择本组织的在职成员。");
    expect((await schedule(zh, { departmentId: "nowhere" })).status).toBe(404);
    expect((await schedule(zh, { departmentId: departments.sales, cycleId: "nowhere" })).status).toBe(404);
    expect((await schedule(zh, { departmentId: departments.sales, scheduledAt: "tomorrow" })).status).toBe(
      400,
    );
    expect(
      (await server.request("PATCH", `/meetings/${weekly}`, { as: zh, body: { status: "over" } })).status,
    ).toBe(400);
    expect((await server.request("GET", "/meetings/nowhere", { as: zh })).body.error.message).toBe(
      "会议不存在。",
    );
  });

  it("keeps action items with the meeting and tells their owner", async () => {
    const { as, users } = company;
    const path = `/meetings/${weekly}/action-items`;
    const added = await server.request("POST", path, {
      as: as.sam,
      body: {
        title: "Call the ten largest renewals",
        ownerUserId: users.sue,
        dueDate: "2027-04-22",
        keyResultId: renewals.keyResultId,
      },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      title: "Call the ten largest renewals",
      owner: { id: users.sue, name: "Sue Seller" },
      dueDate: "2027-04-22",
      keyResult: { id: renewals.keyResultId, objectiveId: renewals.objectiveId },
      done: false,
      abilities: { update: true, complete: true },
    });
    const notices = await server.db.db
      .selectFrom("notification")
      .select(["userId", "kind", "subjectType", "subjectId"])
      .where("kind", "=", "meeting_action_item")
      .execute();
    expect(notices).toEqual([
      { userId: users.sue, kind: "meeting_action_item", subjectType: "meeting", subjectId: weekly },
    ]);

    // Sue may tick it off, not rename it; Eve (an attendee) may do neither.
    const item = `/action-items/${added.body.id}`;
    expect((await server.request("PATCH", item, { as: as.sue, body: { title: "Mine now" } })).status).toBe(
      403,
    );
    expect((await server.request("PATCH", item, { as: as.eve, body: { done: true } })).status).toBe(403);
    const done = await server.request("PATCH", item, { as: as.sue, body: { done: true } });
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    // A KR hidden from the viewer is not named: Sue's private one, to Eve.
    const hiddenKr = await server.request("POST", path, {
      as: as.sam,
      body: { title: "Review the side plan", ownerUserId: users.sam, keyResultId: secret.keyResultId },
    });
    expect(hiddenKr.status).toBe(201);
    const eves = await server.request("GET", path, { as: as.eve });
    expect(eves.body.items.map((i: { keyResult: unknown }) => i.keyResult === null)).toEqual([false, true]);
    expect(JSON.stringify(eves.body)).not.toContain("Secret");
    expect((await server.request("GET", path, { as: as.pat })).status).toBe(404);
    const bad = await server.request("POST", path, {
      as: { ...as.sam, locale: "zh-CN" },
      body: { title: "x", ownerUserId: users.sue, dueDate: "2027-02-30" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("request.invalid");
  });
});
