import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * 赛马 through the real HTTP app. The company aims at "New customers from 0 to 100" this quarter. Sue
 * (Sales, under Sam) and Pat (Platform, under Eve) each propose an initiative for that KR; Ada (admin)
 * proposes a third. Colleagues back and join; the owner accepts Sue's and Pat's and rejects Ada's; their
 * check-ins move the race; Sue's initiative is spun off into its own department with Pat on it.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;

describe.each(testDialects())("horse racing, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;
  let companyKr = "";
  let samsPrivateKr = "";
  const ids = { sue: "", pat: "", ada: "" };
  const objectives = { sue: "", pat: "" };

  const url = (path: string, query: Record<string, string | number>) =>
    `${path}?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`;
  const propose = (as: Credentials, body: Record<string, unknown>) =>
    server.request("POST", "/proposals", { as, body: { cycleId: company.cycles.quarter, ...body } });
  const step = (as: Credentials, id: string, name: string, body?: Record<string, unknown>) =>
    server.request("POST", `/proposals/${id}/${name}`, { as, ...(body ? { body } : {}) });
  const count = async (
    table: "proposal" | "proposalBacker" | "proposalMember" | "department" | "objective",
  ) =>
    Number(
      (
        await server.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const race = async () => {
    const reply = await server.request("GET", url("/races", { parentKeyResultId: companyKr }), {
      as: company.as.sam,
    });
    expect(reply.status).toBe(200);
    return reply.body as {
      entries: Array<{
        proposal: { id: string };
        progress: number;
        rank: number;
        series: unknown[];
        teamSize: number;
      }>;
    };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    server.clock.set("2027-04-01T02:00:00.000Z");
    const created = await server.request("POST", "/objectives", {
      as: company.owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "company",
        title: "Win the mid-market",
        keyResults: [
          { title: "New customers from 0 to 100", type: "number", startValue: 0, targetValue: 100 },
        ],
      },
    });
    expect(created.status).toBe(201);
    companyKr = created.body.keyResults[0].id;
    const hidden = await server.request("POST", "/objectives", {
      as: company.as.sam,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        visibility: "private",
        title: "Sam's quiet plan",
        keyResults: [{ title: "Quiet deals from 0 to 5", type: "number", startValue: 0, targetValue: 5 }],
      },
    });
    samsPrivateKr = hidden.body.keyResults[0].id;
    await publish(server, company.owner, created.body.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
  });
  afterAll(async () => server.close());

  it("takes proposals from anyone, for a KR they can see, with draft KRs the coach reviews", async () => {
    const { as } = company;
    const sue = await propose(as.sue, {
      title: "Partner channel brings mid-market customers",
      pitch: "Resellers already **sell** to our buyers.",
      parentKeyResultId: companyKr,
      keyResults: [
        { title: "Signed partners from 0 to 10", type: "number", startValue: 0, targetValue: 10 },
        { title: "Customers through partners from 0 to 40", type: "number", startValue: 0, targetValue: 40 },
      ],
    });
    expect(sue.status).toBe(201);
    ids.sue = sue.body.id;
    expect(sue.body).toMatchObject({
      status: "open",
      proposer: { id: company.users.sue, name: "Sue Seller" },
      parent: {
        objective: { title: "Win the mid-market", level: "company" },
        keyResult: { id: companyKr, title: "New customers from 0 to 100" },
      },
      backerCount: 0,
      team: [],
      decision: null,
      objectiveId: null,
      abilities: { withdraw: true, back: false, join: false, decide: false },
    });
    expect(sue.body.pitchHtml).toContain("<strong>sell</strong>");
    expect(sue.body.keyResults).toHaveLength(2);
    expect(typeof sue.body.coach.score).toBe("number");

    const pat = await propose(as.pat, {
      title: "Self-serve trial converts mid-market teams",
      parentKeyResultId: companyKr,
      keyResults: [
        { title: "Trial conversions from 0 to 60", type: "number", startValue: 0, targetValue: 60 },
      ],
    });
    expect(pat.status).toBe(201);
    ids.pat = pat.body.id;
    const ada = await propose(as.ada, { title: "Trade shows", parentKeyResultId: companyKr });
    ids.ada = ada.body.id;
    expect(ada.status).toBe(201);
  });

  it("refuses a hidden parent, two parents, and a broken draft KR with the caller's words, changing nothing", async () => {
    const { as } = company;
    const before = await count("proposal");
    const hidden = await propose(as.pat, { title: "Ride along", parentKeyResultId: samsPrivateKr });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("key_result.not_found");
    const both = await propose(
      { ...as.pat, locale: "zh-CN" },
      { title: "两个上级", parentKeyResultId: companyKr, parentObjectiveId: companyKr },
    );
    expect(both.status).toBe(422);
    expect(both.body.error.code).toBe("proposal.one_parent");
    expect(both.body.error.message).toContain("请选择");
    const neither = await propose(as.pat, { title: "Floating" });
    expect(neither.body.error.code).toBe("proposal.one_parent");
    const broken = await propose(as.pat, {
      title: "Broken",
      parentKeyResultId: companyKr,
      keyResults: [{ title: "Nothing to measure", type: "number", startValue: 5, targetValue: 5 }],
    });
    expect(broken.status).toBe(422);
    expect(await count("proposal")).toBe(before);
  });

  it("counts one vote and one join per person, never the proposer's own", async () => {
    const { as, users } = company;
    const backed = await step(as.sam, ids.sue, "back");
    expect(backed.status).toBe(200);
    expect(backed.body).toMatchObject({
      backerCount: 1,
      backedByMe: true,
      abilities: { back: false, unback: true },
    });
    expect((await step(as.sam, ids.sue, "back")).body.error.code).toBe("proposal.already_backed");
    expect((await step(as.sue, ids.sue, "back")).body.error.code).toBe("proposal.own");
    expect((await step(as.sue, ids.sue, "join")).status).toBe(422);
    expect((await step(as.eve, ids.sue, "back")).status).toBe(200);
    expect((await step(as.eve, ids.sue, "unback")).body.backerCount).toBe(1);
    expect((await step(as.eve, ids.sue, "unback")).body.error.code).toBe("proposal.not_backed");
    expect((await step(as.ada, ids.pat, "back")).status).toBe(200);
    expect((await step(as.eve, ids.pat, "back")).status).toBe(200);

    const joined = await step(as.pat, ids.sue, "join");
    expect(joined.body).toMatchObject({ team: [{ id: users.pat, name: "Pat Platform" }], joinedByMe: true });
    expect((await step(as.pat, ids.sue, "join")).body.error.code).toBe("proposal.already_joined");
    server.clock.set("2027-04-01T03:00:00.000Z");
    expect((await step(as.sam, ids.sue, "join")).status).toBe(200);
    expect(await count("proposalBacker")).toBe(3);

    const notices = await server.request("GET", "/notifications", { as: as.sue });
    expect(notices.body.items.map((n: { kind: string }) => n.kind)).toContain("proposal_backed");
  });

  it("lets only an approver decide, once; accepting makes the proposer's published objective with the team on its KRs", async () => {
    const { as, users } = company;
    expect((await step(as.sue, ids.sue, "accept")).body.error.code).toBe("permission.denied");
    // Sam leads Sales, but the parent is the company's: the root's leaders and admins decide.
    expect((await step(as.sam, ids.sue, "accept")).status).toBe(403);
    expect((await server.request("GET", `/proposals/${ids.sue}`, { as: as.ada })).body.abilities.decide).toBe(
      true,
    );

    const objectivesBefore = await count("objective");
    const accepted = await step(as.ada, ids.sue, "accept");
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: "accepted",
      decision: { by: { id: users.ada }, reason: null },
    });
    objectives.sue = accepted.body.objectiveId;
    expect(await count("objective")).toBe(objectivesBefore + 1);
    expect((await step(as.ada, ids.sue, "accept")).body.error.code).toBe("proposal.not_open");
    expect((await step(as.eve, ids.sue, "back")).body.error.code).toBe("proposal.not_open");

    const objective = (await server.request("GET", `/objectives/${objectives.sue}`, { as: as.sue })).body;
    expect(objective).toMatchObject({
      level: "personal",
      status: "published",
      ownerUserId: users.sue,
      parentKeyResultId: companyKr,
      title: "Partner channel brings mid-market customers",
    });
    // No owner was named: the team (Pat, then Sam) takes the KRs in turn.
    expect(objective.keyResults.map((kr: { ownerUserId: string }) => kr.ownerUserId)).toEqual([
      users.pat,
      users.sam,
    ]);

    const notices = await server.request("GET", "/notifications", { as: as.pat });
    expect(notices.body.items.map((n: { kind: string }) => n.kind)).toContain("proposal_decided");

    const pat = await step(company.owner, ids.pat, "accept");
    expect(pat.status).toBe(200);
    objectives.pat = pat.body.objectiveId;
    const rejected = await step(company.owner, ids.ada, "reject", {
      reason: "Shows cost more than they bring",
    });
    expect(rejected.body).toMatchObject({
      status: "rejected",
      decision: { reason: "Shows cost more than they bring" },
    });
    expect((await step(as.ada, ids.ada, "withdraw")).body.error.code).toBe("proposal.not_open");
  });

  it("races the running initiatives side by side, moved by their check-ins", async () => {
    const { as } = company;
    const sueKrs = (await server.request("GET", `/objectives/${objectives.sue}`, { as: as.sue })).body
      .keyResults;
    const patKr = (await server.request("GET", `/objectives/${objectives.pat}`, { as: as.pat })).body
      .keyResults[0];
    server.clock.set("2027-04-08T02:00:00.000Z");
    const first = await server.request("POST", `/key-results/${sueKrs[0].id}/check-ins`, {
      as: as.pat,
      body: { value: 5, confidence: 7 },
    });
    expect(first.status).toBe(201);
    let standings = await race();
    expect(standings.entries.map((e) => e.proposal.id)).toEqual([ids.sue, ids.pat]);
    expect(standings.entries[0]).toMatchObject({ rank: 1, progress: 0.25, teamSize: 3 });

    server.clock.set("2027-04-09T02:00:00.000Z");
    await server.request("POST", `/key-results/${patKr.id}/check-ins`, {
      as: as.pat,
      body: { value: 48, confidence: 6 },
    });
    standings = await race();
    expect(standings.entries.map((e) => e.proposal.id)).toEqual([ids.pat, ids.sue]);
    expect(standings.entries[0]?.progress).toBeCloseTo(0.8);
    expect(standings.entries[0]?.series.at(-1)).toEqual({ date: "2027-04-09", progress: 0.8 });
    // The rejected proposal is out of the race.
    expect(standings.entries.some((e) => e.proposal.id === ids.ada)).toBe(false);
  });

  it("spins the winner off into its own department without losing its history", async () => {
    const { as, users, departments } = company;
    const before = { departments: await count("department") };
    const taken = await step(company.owner, ids.sue, "spin-off", {
      departmentName: " sales ",
      parentDepartmentId: departments.sales,
      moveMemberIds: [users.pat],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("department.name_taken");
    const outsider = await step(company.owner, ids.sue, "spin-off", {
      departmentName: "Partner Channel",
      parentDepartmentId: departments.sales,
      moveMemberIds: [users.eve],
    });
    expect(outsider.body.error.code).toBe("proposal.not_on_team");
    const leader = await step(company.owner, ids.sue, "spin-off", {
      departmentName: "Partner Channel",
      parentDepartmentId: departments.sales,
      moveMemberIds: [users.pat, users.sam],
    });
    expect(leader.status).toBe(422);
    expect(leader.body.error.code).toBe("proposal.member_leads_department");
    expect(leader.body.error.message).toContain("Sam Sales");
    expect(
      (
        await step(as.sue, ids.sue, "spin-off", {
          departmentName: "Partner Channel",
          parentDepartmentId: departments.sales,
          moveMemberIds: [users.pat],
        })
      ).status,
    ).toBe(403);
    expect(await count("department")).toBe(before.departments);

    const spun = await step(company.owner, ids.sue, "spin-off", {
      departmentName: "Partner Channel",
      parentDepartmentId: departments.sales,
      moveMemberIds: [users.pat],
    });
    expect(spun.status).toBe(200);
    const newDepartment = spun.body.department.id as string;
    expect(spun.body).toMatchObject({
      department: { name: "Partner Channel", parentId: departments.sales, leaderUserId: users.sue },
      movedUserIds: [users.pat],
      proposal: { spinOff: { department: { id: newDepartment, name: "Partner Channel" } } },
    });
    expect(
      (
        await step(company.owner, ids.sue, "spin-off", {
          departmentName: "Partner Channel 2",
          parentDepartmentId: departments.sales,
          moveMemberIds: [],
        })
      ).body.error.code,
    ).toBe("proposal.not_spinnable");

    const list = (await server.request("GET", "/members", { as: company.owner })).body as Array<{
      userId: string;
      departmentId: string;
      managerId: string | null;
    }>;
    expect(list.find((m) => m.userId === users.pat)).toMatchObject({
      departmentId: newDepartment,
      managerId: users.sue,
    });
    expect(list.find((m) => m.userId === users.sue)).toMatchObject({
      departmentId: newDepartment,
      managerId: users.sam,
    });

    const objective = (await server.request("GET", `/objectives/${objectives.sue}`, { as: as.sue })).body;
    expect(objective).toMatchObject({
      level: "department",
      ownerDepartmentId: newDepartment,
      parentKeyResultId: companyKr,
    });
    const checkIns = await server.request("GET", `/key-results/${objective.keyResults[0].id}/check-ins`, {
      as: as.sue,
    });
    const history = Array.isArray(checkIns.body) ? checkIns.body : checkIns.body.items;
    expect(history).toHaveLength(1);
    const audit = await server.db.db
      .selectFrom("auditLog")
      .select("action")
      .where("objectiveId", "=", objectives.sue)
      .orderBy("createdAt")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["objective.create", "key_result.check_in", "objective.update"]),
    );

    // The rollout dashboard counts the new team at once.
    const rollout = await server.request("GET", `/cycles/${company.cycles.quarter}/rollout`, {
      as: company.owner,
    });
    expect(
      rollout.body.departments.find((d: { departmentId: string }) => d.departmentId === newDepartment),
    ).toMatchObject({ name: "Partner Channel", leaderId: users.sue });

    const record = await server.request(
      "GET",
      url("/proposals", { userId: users.sue, involvement: "spun_off" }),
      { as: as.sam },
    );
    expect(record.body.items.map((p: { id: string }) => p.id)).toEqual([ids.sue]);
    const joined = await server.request(
      "GET",
      url("/proposals", { userId: users.pat, involvement: "joined" }),
      { as: as.sam },
    );
    expect(joined.body.items.map((p: { id: string }) => p.id)).toEqual([ids.sue]);
  });

  it("lists the board newest first or by backing, a page at a time", async () => {
    const { as } = company;
    const newest = await server.request("GET", url("/proposals", { cycleId: company.cycles.quarter }), {
      as: as.eve,
    });
    expect(newest.body.items.map((p: { id: string }) => p.id)).toEqual([ids.ada, ids.pat, ids.sue]);
    const first = await server.request(
      "GET",
      url("/proposals", { cycleId: company.cycles.quarter, sort: "most_backed", limit: 1 }),
      { as: as.eve },
    );
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([ids.pat]);
    const rest = await server.request(
      "GET",
      url("/proposals", {
        cycleId: company.cycles.quarter,
        sort: "most_backed",
        limit: 5,
        cursor: first.body.nextCursor,
      }),
      { as: as.eve },
    );
    expect(rest.body.items.map((p: { id: string }) => p.id)).toEqual([ids.sue, ids.ada]);
    expect((await server.request("GET", url("/proposals", { cursor: "%%%" }), { as: as.eve })).status).toBe(
      400,
    );
    expect(
      (await server.request("GET", url("/proposals", { status: "rejected" }), { as: as.eve })).body.items,
    ).toHaveLength(1);
  });
  it("refuses to accept a withdrawn proposal, and lets only its proposer withdraw it", async () => {
    const { as } = company;
    const created = await propose(as.eve, {
      title: "Engineering-led onboarding",
      parentKeyResultId: companyKr,
    });
    expect((await step(as.pat, created.body.id, "withdraw")).status).toBe(403);
    const withdrawn = await step(as.eve, created.body.id, "withdraw");
    expect(withdrawn.body).toMatchObject({
      status: "withdrawn",
      abilities: { withdraw: false, decide: false },
    });
    const objectives = await count("objective");
    const accepted = await step(company.owner, created.body.id, "accept");
    expect([accepted.status, accepted.body.error.code]).toEqual([409, "proposal.not_open"]);
    expect(await count("objective")).toBe(objectives);
  });
  it("answers a retried proposal with the first answer under one Idempotency-Key, creating one", async () => {
    const before = await count("proposal");
    const send = (title: string) =>
      server.request("POST", "/proposals", {
        as: company.as.eve,
        headers: { "idempotency-key": "retry-1" },
        body: { cycleId: company.cycles.quarter, title, parentKeyResultId: companyKr },
      });
    const first = await send("Developer community brings leads");
    const again = await send("Developer community brings leads");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect((await send("Something else")).body.error.code).toBe("idempotency.key_reused");
    expect(await count("proposal")).toBe(before + 1);
  });
});
