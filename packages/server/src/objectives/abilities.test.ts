import { CYCLE_PHASES, type CyclePhase } from "@luodi/core";
import { testDialects } from "@luodi/db";
import { afterAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * The abilities an answer carries must say exactly what the caller's writes will do: for every role ×
 * visibility × level × phase, each ability is read just before the write it stands for, and the write
 * must answer 2xx exactly when the ability said so. The web app shows its controls from these abilities
 * and keeps no copy of the rules, so a drift here is a button that fails or a missing button.
 */

type Abilities = Record<string, boolean>;
/** An objective answer, as far as these probes read it. */
type ObjectiveBody = { abilities: Abilities; keyResults: Array<{ id: string; abilities: Abilities }> };

type Company = Awaited<ReturnType<typeof buildCompany>>;
type Probe = { action: string; allowed: boolean; status: number; who: string; what: string };

const ACTORS = ["owner", "ada", "sam", "sue", "eve", "pat"] as const;
type ActorName = (typeof ACTORS)[number];

function credentialsOf(company: Company, who: ActorName): Credentials {
  return who === "owner" ? company.owner : company.as[who];
}

type Scenario = { phase: CyclePhase; approvalRequired: boolean; published: boolean };

const SCENARIOS: Scenario[] = [
  { phase: "planning", approvalRequired: true, published: false },
  { phase: "planning", approvalRequired: false, published: false },
  // Check-ins: open on published objectives while aligning or in progress, never on drafts.
  { phase: "aligning", approvalRequired: false, published: true },
  { phase: "in_progress", approvalRequired: false, published: false },
  { phase: "in_progress", approvalRequired: true, published: true },
  { phase: "scoring", approvalRequired: false, published: true },
  { phase: "reviewing", approvalRequired: false, published: true },
  { phase: "closed", approvalRequired: false, published: true },
];

const is2xx = (status: number) => status >= 200 && status < 300;

describe.each(testDialects())("abilities equal what the writes answer, on %s", (dialect) => {
  const servers: TestServer[] = [];
  const probes: Probe[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  /** A company with company, Sales and Sue's personal objectives in each visibility, in the scenario's phase. */
  async function arrange(scenario: Scenario) {
    const server = await startTestServer(dialect);
    servers.push(server);
    const company = await buildCompany(server);
    const { owner } = company;
    const objectives: Array<{ id: string; label: string }> = [];
    const owners = [
      { label: "company", as: owner, body: { level: "company" } },
      {
        label: "sales",
        as: company.as.sam,
        body: { level: "department", ownerDepartmentId: company.departments.sales },
      },
      { label: "sue", as: company.as.sue, body: { level: "personal" } },
    ];
    for (const { label, as, body } of owners) {
      for (const visibility of ["public", "department", "private"] as const) {
        const created = await server.request("POST", "/objectives", {
          as,
          body: {
            cycleId: company.cycles.quarter,
            ...body,
            visibility,
            title: `Grow ${label} renewals (${visibility})`,
            keyResults: [
              {
                title: "Renewal rate from 60 % to 80 %",
                type: "percentage",
                startValue: 60,
                targetValue: 80,
              },
              // A KR Pat owns: KR owners may check in and self-score without writing the objective.
              {
                title: "Churned accounts from 30 to 10",
                type: "number",
                startValue: 30,
                targetValue: 10,
                direction: "decrease",
                ownerUserId: company.users.pat,
              },
            ],
          },
        });
        expect(created.status).toBe(201);
        objectives.push({ id: created.body.id, label: `${label} ${visibility}` });
      }
    }
    if (scenario.published) {
      for (const { id } of objectives)
        expect((await server.request("POST", `/objectives/${id}/publish`, { as: owner })).status).toBe(200);
    }
    for (const phase of CYCLE_PHASES.slice(1, CYCLE_PHASES.indexOf(scenario.phase) + 1)) {
      const moved = await server.request("POST", `/cycles/${company.cycles.quarter}/phase`, {
        as: owner,
        body: { phase },
      });
      expect(moved.status).toBe(200);
    }
    const settings = await server.request("PATCH", "/org", {
      as: owner,
      body: { settings: { approvalRequired: scenario.approvalRequired } },
    });
    expect(settings.status).toBe(200);
    return { server, company, objectives };
  }

  for (const scenario of SCENARIOS) {
    const name = `${scenario.phase}, approval ${scenario.approvalRequired ? "required" : "off"}`;
    it(`holds in ${name}`, async () => {
      const { server, company, objectives } = await arrange(scenario);
      const read = async (as: Credentials, id: string) => server.request("GET", `/objectives/${id}`, { as });

      /** Reads the ability, runs the write, and checks that one answers 2xx exactly when the other allows. */
      const probe = async (
        who: ActorName,
        what: string,
        action: string,
        ability: (objective: ObjectiveBody) => boolean | undefined,
        write: () => Promise<{ status: number }>,
        objectiveId: string,
      ) => {
        const as = credentialsOf(company, who);
        const before = await read(as, objectiveId);
        // A hidden objective offers nothing, and every write on it must fail.
        const allowed = before.status === 200 ? (ability(before.body) ?? false) : false;
        const { status } = await write();
        probes.push({ action, allowed, status, who, what });
        expect(
          is2xx(status),
          `${who} ${action} on ${what} (${name}): ability ${allowed}, answer ${status}`,
        ).toBe(allowed);
      };

      for (const who of ACTORS) {
        const as = credentialsOf(company, who);
        for (const { id, label } of objectives) {
          const seen = await read(as, id);
          const krIds: string[] =
            seen.status === 200
              ? seen.body.keyResults.map((kr: { id: string }) => kr.id)
              : (await read(company.owner, id)).body.keyResults.map((kr: { id: string }) => kr.id);
          if (seen.status === 200) {
            // The objective's own summary abilities are those of its KRs taken together.
            const krAbilities = seen.body.keyResults.map(
              (kr: { abilities: Record<string, boolean> }) => kr.abilities,
            );
            expect(seen.body.abilities.checkIn).toBe(
              krAbilities.some((a: { checkIn: boolean }) => a.checkIn),
            );
          }
          const kr = (i: number) => (o: ObjectiveBody) =>
            o.keyResults.find((k) => k.id === krIds[i])?.abilities;
          // Each KR write: the ability it stands for, and the request that tries it.
          const keyResultWrites: Array<[string, (i: number, krId: string) => [string, string, unknown]]> = [
            [
              "checkIn",
              (i, krId) => [
                "POST",
                `/key-results/${krId}/check-ins`,
                { value: i === 0 ? "65" : "25", confidence: 7, note: `${who} checks in` },
              ],
            ],
            [
              "update",
              (i, krId) => [
                "PATCH",
                `/key-results/${krId}`,
                { title: `KR ${i} as ${who} sees it`, reason: "Probe" },
              ],
            ],
            [
              "score",
              (_i, krId) => [
                "POST",
                `/objectives/${id}/score`,
                { keyResults: [{ id: krId, selfScore: 0.6 }] },
              ],
            ],
            [
              "managerScore",
              (_i, krId) => [
                "POST",
                `/objectives/${id}/score`,
                { keyResults: [{ id: krId, managerScore: 0.7 }] },
              ],
            ],
            ["comment", (_i, krId) => ["POST", `/key-results/${krId}/comments`, { body: `${who} asks` }]],
          ];
          for (const [i, krId] of krIds.entries()) {
            for (const [ability, request] of keyResultWrites) {
              const [method, path, body] = request(i, krId);
              await probe(
                who,
                `${label} KR ${i}`,
                `keyResult.${ability}`,
                (o) => kr(i)(o)?.[ability],
                () => server.request(method, path, { as, body }),
                id,
              );
            }
          }
          const post = (path: string, body?: unknown) => () =>
            server.request("POST", `/objectives/${id}/${path}`, { as, ...(body ? { body } : {}) });
          // Each objective write, in an order that walks the workflow: edits, then submit → reject → submit → approve.
          const objectiveWrites: Array<[string, string, () => Promise<{ status: number }>]> = [
            [
              "update",
              "update",
              () =>
                server.request("PATCH", `/objectives/${id}`, {
                  as,
                  body: { description: `Edited by ${who}`, reason: "Probe" },
                }),
            ],
            [
              // Adding a KR is an edit of the objective (past aligning, an adjustment with a reason).
              "keyResult.create",
              "update",
              () =>
                server.request("POST", `/objectives/${id}/key-results`, {
                  as,
                  body: {
                    title: `Reference customers from 0 to 4 (${who})`,
                    type: "number",
                    startValue: 0,
                    targetValue: 4,
                    reason: "Probe",
                  },
                }),
            ],
            [
              "align",
              "align",
              () => server.request("PUT", `/objectives/${id}/alignment`, { as, body: { supports: [] } }),
            ],
            [
              "review",
              "review",
              () =>
                server.request("PUT", `/objectives/${id}/review`, {
                  as,
                  body: { wentWell: "a", wentBadly: "b", lessons: "c", nextSteps: "d" },
                }),
            ],
            ["comment", "comment", post("comments", { body: `${who} comments` })],
            ["submit", "submit", post("submit")],
            ["reject", "approve", post("reject", { reason: "Probe" })],
            ["submit", "submit", post("submit")],
            ["approve", "approve", post("approve")],
            ["publish", "publish", post("publish")],
          ];
          for (const [action, ability, write] of objectiveWrites)
            await probe(who, label, action, (o) => o.abilities[ability], write, id);
        }
      }

      // Deletes last: each is read, tried, and the objective restored by whoever may, for the next actor.
      for (const who of ACTORS) {
        const as = credentialsOf(company, who);
        for (const { id, label } of objectives) {
          await probe(
            who,
            label,
            "delete",
            (o) => o.abilities.delete,
            () => server.request("DELETE", `/objectives/${id}`, { as }),
            id,
          );
          const deleted = await server.request(
            "GET",
            `/objectives?cycleId=${company.cycles.quarter}&includeDeleted=true`,
            { as },
          );
          const listed = (deleted.body as Array<{ id: string; abilities: { restore: boolean } }>).find(
            (o) => o.id === id,
          );
          const restoreAllowed = listed?.abilities.restore ?? false;
          const restored = await server.request("POST", `/objectives/${id}/restore`, { as });
          probes.push({
            action: "restore",
            allowed: restoreAllowed,
            status: restored.status,
            who,
            what: label,
          });
          expect(is2xx(restored.status), `${who} restore on ${label}: ability ${restoreAllowed}`).toBe(
            restoreAllowed,
          );
          // Whoever could not restore leaves it to the owner (a 422 when it was never deleted).
          if (!is2xx(restored.status))
            await server.request("POST", `/objectives/${id}/restore`, { as: company.owner });
        }
      }
      // KR deletes, once the objectives stand again.
      for (const who of ["pat", "sue", "sam", "owner"] as const) {
        const as = credentialsOf(company, who);
        for (const { id, label } of objectives) {
          const krId = (await read(company.owner, id)).body.keyResults[0]?.id as string | undefined;
          if (!krId) continue;
          await probe(
            who,
            `${label} KR 0`,
            "keyResult.delete",
            (o) => o.keyResults.find((k: { id: string }) => k.id === krId)?.abilities.delete,
            () => server.request("DELETE", `/key-results/${krId}?reason=Probe`, { as }),
            id,
          );
        }
      }
    });
  }

  it("covers every action both ways across roles, visibilities and phases", () => {
    const actions = [
      "keyResult.checkIn",
      "keyResult.update",
      "keyResult.score",
      "keyResult.managerScore",
      "keyResult.delete",
      "keyResult.create",
      "keyResult.comment",
      "update",
      "comment",
      "align",
      "review",
      "reject",
      "submit",
      "approve",
      "publish",
      "delete",
      "restore",
    ];
    for (const action of actions) {
      const outcomes = new Set(probes.filter((p) => p.action === action).map((p) => p.allowed));
      expect([action, [...outcomes].sort()]).toEqual([action, [false, true]]);
    }
  });
});
