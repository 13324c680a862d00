import { testDialects } from "@luodi/db";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import * as ids from "../services/ids.ts";

type Company = Awaited<ReturnType<typeof buildCompany>>;
// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely, as in the harness
type Answer = any;

/** Five KRs of every kind a person writes: two numbers, a checklist, a done/not-done and an amount. */
const FIVE_KRS = [
  { title: "Early renewals from 2 to 8", type: "number", startValue: 2, targetValue: 8 },
  { title: "NPS from 30 to 45", type: "percentage", startValue: 30, targetValue: 45 },
  {
    title: "Renewal playbook used by the team",
    type: "milestone",
    milestones: [{ title: "Draft" }, { title: "Review" }, { title: "Publish" }],
  },
  { title: "Renewal reminders live", type: "boolean" },
  { title: "Upsell revenue from 0 to 50000", type: "currency", startValue: 0, targetValue: 50000 },
];

/** The body of PUT /objectives/:id that saves an objective exactly as an answer shows it. */
function saveBodyOf(objective: Answer) {
  return {
    title: objective.title,
    description: objective.description,
    weight: objective.weight,
    visibility: objective.visibility,
    keyResults: objective.keyResults.map((kr: Answer) => ({
      id: kr.id,
      title: kr.title,
      type: kr.type,
      unit: kr.unit,
      ...(kr.startValue === null ? {} : { startValue: kr.startValue }),
      ...(kr.targetValue === null ? {} : { targetValue: kr.targetValue }),
      ...(kr.direction ? { direction: kr.direction } : {}),
      ...(kr.aggregation ? { aggregation: kr.aggregation } : {}),
      weight: kr.weight,
      ownerUserId: kr.ownerUserId,
      ...(kr.milestones?.length
        ? { milestones: kr.milestones.map((m: Answer) => ({ id: m.id, title: m.title, weight: m.weight })) }
        : {}),
    })),
  };
}

/** Every stored row a save could touch: the objectives, all KRs (deleted ones too), milestones, audit, adjustments. */
async function snapshotOf(server: TestServer, orgId: string) {
  const db = server.db.db;
  const rows = async (table: "objective" | "keyResult" | "milestone" | "auditLog" | "adjustment") =>
    (await db.selectFrom(table).selectAll().where("orgId", "=", orgId).execute())
      .map((row) => JSON.stringify(row))
      .sort();
  return {
    objectives: await rows("objective"),
    keyResults: await rows("keyResult"),
    milestones: await rows("milestone"),
    audit: await rows("auditLog"),
    adjustments: await rows("adjustment"),
  };
}

/**
 * Sam's department objective with a KR that rolls up the progress of what aligns to it, and a personal
 * objective of Sue's with five KRs aligned to that KR: a save of Sue's must move the numbers above it.
 */
async function objectiveUnderRollup(server: TestServer, company: Company, title: string) {
  const department = await server.request("POST", "/objectives", {
    as: company.as.sam,
    body: {
      cycleId: company.cycles.quarter,
      level: "department",
      ownerDepartmentId: company.departments.sales,
      title: `${title}: the team's renewals land`,
      keyResults: [{ title: "Team renewals delivered", type: "rollup", aggregation: "progress" }],
    },
  });
  expect(department.status).toBe(201);
  const personal = await server.request("POST", "/objectives", {
    as: company.as.sue,
    body: { cycleId: company.cycles.quarter, level: "personal", title, keyResults: FIVE_KRS },
  });
  expect(personal.status).toBe(201);
  const aligned = await server.request("PUT", `/objectives/${personal.body.id}/alignment`, {
    as: company.as.sue,
    body: { parentKeyResultId: department.body.keyResults[0].id },
  });
  expect(aligned.status).toBe(200);
  return { personal: aligned.body as Answer, department: department.body as Answer };
}

async function put(server: TestServer, as: Credentials, objective: Answer, body: unknown, version?: number) {
  return server.request("PUT", `/objectives/${objective.id}`, {
    as,
    body,
    headers: { "if-match": String(version ?? objective.version) },
  });
}

async function get(server: TestServer, as: Credentials, id: string): Promise<Answer> {
  const reply = await server.request("GET", `/objectives/${id}`, { as });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Makes the n-th new id from now on equal to `id`: the n-th insert then collides with a stored row. */
function collideOnNthId(n: number, id: string) {
  const real = ids.newId;
  let calls = 0;
  return vi.spyOn(ids, "newId").mockImplementation(() => {
    calls += 1;
    return calls === n ? id : real();
  });
}

describe.each(testDialects())("saving a whole objective at once on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const settings = await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { maxObjectivesPerOwner: 20 } },
    });
    expect(settings.status).toBe(200);
    // Aligning: check-ins are taken, and an edit is not yet an adjustment.
    await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => server.close());

  it("creates, updates and deletes KRs in one PUT, keeps milestone ids, and rolls the progress up", async () => {
    const { personal, department } = await objectiveUnderRollup(
      server,
      company,
      "Make my accounts renew early",
    );
    const [renewals, nps, playbook, reminders, upsell] = personal.keyResults;
    const [draft, review] = playbook.milestones;
    await publish(server, company.as.sue, personal.id);
    expect(
      (
        await server.request("POST", `/key-results/${renewals.id}/check-ins`, {
          as: company.as.sue,
          body: { value: 5, confidence: 7 },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await server.request("POST", `/key-results/${playbook.id}/check-ins`, {
          as: company.as.sue,
          body: { milestonesDone: [draft.id], confidence: 6 },
        })
      ).status,
    ).toBe(201);
    const before = await get(server, company.as.sue, personal.id);

    const body = saveBodyOf(before);
    body.title = "Make my accounts renew before they are due";
    const [renewalsIn, , playbookIn, remindersIn, upsellIn] = body.keyResults;
    const saved = await put(server, company.as.sue, before, {
      ...body,
      keyResults: [
        { ...renewalsIn, targetValue: 11 },
        // NPS left out: deleted. The playbook keeps "Draft" (renamed), drops two, gains one.
        {
          ...playbookIn,
          milestones: [
            { id: draft.id, title: "Draft v2", weight: 1 },
            { title: "Train the team", weight: 2 },
          ],
        },
        remindersIn,
        upsellIn,
        { title: "Referral partners from 0 to 3", type: "number", startValue: 0, targetValue: 3 },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.title).toBe("Make my accounts renew before they are due");
    expect(saved.body.version).toBe(before.version + 1);
    const krs = saved.body.keyResults;
    expect(krs.map((kr: Answer) => kr.id).slice(0, 4)).toEqual([
      renewals.id,
      playbook.id,
      reminders.id,
      upsell.id,
    ]);
    expect(krs).toHaveLength(5);
    expect(krs[4]).toMatchObject({ title: "Referral partners from 0 to 3", targetValue: 3, progress: 0 });
    expect(krs[0]).toMatchObject({ targetValue: 11, currentValue: 5 });
    expect(krs[0].progress).toBeCloseTo(1 / 3, 6);
    // The check-in named "Draft": it keeps its id and its done state; removed ones are gone.
    expect(krs[1].milestones).toEqual([
      { id: draft.id, title: "Draft v2", weight: 1, done: true },
      { id: expect.any(String), title: "Train the team", weight: 2, done: false },
    ]);
    expect(krs[1].milestones[1].id).not.toBe(review.id);
    expect(krs[1].progress).toBeCloseTo(1 / 3, 6);
    // (1/3 + 1/3 + 0 + 0 + 0) / 5, and the department's rollup KR and objective follow in the same write.
    expect(saved.body.progress).toBeCloseTo(2 / 15, 6);
    const above = await get(server, company.as.sam, department.id);
    expect(above.keyResults[0].progress).toBeCloseTo(2 / 15, 6);
    expect(above.progress).toBeCloseTo(2 / 15, 6);
    expect(saved.body.coach).toBeInstanceOf(Array);

    expect((await server.request("GET", `/key-results/${nps.id}`, { as: company.as.sue })).status).toBe(404);
    const deleted = await server.db.db
      .selectFrom("keyResult")
      .select(["deletedAt"])
      .where("id", "=", nps.id)
      .executeTakeFirstOrThrow();
    expect(deleted.deletedAt).not.toBeNull();
    const checkIns = await server.request("GET", `/key-results/${playbook.id}/check-ins`, {
      as: company.as.sue,
    });
    expect(checkIns.body[0].milestonesDone).toEqual([draft.id]);

    const history = await server.request("GET", `/objectives/${personal.id}/history`, { as: company.as.sue });
    const last = history.body.entries.slice(-5);
    expect(last.map((e: Answer) => `${e.action} ${e.entityId}`).sort()).toEqual(
      [
        `objective.update ${personal.id}`,
        `key_result.update ${renewals.id}`,
        `key_result.update ${playbook.id}`,
        `key_result.delete ${nps.id}`,
        `key_result.create ${krs[4].id}`,
      ].sort(),
    );
    const playbookEntry = last.find((e: Answer) => e.entityId === playbook.id);
    expect(playbookEntry.before.milestones.map((m: Answer) => m.title)).toEqual([
      "Draft",
      "Review",
      "Publish",
    ]);
    expect(playbookEntry.after.milestones.map((m: Answer) => m.title)).toEqual([
      "Draft v2",
      "Train the team",
    ]);

    // Saving the same thing again changes nothing, not even the version.
    const again = await put(server, company.as.sue, saved.body, saveBodyOf(saved.body));
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(saved.body.version);
  });

  it("answers 409 on a stale If-Match and changes nothing; If-Match is required", async () => {
    const { personal } = await objectiveUnderRollup(server, company, "Keep churn low");
    // Editing one KR on its own moves the objective's version: the editor's whole save is stale now.
    const kr = await server.request("PATCH", `/key-results/${personal.keyResults[0].id}`, {
      as: company.as.sue,
      body: { title: "Early renewals from 2 to 9", targetValue: 9 },
    });
    expect(kr.status).toBe(200);
    const before = await snapshotOf(server, company.orgId);
    const body = { ...saveBodyOf(personal), title: "Lost update", keyResults: [] };
    const stale = await put(server, company.as.sue, personal, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version.conflict");
    const blind = await server.request("PUT", `/objectives/${personal.id}`, { as: company.as.sue, body });
    expect(blind.status).toBe(400);
    expect(blind.body.error).toMatchObject({ code: "version.required", details: [{ path: "If-Match" }] });
    expect(await snapshotOf(server, company.orgId)).toEqual(before);

    const fresh = await get(server, company.as.sue, personal.id);
    expect(fresh.version).toBe(personal.version + 1);
    const saved = await put(server, company.as.sue, fresh, {
      ...saveBodyOf(fresh),
      title: "Keep churn below 2%",
    });
    expect(saved.status).toBe(200);
  });

  it("refuses a save whose fifth KR is invalid, naming its field, and changes nothing at all", async () => {
    const { personal } = await objectiveUnderRollup(server, company, "Grow the accounts I own");
    const before = await snapshotOf(server, company.orgId);
    const body = saveBodyOf(personal);
    const [renewals, , playbook, reminders, upsell] = body.keyResults;
    const invalid = await put(server, company.as.sue, personal, {
      ...body,
      title: "Grow every account I own",
      keyResults: [
        { ...renewals, targetValue: 12 },
        { ...playbook, milestones: [{ title: "Only step" }] },
        reminders,
        { title: "Case studies from 0 to 2", type: "number", startValue: 0, targetValue: 2 },
        { ...upsell, startValue: 100, targetValue: 100 },
      ],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("kr.target_equals_start");
    expect(invalid.body.error.details[0].path).toBe("keyResults.4.targetValue");
    expect(await snapshotOf(server, company.orgId)).toEqual(before);

    const newOne = await put(server, company.as.sue, personal, {
      ...body,
      keyResults: [
        ...body.keyResults.slice(0, 4),
        { title: "Flat", type: "number", startValue: 3, targetValue: 3 },
      ],
    });
    expect(newOne.status).toBe(422);
    expect(newOne.body.error.details[0].path).toBe("keyResults.4.targetValue");
    const foreign = await put(server, company.as.sue, personal, {
      ...body,
      keyResults: [...body.keyResults.slice(0, 4), { ...upsell, id: "not-a-key-result-of-this-objective" }],
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({
      code: "key_result.not_found",
      details: [{ path: "keyResults.4.id" }],
    });
    const retyped = await put(server, company.as.sue, personal, {
      ...body,
      keyResults: [...body.keyResults.slice(0, 4), { ...upsell, type: "number" }],
    });
    expect(retyped.status).toBe(422);
    expect(retyped.body.error).toMatchObject({
      code: "kr.type_fixed",
      details: [{ path: "keyResults.4.type" }],
    });
    const twice = await put(server, company.as.sue, personal, {
      ...body,
      keyResults: [...body.keyResults.slice(0, 4), { ...body.keyResults[0] }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.map((d: Answer) => d.path)).toContain("keyResults.4.id");
    expect(await snapshotOf(server, company.orgId)).toEqual(before);
  });

  it("leaves the previous version intact when the database fails halfway through the save", async () => {
    const { personal, department } = await objectiveUnderRollup(server, company, "Shorten renewal cycles");
    const before = await snapshotOf(server, company.orgId);
    const body = saveBodyOf(personal);
    const [renewals, , playbook, reminders, upsell] = body.keyResults;
    // The objective and three KRs are written, one KR deleted, the first new KR built; the second new KR
    // gets the id of a stored KR, and its insert fails on the primary key.
    const spy = collideOnNthId(2, renewals.id);
    const failed = await put(server, company.as.sue, personal, {
      ...body,
      title: "Renewals close in half the time",
      keyResults: [
        { ...renewals, targetValue: 20 },
        { ...playbook, milestones: [{ id: playbook.milestones[0].id, title: "Draft", weight: 3 }] },
        { ...reminders, title: "Renewal reminders live for every account" },
        upsell,
        { title: "Renewal calls booked from 0 to 40", type: "number", startValue: 0, targetValue: 40 },
        { title: "Contracts signed early from 0 to 10", type: "number", startValue: 0, targetValue: 10 },
      ],
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe("internal.error");
    expect(await snapshotOf(server, company.orgId)).toEqual(before);
    expect(await get(server, company.as.sue, personal.id)).toMatchObject({
      title: "Shorten renewal cycles",
      version: personal.version,
      keyResults: personal.keyResults,
    });
    expect((await get(server, company.as.sam, department.id)).progress).toBe(department.progress);

    // Nothing was left locked or half-open: the same save goes through now.
    const retried = await put(server, company.as.sue, personal, {
      ...body,
      title: "Renewals close in half the time",
    });
    expect(retried.status).toBe(200);
  });

  it("creates an objective with its KRs in one transaction: a failing KR insert leaves no objective", async () => {
    const existing = (
      await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, { as: company.as.sue })
    ).body[0].keyResults[0].id as string;
    const before = await snapshotOf(server, company.orgId);
    // The objective's id is the first new id, its KR's the second: the objective row is written, the KR's fails.
    const spy = collideOnNthId(2, existing);
    const failed = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Half-written objective",
        keyResults: [FIVE_KRS[0], FIVE_KRS[1]],
      },
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(failed.status).toBe(500);
    expect(await snapshotOf(server, company.orgId)).toEqual(before);
  });

  it("checks who may write and the cycle's phase, as every write does", async () => {
    const { personal } = await objectiveUnderRollup(server, company, "Renewals by the book");
    const body = { ...saveBodyOf(personal), title: "Not yours" };
    const before = await snapshotOf(server, company.orgId);
    const stranger = await put(server, company.as.eve, personal, body);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe("permission.denied");
    const ghost = await server.request("PUT", "/objectives/no-such-objective", {
      as: company.as.sue,
      body,
      headers: { "if-match": "1" },
    });
    expect(ghost.status).toBe(404);
    expect(await snapshotOf(server, company.orgId)).toEqual(before);
    // Her manager may.
    const manager = await put(server, company.as.sam, personal, {
      ...body,
      title: "Renewals by the playbook",
    });
    expect(manager.status).toBe(200);
  });
});

describe.each(testDialects())("saving a whole objective past aligning, under approval, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let personal: Answer;
  let department: Answer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
    ({ personal, department } = await objectiveUnderRollup(server, company, "Make my accounts renew early"));
    for (const [as, action] of [
      [company.as.sue, "submit"],
      [company.as.sam, "approve"],
    ] as const) {
      expect((await server.request("POST", `/objectives/${personal.id}/${action}`, { as })).status).toBe(200);
    }
    for (const phase of ["aligning", "in_progress"]) {
      const moved = await server.request("POST", `/cycles/${company.cycles.quarter}/phase`, {
        as: company.owner,
        body: { phase },
      });
      expect(moved.status).toBe(200);
    }
    await server.request("POST", `/key-results/${personal.keyResults[0].id}/check-ins`, {
      as: company.as.sue,
      body: { value: 5, confidence: 7 },
    });
    personal = await get(server, company.as.sue, personal.id);
  });
  afterAll(async () => server.close());

  it("waits as ONE pending adjustment, applies nothing until approved, then applies all of it at once", async () => {
    const [renewals, nps, playbook, reminders, upsell] = personal.keyResults;
    const body = saveBodyOf(personal);
    const [renewalsIn, , playbookIn, remindersIn, upsellIn] = body.keyResults;
    const save = {
      ...body,
      title: "Make every account renew early",
      keyResults: [
        { ...renewalsIn, targetValue: 6 },
        {
          ...playbookIn,
          milestones: [
            { id: playbook.milestones[0].id, title: "Draft", weight: 1 },
            { title: "Train the team", weight: 1 },
          ],
        },
        remindersIn,
        upsellIn,
        { title: "Referral partners from 0 to 3", type: "number", startValue: 0, targetValue: 3 },
      ],
    };
    const before = await snapshotOf(server, company.orgId);
    const unexplained = await put(server, company.as.sue, personal, save);
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.error).toMatchObject({
      code: "objective.reason_required",
      details: [{ path: "reason" }],
    });
    expect(await snapshotOf(server, company.orgId)).toEqual(before);

    const reason = "Two accounts were acquired; referrals replace NPS";
    const asked = await put(server, company.as.sue, personal, { ...save, reason });
    expect(asked.status).toBe(202);
    // Nothing applied: the objective, its KRs and milestones are as they were.
    expect(asked.body).toMatchObject({
      title: personal.title,
      version: personal.version,
      keyResults: personal.keyResults,
      progress: personal.progress,
    });
    const after = await snapshotOf(server, company.orgId);
    expect(after.objectives).toEqual(before.objectives);
    expect(after.keyResults).toEqual(before.keyResults);
    expect(after.milestones).toEqual(before.milestones);
    expect(after.adjustments).toHaveLength(before.adjustments.length + 1);
    expect(asked.body.pendingAdjustments).toHaveLength(1);
    const pending = asked.body.pendingAdjustments[0];
    expect(pending).toMatchObject({
      status: "pending",
      keyResultId: null,
      reason,
      requestedBy: { id: company.users.sue },
      before: { title: "Make my accounts renew early" },
      after: { title: "Make every account renew early" },
    });
    expect(pending.before.keyResults).toEqual([
      { id: renewals.id, title: renewals.title, targetValue: "8" },
      {
        id: playbook.id,
        title: playbook.title,
        milestones: playbook.milestones.map((m: Answer) => ({ id: m.id, title: m.title, weight: m.weight })),
      },
      { id: nps.id, title: nps.title },
    ]);
    expect(pending.after.keyResults).toEqual([
      { id: renewals.id, title: renewals.title, targetValue: "6" },
      {
        id: playbook.id,
        title: playbook.title,
        milestones: [
          { title: "Draft", weight: 1 },
          { title: "Train the team", weight: 1 },
        ],
      },
      { title: "Referral partners from 0 to 3", type: "number", startValue: "0", targetValue: "3" },
    ]);
    expect(
      (await server.request("POST", `/adjustments/${pending.id}/approve`, { as: company.as.sue })).status,
    ).toBe(403);

    const approved = await server.request("POST", `/adjustments/${pending.id}/approve`, {
      as: company.as.sam,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.pendingAdjustments).toEqual([]);
    expect(approved.body.title).toBe("Make every account renew early");
    expect(approved.body.version).toBe(personal.version + 1);
    const krs = approved.body.keyResults;
    expect(krs.map((kr: Answer) => kr.id).slice(0, 4)).toEqual([
      renewals.id,
      playbook.id,
      reminders.id,
      upsell.id,
    ]);
    expect(krs[4]).toMatchObject({ title: "Referral partners from 0 to 3", targetValue: 3 });
    expect(krs[0]).toMatchObject({ targetValue: 6, currentValue: 5, progress: 0.75 });
    expect(krs[1].milestones.map((m: Answer) => [m.id === playbook.milestones[0].id, m.title])).toEqual([
      [true, "Draft"],
      [false, "Train the team"],
    ]);
    expect(approved.body.progress).toBeCloseTo(0.75 / 5, 6);
    expect((await get(server, company.as.sam, department.id)).keyResults[0].progress).toBeCloseTo(
      0.75 / 5,
      6,
    );

    const history = await server.request("GET", `/objectives/${personal.id}/history`, { as: company.as.sue });
    const entries = history.body.entries;
    const requested = entries.findIndex((e: Answer) => e.action === "adjustment.request");
    expect(entries[requested]).toMatchObject({ entityType: "objective", entityId: personal.id, reason });
    const applied = entries.slice(requested + 1);
    expect(applied.map((e: Answer) => e.action).sort()).toEqual(
      [
        "adjustment.approve",
        "key_result.adjust",
        "key_result.adjust",
        "key_result.create",
        "key_result.delete",
        "objective.adjust",
      ].sort(),
    );
    for (const entry of applied.filter((e: Answer) => e.action !== "adjustment.approve")) {
      expect(entry).toMatchObject({ reason, actor: { id: company.users.sam } });
    }
    const twice = await server.request("POST", `/adjustments/${pending.id}/approve`, { as: company.as.sam });
    expect(twice.body.error.code).toBe("adjustment.decided");
  });

  it("applies the manager's own save at once, still as an adjustment with its reason", async () => {
    const current = await get(server, company.as.sam, personal.id);
    const body = saveBodyOf(current);
    const reason = "Renewals matter most this quarter";
    const saved = await put(server, company.as.sam, current, {
      ...body,
      weight: 2,
      reason,
      keyResults: body.keyResults.slice(1),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.weight).toBe(2);
    expect(saved.body.keyResults).toHaveLength(current.keyResults.length - 1);
    expect(saved.body.pendingAdjustments).toEqual([]);
  });
});
