import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import { buildApp, contextOf } from "../app.ts";
import { checkInReminder } from "./check-in-reminder.ts";
import { Scheduler } from "./scheduler.ts";

/*
 * Issue 8, scheduler: with the check-in hour set to now, the weekly reminder reaches exactly the people
 * who have not checked in, once — also with two server instances on one database, and after a restart —
 * on the organization's clock. The test clock reads Thursday 2027-04-15 02:00Z, 10:00 in Shanghai.
 */
describe.each(testDialects())("weekly check-in reminder on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  const krs: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const own = async (who: "sam" | "sue" | "pat", as: Credentials) => {
      const created = await server.request("POST", "/objectives", {
        as,
        body: {
          cycleId: company.cycles.quarter,
          level: "personal",
          title: `${who} grows the business`,
          keyResults: [
            { title: `${who}'s signed deals from 0 to 10`, type: "number", startValue: 0, targetValue: 10 },
          ],
        },
      });
      expect(created.status).toBe(201);
      await publish(server, as, created.body.id);
      krs[who] = created.body.keyResults[0].id;
    };
    await own("sam", company.as.sam);
    await own("sue", company.as.sue);
    await own("pat", company.as.pat);
    // A draft takes no check-ins: its owner is not reminded of it.
    await server.request("POST", "/objectives", {
      as: company.as.eve,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Eve's draft",
        keyResults: [{ title: "Draft KR from 0 to 1", type: "number", startValue: 0, targetValue: 1 }],
      },
    });
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    // Sue checked in during the week that ends now; Sam and Pat did not.
    server.clock.advance(-2 * 86_400_000);
    const checked = await server.request("POST", `/key-results/${krs.sue}/check-ins`, {
      as: company.as.sue,
      body: { value: 3, confidence: 7 },
    });
    expect(checked.status).toBe(201);
    server.clock.advance(2 * 86_400_000);
  });
  afterAll(async () => server.close());

  const reminded = async (as: Credentials) =>
    (await server.request("GET", "/notifications", { as })).body.items.filter(
      (n: { kind: string }) => n.kind === "check_in_reminder",
    );

  it("does nothing before the organization's check-in hour", async () => {
    // Thursday 11:00 in Shanghai is an hour away.
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { checkInWeekday: 4, checkInHour: 11 } },
    });
    await contextOf(server.app).scheduler.tick();
    expect(await reminded(company.as.sam)).toHaveLength(0);
  });

  it("reminds exactly those who have not checked in, once, even with two instances ticking together", async () => {
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { checkInWeekday: 4, checkInHour: 10 } },
    });
    const second = await buildApp(
      { ...contextOf(server.app).config, schedulerIntervalMs: 0 },
      { database: server.db },
    );
    try {
      await Promise.all([
        contextOf(server.app).scheduler.tick(),
        contextOf(second).scheduler.tick(),
        contextOf(second).scheduler.tick(),
      ]);
      await contextOf(server.app).scheduler.tick();
    } finally {
      await second.close();
    }
    const sam = await reminded(company.as.sam);
    expect(sam).toHaveLength(1);
    expect(sam[0]).toMatchObject({
      actor: null,
      link: "/check-in",
      subject: { type: "key_result", id: krs.sam },
    });
    expect(await reminded(company.as.pat)).toHaveLength(1);
    expect(await reminded(company.as.sue)).toHaveLength(0);
    expect(await reminded(company.as.eve)).toHaveLength(0);
  });

  it("loses no reminder when a run dies halfway: its claim goes with it, and the next tick sends it", async () => {
    // Thursday 11:00 this week: a second reminder series, an hour later, on a scheduler that dies mid-run.
    server.clock.advance(3_600_000);
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { checkInWeekday: 4, checkInHour: 11 } },
    });
    const ctx = contextOf(server.app);
    const dying = new Scheduler(ctx, [
      {
        ...checkInReminder,
        run: async (...args) => {
          await checkInReminder.run(...args);
          throw new Error("killed mid-run");
        },
      },
    ]);
    const errors: unknown[] = [];
    dying.onError = (error) => errors.push(error);
    await dying.tick();
    expect(errors).toHaveLength(1);
    expect(await reminded(company.as.sam)).toHaveLength(1);
    await ctx.scheduler.tick();
    expect(await reminded(company.as.sam)).toHaveLength(2);
    await ctx.scheduler.tick();
    expect(await reminded(company.as.sam)).toHaveLength(2);
    server.clock.advance(-3_600_000);
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { checkInWeekday: 4, checkInHour: 10 } },
    });
  });

  it("catches up a reminder missed while the server was down, once, and not a stale one", async () => {
    // A week later the server was down at 10:00; it starts at 15:00 the same day.
    server.clock.advance(7 * 86_400_000 + 5 * 3_600_000);
    const restarted = await buildApp(
      { ...contextOf(server.app).config, schedulerIntervalMs: 0 },
      { database: server.db },
    );
    try {
      await contextOf(restarted).scheduler.tick();
      await contextOf(restarted).scheduler.tick();
    } finally {
      await restarted.close();
    }
    // Sue's check-in is now more than a week old: she is reminded this time.
    expect(await reminded(company.as.sam)).toHaveLength(3);
    expect(await reminded(company.as.sue)).toHaveLength(1);
    // Two days late is too late to be useful: the week after, a server started on Saturday sends nothing.
    server.clock.advance(9 * 86_400_000);
    await contextOf(server.app).scheduler.tick();
    expect(await reminded(company.as.sam)).toHaveLength(3);
  });
});

describe.each(testDialects())("phase deadline reminder on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Sue's quarter",
        keyResults: [{ title: "Deals from 0 to 10", type: "number", startValue: 0, targetValue: 10 }],
      },
    });
    await publish(server, company.as.sue, created.body.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
  });
  afterAll(async () => server.close());

  it("tells the owners the day before the current phase is due, at the check-in hour, once", async () => {
    // In progress until 2027-04-17: the reminder is due on the 16th at 16:00 in Shanghai (08:00Z).
    const cycle = await server.request("GET", `/cycles/${company.cycles.quarter}`, { as: company.owner });
    const patched = await server.request("PATCH", `/cycles/${company.cycles.quarter}`, {
      as: company.owner,
      body: { phaseDue: { in_progress: "2027-04-17" }, version: cycle.body.version },
    });
    expect(patched.status).toBe(200);
    const deadlines = async () =>
      (await server.request("GET", "/notifications", { as: company.as.sue })).body.items.filter(
        (n: { kind: string }) => n.kind === "phase_deadline",
      );
    server.clock.set("2027-04-16T07:59:00.000Z");
    await contextOf(server.app).scheduler.tick();
    expect(await deadlines()).toHaveLength(0);
    server.clock.set("2027-04-16T08:00:00.000Z");
    await contextOf(server.app).scheduler.tick();
    await contextOf(server.app).scheduler.tick();
    const [notice] = await deadlines();
    expect(notice).toMatchObject({
      subject: { type: "cycle", id: company.cycles.quarter, title: "2027 Q2" },
    });
    expect(await deadlines()).toHaveLength(1);
    // Someone with nothing in the cycle hears nothing.
    const pat = await server.request("GET", "/notifications", { as: company.as.pat });
    expect(pat.body.items.some((n: { kind: string }) => n.kind === "phase_deadline")).toBe(false);
  });
});

describe.each(testDialects())("Monday digest on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const own = async (as: Credentials, title: string, confidence: number | null) => {
      const created = await server.request("POST", "/objectives", {
        as,
        body: {
          cycleId: company.cycles.quarter,
          level: "personal",
          title,
          keyResults: [
            { title: `${title}: deals from 0 to 10`, type: "number", startValue: 0, targetValue: 10 },
          ],
        },
      });
      await publish(server, as, created.body.id);
      return { kr: created.body.keyResults[0].id as string, confidence };
    };
    const sue = await own(company.as.sue, "Sue's quarter", 2);
    await own(company.as.pat, "Pat's quarter", null);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    // Sue checks in on Friday with a low confidence: updated, and off track.
    server.clock.set("2027-04-16T08:00:00.000Z");
    const checked = await server.request("POST", `/key-results/${sue.kr}/check-ins`, {
      as: company.as.sue,
      body: { value: 1, confidence: sue.confidence },
    });
    expect(checked.status).toBe(201);
  });
  afterAll(async () => server.close());

  it("sends each manager their direct reports' week on Monday at 09:00, once", async () => {
    // Monday 2027-04-19 09:00 in Shanghai is 01:00Z.
    server.clock.set("2027-04-19T00:59:00.000Z");
    await contextOf(server.app).scheduler.tick();
    const digestOf = async (as: Credentials) =>
      (await server.request("GET", "/notifications", { as })).body.items.filter(
        (n: { kind: string }) => n.kind === "digest",
      );
    expect(await digestOf(company.as.sam)).toHaveLength(0);
    server.clock.set("2027-04-19T01:00:00.000Z");
    await contextOf(server.app).scheduler.tick();
    await contextOf(server.app).scheduler.tick();
    const [sam] = await digestOf(company.as.sam);
    expect(sam).toMatchObject({
      subject: { type: "team", title: "week of 19 April" },
      link: "/team",
      actor: null,
    });
    expect(sam.excerpt).toBe(
      "Your team updated 1 of 1 key result this week; 0 at risk, 1 off track. Everyone checked in.",
    );
    const [eve] = await digestOf(company.as.eve);
    expect(eve.excerpt).toContain("No check-in this week: Pat Platform.");
    // A manager whose reports own nothing under way gets no digest; nor does someone without reports.
    expect(await digestOf(company.owner)).toHaveLength(0);
    expect(await digestOf(company.as.sue)).toHaveLength(0);
  });
});
