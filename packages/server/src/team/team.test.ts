import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

type Person = {
  userId: string;
  direct: boolean;
  lastCheckInAt: string | null;
  missingCheckIns: number;
  pendingApprovals: number;
  pendingAdjustments: number;
  scoring: { keyResults: number; selfScored: number; managerScored: number };
  objectives: Array<{
    id: string;
    title: string;
    health: string | null;
    awaitingMyScore: boolean;
    keyResults: Array<{
      id: string;
      latestNote: string | null;
      confidenceTrend: number[];
      missingCheckIn: boolean;
    }>;
  }>;
};

/*
 * Issue 13, item 12: my team (我的团队). Sue reports to Sam (who leads Sales), Sam and Eve to the owner, Pat
 * to Eve. Now is Thursday 2027-04-15, 10:00 in Shanghai; the check-in week began Friday 2027-04-09 16:00.
 */
describe.each(testDialects())("my team on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let renewals = "";
  let hidden = "";
  let waiting = "";
  let salesObjective = "";

  const team = async (as: keyof typeof company.as | "owner", query = "") => {
    const reply = await server.request("GET", `/me/team?cycleId=${company.cycles.quarter}${query}`, {
      as: as === "owner" ? company.owner : company.as[as],
    });
    expect(reply.status).toBe(200);
    return reply.body as { weekStart: string; people: Person[] };
  };
  const create = async (as: keyof typeof company.as, body: Record<string, unknown>) => {
    const reply = await server.request("POST", "/objectives", {
      as: company.as[as],
      body: { cycleId: company.cycles.quarter, ...body },
    });
    expect(reply.status).toBe(201);
    return reply.body as { id: string; keyResults: Array<{ id: string }> };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    server.clock.set("2027-04-01T02:00:00.000Z");
    const sales = await create("sam", {
      level: "department",
      ownerDepartmentId: company.departments.sales,
      title: "Sales lands the quarter",
      keyResults: [{ title: "Bookings from 0 to 100", type: "number", startValue: 0, targetValue: 100 }],
    });
    salesObjective = sales.id;
    // Engineering's own objective, seen in Engineering only, where Sue owns a KR.
    const engineering = await create("eve", {
      level: "department",
      ownerDepartmentId: company.departments.engineering,
      visibility: "department",
      title: "Ship the renewal API",
      keyResults: [
        {
          title: "Renewal API adopted by 0 to 5 accounts",
          type: "number",
          startValue: 0,
          targetValue: 5,
          ownerUserId: company.users.sue,
        },
      ],
    });
    hidden = engineering.id;
    await publish(server, company.as.sam, sales.id);
    await publish(server, company.as.eve, engineering.id);
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
    const mine = await create("sue", {
      level: "personal",
      visibility: "private",
      title: "My accounts renew early",
      keyResults: [
        { title: "Early renewals from 2 to 8", type: "number", startValue: 2, targetValue: 8 },
        { title: "Health checks from 0 to 10", type: "number", startValue: 0, targetValue: 10 },
      ],
    });
    renewals = mine.id;
    await server.request("POST", `/objectives/${renewals}/submit`, { as: company.as.sue });
    expect(
      (await server.request("POST", `/objectives/${renewals}/approve`, { as: company.as.sam })).status,
    ).toBe(200);
    waiting = (
      await create("sue", {
        level: "personal",
        title: "Learn the new pricing",
        keyResults: [
          { title: "Pricing quiz from 0 to 100", type: "number", startValue: 0, targetValue: 100 },
        ],
      })
    ).id;
    expect(
      (await server.request("POST", `/objectives/${waiting}/submit`, { as: company.as.sue })).status,
    ).toBe(200);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    const [first] = mine.keyResults;
    server.clock.set("2027-04-12T02:00:00.000Z");
    const noted = await server.request("POST", `/key-results/${first?.id}/check-ins`, {
      as: company.as.sue,
      body: { value: 4, confidence: 7, note: "Signed two pilots" },
    });
    expect(noted.status).toBe(201);
    server.clock.set("2027-04-14T02:00:00.000Z");
    await server.request("POST", `/key-results/${first?.id}/check-ins`, {
      as: company.as.sue,
      body: { value: 5, confidence: 5 },
    });
    const adjustment = await server.request("PATCH", `/objectives/${renewals}`, {
      as: company.as.sue,
      body: { title: "My accounts renew a month early", reason: "Sharper" },
    });
    expect(adjustment.status).toBe(202);
    server.clock.set("2027-04-15T02:00:00.000Z");
  });
  afterAll(async () => server.close());

  it("shows a manager each direct report's objectives, latest notes, missing check-ins and what waits for them", async () => {
    const { weekStart, people } = await team("sam");
    expect(weekStart).toBe("2027-04-09T08:00:00.000Z");
    expect(people.map((p) => p.userId)).toEqual([company.users.sue]);
    const [sue] = people;
    expect(sue).toMatchObject({
      direct: true,
      lastCheckInAt: "2027-04-14T02:00:00.000Z",
      // The second KR of her renewals has no check-in this week; Engineering's KR is hidden from Sam.
      missingCheckIns: 1,
      pendingApprovals: 1,
      pendingAdjustments: 1,
      scoring: { keyResults: 2, selfScored: 0, managerScored: 0 },
    });
    expect(sue?.objectives.map((o) => o.id).sort()).toEqual([renewals, waiting].sort());
    const renewing = sue?.objectives.find((o) => o.id === renewals);
    expect(renewing?.health).not.toBeNull();
    expect(renewing?.keyResults.map((kr) => [kr.latestNote, kr.confidenceTrend, kr.missingCheckIn])).toEqual([
      ["Signed two pilots", [7, 5], false],
      [null, [], true],
    ]);
    expect(JSON.stringify(people)).not.toContain(hidden);
  });

  it("shows leaders with what they lead, and the people below with indirect=true", async () => {
    const direct = await team("owner");
    expect(direct.people.map((p) => p.userId).sort()).toEqual(
      [company.users.sam, company.users.eve, company.users.ada].sort(),
    );
    const sam = direct.people.find((p) => p.userId === company.users.sam);
    expect(sam?.objectives.map((o) => o.id)).toEqual([salesObjective]);
    const all = await team("owner", "&indirect=true");
    expect(all.people).toHaveLength(5);
    const sue = all.people.find((p) => p.userId === company.users.sue);
    expect(sue?.direct).toBe(false);
    // The owner (an admin) sees Engineering's objective, where Sue owns a KR she has not checked in on.
    expect(sue?.objectives.map((o) => o.id)).toContain(hidden);
    expect(sue?.missingCheckIns).toBe(2);
    // Sue's objectives wait for Sam, her manager, not for the owner.
    expect(sue?.pendingApprovals).toBe(0);
    expect(direct.people[0]?.direct).toBe(true);
  });

  it("is empty for someone nobody reports to, and says so in the abilities of /me", async () => {
    expect((await team("pat")).people).toEqual([]);
    const pat = await server.request("GET", "/me", { as: company.as.pat });
    expect(pat.body.abilities.viewTeam).toBe(false);
    const sam = await server.request("GET", "/me", { as: company.as.sam });
    expect(sam.body.abilities.viewTeam).toBe(true);
  });

  it("says which objectives wait for the manager's score once their KRs are self-scored", async () => {
    const renewalsOf = async () =>
      (await team("sam")).people[0]?.objectives.find(
        (o) => o.id === renewals,
      ) as Person["objectives"][number];
    // The pending title adjustment would hold the scoring form: Sam decides it first.
    const pending = await server.request("GET", `/objectives/${renewals}/adjustments`, {
      as: company.as.sam,
    });
    await server.request("POST", `/adjustments/${pending.body[0].id}/approve`, { as: company.as.sam });
    await advanceCycle(server, company.owner, company.cycles.quarter, "scoring");
    expect((await renewalsOf()).awaitingMyScore).toBe(false);
    const [first] = (await renewalsOf()).keyResults;
    const self = await server.request("POST", `/objectives/${renewals}/score`, {
      as: company.as.sue,
      body: { keyResults: [{ id: first?.id, selfScore: 0.5 }] },
    });
    expect(self.status).toBe(200);
    expect((await renewalsOf()).awaitingMyScore).toBe(true);
    // Not the owner's to give: Sue's objectives wait for Sam, not for the owner above him.
    const owner = await team("owner", "&indirect=true");
    const sue = owner.people.find((p) => p.userId === company.users.sue);
    expect(sue?.objectives.find((o) => o.id === renewals)?.awaitingMyScore).toBe(false);
    const scored = await server.request("POST", `/objectives/${renewals}/score`, {
      as: company.as.sam,
      body: { keyResults: [{ id: first?.id, managerScore: 0.6 }] },
    });
    expect(scored.status).toBe(200);
    expect((await renewalsOf()).awaitingMyScore).toBe(false);
    expect((await team("sam")).people[0]?.scoring).toMatchObject({ selfScored: 1, managerScored: 1 });
  });

  it("refuses an unknown cycle, in the caller's language", async () => {
    const reply = await server.request("GET", "/me/team?cycleId=nope", {
      as: { ...company.as.sam, locale: "zh-CN" },
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe("cycle.not_found");
    expect(reply.body.error.message).toMatch(/周期/);
    const bad = await server.request("GET", "/me/team", { as: company.as.sam });
    expect(bad.status).toBe(400);
  });

  it("lets a manager remind a report to check in, once in 12 hours, and nobody outside their chain", async () => {
    const body = { userId: company.users.sue, cycleId: company.cycles.quarter };
    const first = await server.request("POST", "/me/team/nudges", { as: company.as.sam, body });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ nudged: true });
    const inbox = await server.request("GET", "/notifications", { as: company.as.sue });
    expect(inbox.body.items[0]).toMatchObject({
      kind: "check_in_reminder",
      actor: { id: company.users.sam },
      subject: { type: "cycle", id: company.cycles.quarter },
      link: "/check-in",
    });
    const again = await server.request("POST", "/me/team/nudges", { as: company.as.sam, body });
    expect(again.body).toEqual({ nudged: false });
    // The owner is above Sue too (through Sam); Eve and Sue herself are not.
    expect((await server.request("POST", "/me/team/nudges", { as: company.owner, body })).body).toEqual({
      nudged: true,
    });
    for (const as of [company.as.eve, company.as.sue]) {
      const refused = await server.request("POST", "/me/team/nudges", {
        as: { ...as, locale: "zh-CN" },
        body,
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe("team.not_report");
      expect(refused.body.error.message).toContain("下属");
    }
    server.clock.advance(12 * 3_600_000);
    expect((await server.request("POST", "/me/team/nudges", { as: company.as.sam, body })).body).toEqual({
      nudged: true,
    });
    server.clock.advance(-12 * 3_600_000);
  });
});
