import { randomUUID } from "node:crypto";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: a KR that names a `sum` KR as its parent adds its value into it. That is an alignment of its
 * objective to the sum's objective, under the same rules: the caller must see the target (a hidden one
 * answers exactly like a missing one), the target sits above, in the same or an enclosing cycle, and the
 * link closes no loop.
 */
describe.each(testDialects())("contributions to sum KRs on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  /** A private company objective's sum KR, hidden from Sue. */
  let hiddenSum: string;
  /** A private company objective's plain numeric KR, hidden from Sue. */
  let hiddenNumber: string;
  /** A public company objective's sum KR. */
  let publicSum: string;

  const sumKr = { type: "rollup", aggregation: "sum", startValue: 0, targetValue: 1_000_000 } as const;
  const companyObjective = async (visibility: string, title: string, keyResults: unknown[]) => {
    const reply = await server.request("POST", "/objectives", {
      as: company.owner,
      body: { cycleId: company.cycles.quarter, level: "company", visibility, title, keyResults },
    });
    expect(reply.status).toBe(201);
    return reply.body as { id: string; keyResults: Array<{ id: string }> };
  };
  const personal = (as: Credentials, keyResults: unknown[], cycleId = company.cycles.quarter) =>
    server.request("POST", "/objectives", {
      as,
      body: { cycleId, level: "personal", title: "Win the accounts I own", keyResults },
    });
  const contributor = (parentKeyResultId: string) => ({
    title: "My revenue from 0 to 1000",
    type: "currency",
    startValue: 0,
    targetValue: 1000,
    parentKeyResultId,
  });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const secret = await companyObjective("private", "Board targets", [
      { title: "Revenue from 0 to 1M", ...sumKr },
      { title: "Margin from 10 to 20", type: "percentage", startValue: 10, targetValue: 20 },
    ]);
    hiddenSum = secret.keyResults[0]?.id as string;
    hiddenNumber = secret.keyResults[1]?.id as string;
    const open = await companyObjective("public", "Customers choose us", [
      { title: "Revenue from 0 to 1M", ...sumKr },
    ]);
    publicSum = open.keyResults[0]?.id as string;
  });
  afterAll(async () => server.close());

  it("answers a hidden target exactly like a missing one, on create, PATCH and PUT, whatever its type", async () => {
    const sue = company.as.sue;
    const answers = [];
    for (const target of [randomUUID(), hiddenSum, hiddenNumber]) {
      const created = await personal(sue, [contributor(target)]);
      answers.push({ status: created.status, body: created.body });
    }
    expect(answers[0]).toEqual({
      status: 404,
      body: {
        error: {
          code: "key_result.not_found",
          message: "Key result not found.",
          details: [{ path: "keyResults.0.parentKeyResultId", message: "Key result not found." }],
        },
      },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    const own = await personal(sue, [
      { title: "Calls from 0 to 50", type: "number", startValue: 0, targetValue: 50 },
    ]);
    expect(own.status).toBe(201);
    const krId = own.body.keyResults[0].id as string;
    const patches = [];
    for (const target of [randomUUID(), hiddenSum, hiddenNumber]) {
      const reply = await server.request("PATCH", `/key-results/${krId}`, {
        as: sue,
        body: { parentKeyResultId: target },
      });
      patches.push({ status: reply.status, body: reply.body });
    }
    expect(patches[0]?.status).toBe(404);
    expect(patches[0]?.body.error.details).toEqual([
      { path: "parentKeyResultId", message: "Key result not found." },
    ]);
    expect(patches[1]).toEqual(patches[0]);
    expect(patches[2]).toEqual(patches[0]);

    const saves = [];
    for (const target of [randomUUID(), hiddenSum]) {
      const current = await server.request("GET", `/objectives/${own.body.id}`, { as: sue });
      const reply = await server.request("PUT", `/objectives/${own.body.id}`, {
        as: sue,
        headers: { "if-match": String(current.body.version) },
        body: {
          title: current.body.title,
          keyResults: [{ id: krId, title: "Calls from 0 to 50", type: "number", parentKeyResultId: target }],
        },
      });
      saves.push({ status: reply.status, body: reply.body });
    }
    expect(saves[0]?.status).toBe(404);
    expect(saves[1]).toEqual(saves[0]);

    // Nothing moved above: the hidden sum still stands at its start.
    const board = await server.request("GET", `/key-results/${hiddenSum}`, { as: company.owner });
    expect(Number(board.body.currentValue ?? 0)).toBe(0);
  });

  it("lets a visible sum above take contributions, and refuses one sideways, downward or in another period", async () => {
    // Sales (department) → the public company sum: upward, same cycle.
    const sales = await server.request("POST", "/objectives", {
      as: company.as.sam,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.sales,
        title: "Key accounts grow with us",
        keyResults: [contributor(publicSum), { title: "Sales sum", ...sumKr }],
      },
    });
    expect(sales.status).toBe(201);
    const salesSum = sales.body.keyResults[1].id as string;

    // Down: a company objective's KR into the Sales department's sum.
    const unlinked = await companyObjective("public", "Partners sell for us", []);
    const down = await server.request("POST", `/objectives/${unlinked.id}/key-results`, {
      as: company.owner,
      body: contributor(salesSum),
    });
    expect(down.status).toBe(422);
    expect(down.body.error.code).toBe("alignment.level");
    expect(down.body.error.details[0].path).toMatch(/parentKeyResultId$/);

    // Sideways: Engineering's objective into Sales' sum (neither department is above the other).
    const engineering = await server.request("POST", "/objectives", {
      as: company.as.eve,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.engineering,
        title: "Ship what sales sells",
        keyResults: [contributor(salesSum)],
      },
    });
    expect(engineering.status).toBe(422);
    expect(engineering.body.error.code).toBe("alignment.level");
    expect(engineering.body.error.details[0].path).toBe("keyResults.0.parentKeyResultId");

    // Another period: Sue's objective of the year into the quarter's sum (the quarter does not enclose the year).
    const yearly = await personal(company.as.sue, [contributor(publicSum)], company.cycles.year);
    expect(yearly.status).toBe(422);
    expect(yearly.body.error.code).toBe("alignment.period");

    // Sue, in Sales, under Sam: her quarter's KR into the Sales sum is upward.
    const mine = await personal(company.as.sue, [contributor(salesSum)]);
    expect(mine.status).toBe(201);
  });

  it("refuses a sum link that closes a loop (A → B → A), so repeated check-ins cannot snowball", async () => {
    const eve = company.as.eve;
    const platformLeader = await server.request("PATCH", `/departments/${company.departments.platform}`, {
      as: company.owner,
      body: { leaderId: company.users.pat },
    });
    expect(platformLeader.status).toBe(200);
    // B: Engineering's sum; A: Platform's sum, contributing to B.
    const engineering = await server.request("POST", "/objectives", {
      as: eve,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.engineering,
        title: "Engineering lands its launches",
        keyResults: [{ title: "Launches (sum)", ...sumKr, targetValue: 100 }],
      },
    });
    expect(engineering.status).toBe(201);
    const b = engineering.body.keyResults[0].id as string;
    const platform = await server.request("POST", "/objectives", {
      as: eve,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.platform,
        title: "Platform launches",
        keyResults: [{ title: "Platform launches (sum)", ...sumKr, targetValue: 100, parentKeyResultId: b }],
      },
    });
    expect(platform.status).toBe(201);
    const a = platform.body.keyResults[0].id as string;

    // B → A would close the loop; so would a KR of B's objective feeding A.
    const loop = await server.request("PATCH", `/key-results/${b}`, {
      as: eve,
      body: { parentKeyResultId: a },
    });
    expect(loop.status).toBe(422);
    expect(loop.body.error.code).toBe("alignment.loop");
    const throughAnother = await server.request("POST", `/objectives/${engineering.body.id}/key-results`, {
      as: eve,
      body: { title: "Infra launches", type: "number", startValue: 0, targetValue: 5, parentKeyResultId: a },
    });
    expect(throughAnother.status).toBe(422);
    expect(throughAnother.body.error.code).toBe("alignment.loop");
    // An objective alignment closing the loop through the sum links is refused as well.
    const aligned = await server.request("PUT", `/objectives/${engineering.body.id}/alignment`, {
      as: eve,
      body: { parentObjectiveId: platform.body.id },
    });
    expect(aligned.status).toBe(422);
    expect(aligned.body.error.code).toBe("alignment.loop");

    // Pat's KR feeds A, which feeds B: the same check-in five times leaves both sums at its value.
    const pats = await personal(company.as.pat, [
      {
        title: "Launches I lead from 0 to 10",
        type: "number",
        startValue: 0,
        targetValue: 10,
        parentKeyResultId: a,
      },
    ]);
    expect(pats.status).toBe(201);
    const leaf = pats.body.keyResults[0].id as string;
    await publish(server, eve, engineering.body.id, platform.body.id);
    await publish(server, company.as.pat, pats.body.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    for (let i = 0; i < 5; i++) {
      const checkIn = await server.request("POST", `/key-results/${leaf}/check-ins`, {
        as: company.as.pat,
        body: { value: 5, confidence: 7 },
      });
      expect(checkIn.status).toBe(201);
    }
    const sumA = await server.request("GET", `/key-results/${a}`, { as: eve });
    const sumB = await server.request("GET", `/key-results/${b}`, { as: eve });
    expect(Number(sumA.body.currentValue)).toBe(5);
    expect(Number(sumB.body.currentValue)).toBe(5);
  });
});
