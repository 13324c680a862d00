import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * What the agenda draws from beyond KR health (issue 9): the latest check-in note and confidence trend of
 * the KRs at risk, adjustments waiting for decision, a planning meeting's unaligned drafts and the coach's
 * errors; attendees changed later; action items on the owner's home; meetings as iCalendar and a personal
 * calendar feed behind a secret link.
 *
 * Sue's renewals KR is checked in four times (confidence 8, 6, 4, 2) in the quarter; her churn KR asks for
 * an adjustment. In the annual cycle (still planning) Sue keeps a draft with no KRs that aligns to
 * nothing, Sam a department draft aligned to the company's.
 */

type Item = {
  objective: { id: string; title: string } | null;
  keyResult: { id: string; title: string } | null;
  person: { id: string; name: string } | null;
  note: string | null;
  confidenceTrend: number[];
  adjustment: { id: string; reason: string } | null;
  proposal: { id: string; title: string } | null;
  coachErrors: Array<{ code: string; target: string; message: string }>;
};
type Agenda = { frozen: boolean; sections: Array<{ kind: string; items: Item[] }> };

describe.each(testDialects())("meetings on live data, on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let renewals = { objectiveId: "", keyResultId: "" };
  let churn = { objectiveId: "", keyResultId: "" };
  let unaligned = "";
  let aligned = "";
  let weekly = "";

  const create = async (as: Credentials, body: Record<string, unknown>) => {
    const reply = await server.request("POST", "/objectives", {
      as,
      body: { cycleId: company.cycles.quarter, ...body },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return {
      objectiveId: reply.body.id as string,
      keyResultId: (reply.body.keyResults[0]?.id ?? "") as string,
    };
  };
  const agenda = async (as: Credentials, id: string) => {
    const reply = await server.request("GET", `/meetings/${id}/agenda`, { as });
    expect(reply.status).toBe(200);
    return reply.body as Agenda;
  };
  const section = (a: Agenda, kind: string) => a.sections.find((s) => s.kind === kind)?.items ?? [];

  beforeAll(async () => {
    server = await startTestServer(dialect, undefined, { config: { publicUrl: "https://okr.example" } });
    company = await buildCompany(server);
    const { as, departments, cycles } = company;
    server.clock.set("2027-04-01T02:00:00.000Z");
    renewals = await create(as.sue, {
      level: "personal",
      title: "Accounts renew",
      keyResults: [{ title: "Renewals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
    });
    churn = await create(as.sue, {
      level: "personal",
      title: "Fewer accounts leave",
      keyResults: [
        { title: "Churned accounts from 10 to 2", type: "number", startValue: 10, targetValue: 2 },
      ],
    });
    await publish(server, as.sue, renewals.objectiveId, churn.objectiveId);
    await advanceCycle(server, company.owner, cycles.quarter, "in_progress");
    for (const [day, confidence, note] of [
      ["2027-04-05", 8, "Good start"],
      ["2027-04-08", 6, "Two accounts stalled"],
      ["2027-04-10", 4, ""],
      ["2027-04-12", 2, "The largest account is leaving"],
    ] as const) {
      server.clock.set(`${day}T02:00:00.000Z`);
      const reply = await server.request("POST", `/key-results/${renewals.keyResultId}/check-ins`, {
        as: as.sue,
        body: { value: 1, confidence, ...(note ? { note } : {}) },
      });
      expect(reply.status).toBe(201);
    }
    // Where approval is required, an adjustment past aligning waits for the manager.
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
    const asked = await server.request("PATCH", `/key-results/${churn.keyResultId}`, {
      as: as.sue,
      body: { targetValue: 4, reason: "A competitor halved its price" },
    });
    expect(asked.status).toBe(202);

    // The annual cycle is still planning: drafts.
    const inYear = (as: Credentials, body: Record<string, unknown>) =>
      create(as, { cycleId: cycles.year, ...body });
    const top = await inYear(company.owner, {
      level: "company",
      title: "Grow recurring revenue by 30%",
      keyResults: [{ title: "ARR from 10 to 13", type: "number", startValue: 10, targetValue: 13 }],
    });
    unaligned = (await inYear(as.sue, { level: "personal", title: "Become a better seller", keyResults: [] }))
      .objectiveId;
    aligned = (
      await inYear(as.sam, {
        level: "department",
        ownerDepartmentId: departments.sales,
        title: "Sales grows with the company",
        keyResults: [{ title: "Bookings from 0 to 100", type: "number", startValue: 0, targetValue: 100 }],
      })
    ).objectiveId;
    const link = await server.request("PUT", `/objectives/${aligned}/alignment`, {
      as: as.sam,
      body: { parentObjectiveId: top.objectiveId },
    });
    expect(link.status).toBe(200);
    server.clock.set("2027-04-15T02:00:00.000Z");
  });
  afterAll(async () => server.close());

  it("gives each KR at risk its latest check-in note and confidence trend, and lists adjustments waiting for decision", async () => {
    const { as, departments, users } = company;
    const created = await server.request("POST", "/meetings", {
      as: as.sam,
      body: {
        kind: "weekly",
        title: "Sales weekly",
        cycleId: company.cycles.quarter,
        departmentId: departments.sales,
        scheduledAt: "2027-04-16T01:00:00Z",
      },
    });
    expect(created.status).toBe(201);
    weekly = created.body.id;
    const live = await agenda(as.sam, weekly);
    const [first] = section(live, "off_track");
    expect(first).toMatchObject({
      keyResult: { id: renewals.keyResultId },
      note: "The largest account is leaving",
      confidenceTrend: [8, 6, 4, 2],
      adjustment: null,
      coachErrors: [],
    });
    const adjustments = section(live, "pending_approvals").filter((i) => i.adjustment !== null);
    expect(adjustments).toEqual([
      expect.objectContaining({
        objective: { id: churn.objectiveId, title: "Fewer accounts leave" },
        keyResult: expect.objectContaining({ id: churn.keyResultId }),
        person: { id: users.sue, name: "Sue Seller" },
        adjustment: { id: expect.any(String), reason: "A competitor halved its price" },
      }),
    ]);
    // Not a planning meeting: no drafts, no coach.
    expect(live.sections.map((s) => s.kind)).not.toContain("unaligned_drafts");

    // Decided, it leaves the agenda.
    const decided = await server.request("POST", `/adjustments/${adjustments[0]?.adjustment?.id}/approve`, {
      as: as.sam,
    });
    expect(decided.status).toBe(200);
    expect(section(await agenda(as.sam, weekly), "pending_approvals").filter((i) => i.adjustment)).toEqual(
      [],
    );
  });

  it("lists a planning meeting's unaligned drafts and the coach's errors on its drafts", async () => {
    const { owner } = company;
    const created = await server.request("POST", "/meetings", {
      as: owner,
      body: {
        kind: "planning",
        title: "2027 规划会",
        cycleId: company.cycles.year,
        scheduledAt: "2027-04-20T01:00:00Z",
      },
    });
    expect(created.status).toBe(201);
    const planning = await agenda(owner, created.body.id);
    expect(section(planning, "unaligned_drafts").map((i) => i.objective?.id)).toEqual([unaligned]);
    const errors = section(planning, "coach_errors");
    expect(errors.map((i) => i.objective?.id)).toEqual([unaligned]);
    expect(errors[0]?.coachErrors).toEqual([
      { code: "set.no_krs", target: "set", message: expect.stringContaining("no key results") },
    ]);
    // In the caller's language.
    const zh = await agenda({ ...owner, locale: "zh-CN" }, created.body.id);
    expect(section(zh, "coach_errors")[0]?.coachErrors[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("lists the open proposals (赛马) serving the scope's objectives in the meeting's cycle", async () => {
    const { as, users, departments, cycles } = company;
    const proposal = (id: string, title: string, status: "open" | "withdrawn", cycleId = cycles.quarter) => ({
      orgId: company.orgId,
      id,
      cycleId,
      title,
      pitch: "",
      status,
      proposerId: users.sue,
      parentObjectiveId: churn.objectiveId,
      parentKeyResultId: churn.keyResultId,
      keyResults: "[]",
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      objectiveId: null,
      spinOffDepartmentId: null,
      spunOffAt: null,
      spunOffBy: null,
      createdAt: "2027-04-14T02:00:00.000Z",
      updatedAt: "2027-04-14T02:00:00.000Z",
    });
    // Written straight to the table: what the agenda reads is the table, whatever writes it.
    await server.db.db
      .insertInto("proposal")
      .values([
        proposal("p-open", "Win back churned accounts with a loyalty offer", "open"),
        proposal("p-withdrawn", "Discount everything", "withdrawn"),
        proposal("p-other-cycle", "Next year's idea", "open", cycles.year),
      ])
      .execute();
    // Written around the server, so no write told its caches: a live agenda lasts until the minute turns.
    server.clock.set("2027-04-15T02:01:00.000Z");
    const items = section(await agenda(as.sam, weekly), "proposals");
    expect(items).toEqual([
      expect.objectContaining({
        proposal: { id: "p-open", title: "Win back churned accounts with a loyalty offer" },
        objective: { id: churn.objectiveId, title: "Fewer accounts leave" },
        keyResult: expect.objectContaining({ id: churn.keyResultId }),
        person: { id: users.sue, name: "Sue Seller" },
      }),
    ]);
    // Outside the scope: Engineering's meeting does not list Sales' proposals.
    const engineering = await server.request("POST", "/meetings", {
      as: as.eve,
      body: {
        kind: "weekly",
        title: "Engineering weekly",
        cycleId: cycles.quarter,
        departmentId: departments.engineering,
        scheduledAt: "2027-04-16T01:00:00Z",
      },
    });
    expect(engineering.status).toBe(201);
    expect(section(await agenda(as.eve, engineering.body.id), "proposals")).toEqual([]);
  });

  it("keeps a live agenda until a write, yet shows new questions and votes at once", async () => {
    const { as, owner, cycles } = company;
    const qa = await server.request("POST", "/meetings", {
      as: owner,
      body: {
        kind: "ceo_qa",
        title: "CEO 面对面",
        cycleId: cycles.quarter,
        scheduledAt: "2027-04-30T08:00:00Z",
      },
    });
    expect(qa.status).toBe(201);
    expect(section(await agenda(owner, qa.body.id), "questions")).toEqual([]);
    // Questions and votes refresh no cached read: the agenda reads them fresh.
    const asked = await server.request("POST", "/questions", {
      as: as.pat,
      body: { body: "Will we open an office in Shenzhen?", anonymous: true },
    });
    expect(asked.status).toBe(201);
    await server.request("PUT", `/questions/${asked.body.id}/vote`, { as: as.eve });
    const questions = section(await agenda(owner, qa.body.id), "questions") as unknown as Array<{
      question: { body: string; voteCount: number };
    }>;
    expect(questions.map((q) => q.question)).toEqual([
      expect.objectContaining({ body: "Will we open an office in Shenzhen?", voteCount: 1 }),
    ]);
    // A check-in is a write: the next read computes the agenda again.
    const before = section(await agenda(as.sam, weekly), "off_track");
    expect(before.map((i) => i.keyResult?.id)).toContain(renewals.keyResultId);
    const moved = await server.request("POST", `/key-results/${renewals.keyResultId}/check-ins`, {
      as: as.sue,
      body: { value: 9, confidence: 9 },
    });
    expect(moved.status).toBe(201);
    const after = section(await agenda(as.sam, weekly), "off_track");
    expect(after.map((i) => i.keyResult?.id)).not.toContain(renewals.keyResultId);
  });

  it("changes a meeting's attendees: active members only, audited", async () => {
    const { as, users } = company;
    const path = `/meetings/${weekly}`;
    const changed = await server.request("PATCH", path, {
      as: as.sam,
      body: { attendeeIds: [users.sue, users.eve, users.sue] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.attendees.map((a: { id: string }) => a.id).sort()).toEqual(
      [users.eve, users.sue].sort(),
    );
    const bad = await server.request("PATCH", path, {
      as: { ...as.sam, locale: "zh-CN" },
      body: { attendeeIds: [users.sue, "nobody"] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ path: "attendeeIds.1", message: expect.any(String) }]);
    expect(bad.body.error.message).toBe("请选择本组织的在职成员。");
    expect((await server.request("PATCH", path, { as: as.sue, body: { attendeeIds: [] } })).status).toBe(403);
    expect((await server.request("GET", path, { as: as.sam })).body.attendees).toHaveLength(2);
    const audit = await server.db.db
      .selectFrom("auditLog")
      .select(["action", "after"])
      .where("entityId", "=", weekly)
      .where("action", "=", "meeting.update")
      .execute();
    expect(audit.map((a) => JSON.parse(a.after ?? "{}").attendeeIds?.length)).toEqual([2]);
  });

  it("lists a person's open action items on their home, soonest due first", async () => {
    const { as, users } = company;
    const add = (title: string, dueDate?: string) =>
      server.request("POST", `/meetings/${weekly}/action-items`, {
        as: as.sam,
        body: { title, ownerUserId: users.sue, ...(dueDate ? { dueDate } : {}) },
      });
    expect((await add("Whenever")).status).toBe(201);
    expect((await add("Call the largest account", "2027-04-20")).status).toBe(201);
    const done = await add("Already done", "2027-04-18");
    await server.request("PATCH", `/action-items/${done.body.id}`, { as: as.sue, body: { done: true } });
    const mine = await server.request("GET", "/me/action-items", { as: as.sue });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { title: string }) => i.title)).toEqual([
      "Call the largest account",
      "Whenever",
    ]);
    expect(mine.body.items[0]).toMatchObject({
      meeting: { id: weekly, title: "Sales weekly" },
      abilities: { complete: true, update: false },
    });
    expect((await server.request("GET", "/me/action-items", { as: as.sam })).body.items).toEqual([]);
  });

  it("serves a meeting as iCalendar to those who may see it", async () => {
    const { as } = company;
    const reply = await server.request("GET", `/meetings/${weekly}/calendar.ics`, { as: as.sue });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = reply.body as string;
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain(`UID:meeting-${weekly}@luodi\r\n`);
    expect(text).toContain("DTSTART:20270416T010000Z\r\nDTEND:20270416T020000Z\r\n");
    expect(text).toContain(`URL:https://okr.example/meetings/${weekly}\r\n`);
    expect((await server.request("GET", `/meetings/${weekly}/calendar.ics`, { as: as.pat })).status).toBe(
      404,
    );
  });

  it("serves a personal feed behind a secret link that can be rotated and turned off", async () => {
    const { as } = company;
    expect((await server.request("GET", "/me/calendar-feed", { as: as.sue })).body).toEqual({
      active: false,
      createdAt: null,
    });
    const made = await server.request("POST", "/me/calendar-feed", { as: as.sue });
    expect(made.status).toBe(201);
    const { token, path } = made.body as { token: string; path: string };
    expect(path).toBe(`/api/v1/me/calendar.ics?token=${token}`);
    // Only the hash is stored.
    const stored = await server.db.db.selectFrom("calendarFeed").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    // No session: the link is the credential.
    const feed = await server.request("GET", path);
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = feed.body as string;
    expect(text).toContain(`UID:meeting-${weekly}@luodi`);
    expect(text).toContain("SUMMARY:Due: Call the largest account\r\n");
    expect(text).toContain("DTSTART;VALUE=DATE:20270420\r\n");
    expect(text).not.toContain("Already done");
    expect(text).not.toContain("Whenever");

    const rotated = await server.request("POST", "/me/calendar-feed", { as: as.sue });
    expect((await server.request("GET", path)).status).toBe(404);
    const old = await server.request("GET", path, { headers: { "accept-language": "zh-CN" } });
    expect(old.body.error).toMatchObject({ code: "calendar.feed_not_found" });
    expect(old.body.error.message).toContain("日历链接已失效");
    expect((await server.request("GET", rotated.body.path)).status).toBe(200);
    expect((await server.request("GET", "/me/calendar.ics?token=")).status).toBe(404);
    expect((await server.request("GET", "/me/calendar.ics")).status).toBe(400);
    expect((await server.request("GET", "/me/calendar.ics?token=a%00b")).status).toBe(400);

    expect((await server.request("DELETE", "/me/calendar-feed", { as: as.sue })).status).toBe(204);
    expect((await server.request("GET", rotated.body.path)).status).toBe(404);
    expect((await server.request("GET", "/me/calendar-feed", { as: as.sue })).body.active).toBe(false);
  });

  it("lists the cycles' phase deadlines in the feed, in the person's language", async () => {
    const { as, owner, cycles } = company;
    const due = await server.request("PATCH", `/cycles/${cycles.quarter}`, {
      as: owner,
      body: { phaseDue: { scoring: "2027-07-05" } },
    });
    expect(due.status).toBe(200);
    await server.request("PATCH", "/me", { as: as.sue, body: { locale: "zh-CN" } });
    const made = await server.request("POST", "/me/calendar-feed", { as: as.sue });
    const text = (await server.request("GET", made.body.path)).body as string;
    expect(text).toContain("SUMMARY:2027 Q2：「评分」阶段截止\r\n");
    expect(text).toContain("DTSTART;VALUE=DATE:20270705\r\n");
  });
});
