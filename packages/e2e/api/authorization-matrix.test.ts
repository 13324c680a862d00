import { testDialects } from "@luodi/db";
import { type Credentials, type Reply, startTestServer, type TestServer } from "@luodi/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildWorld,
  expectErrorShape,
  fillPath,
  knownOf,
  type Operation,
  operationsOf,
  sampleOf,
  type World,
} from "./openapi-walk.ts";

/*
 * Issue 15, *Done when*: an authorization matrix generated from the OpenAPI document. Every operation of the
 * document has a row here saying who may call it — the test fails when one is missing (or a row names an
 * operation that is gone) — and each row is tried as anonymous and as each role of the company:
 *
 *   author   Sue, a member of Sales, who owns the objectives tried
 *   colleague Tim, a member of Sales beside her
 *   manager  Sam, Sue's manager and the leader of Sales
 *   leader   Eve, the leader of another department (Engineering)
 *   member   Pat, a member of another department (Platform)
 *   admin    Ada
 *   owner    the organization's owner
 *
 * and, for what belongs to an objective, on Sue's public, department-visible and private objective.
 * Anonymous callers get 401 wherever sign-in is needed. A role the rule refuses never gets a 2xx: a write
 * it may not do is refused with 403 when it may see the thing and 404 — exactly as for a missing one —
 * when it may not. Reads it may do answer 2xx. Writes the rule allows are not sent (they would change what
 * the other rows are tried on); the services' own tests do them.
 */

type Role = "author" | "colleague" | "manager" | "leader" | "member" | "admin" | "owner";
const ROLES: readonly Role[] = ["author", "colleague", "manager", "leader", "member", "admin", "owner"];
type Visibility = "public" | "department" | "private";
const VISIBILITIES: readonly Visibility[] = ["public", "department", "private"];

/** Who sees Sue's personal objective, by its visibility (core policy canViewObjective). */
const SEES: Record<Visibility, readonly Role[]> = {
  public: ROLES,
  department: ["author", "colleague", "manager", "admin", "owner"],
  private: ["author", "manager", "admin", "owner"],
};
/** Who may change it and its KRs, and check in (canWriteObjective, canCheckIn: the owner, her managers, admins). */
const WRITES: readonly Role[] = ["author", "manager", "admin", "owner"];
/** Who decides on it (canApprove: her manager, admins; never its owner). */
const APPROVES: readonly Role[] = ["manager", "admin", "owner"];
/** Who may edit or delete a comment (canEditComment): its author — Sue wrote those on her objectives — and admins. */
const AUTHORS: readonly Role[] = ["author", "admin", "owner"];
const ADMINS: readonly Role[] = ["admin", "owner"];

/**
 * A row of the matrix:
 * - `public`: no sign-in needed (setting up, signing in, password and invitation links, the session probe);
 * - `signedIn`: anyone signed in — their own things (profile, tokens, notifications, 1:1s) or what the whole
 *   organization reads; a write about someone else's thing answers 404 inside its service;
 * - `admin`: admins and the owner only;
 * - `objective`: on something of Sue's objective (the objective, its KR, check-in, comments), allowed to the
 *   roles of `may`, and seen by those of SEES;
 * - `roles`: the roles of `may` only; the others get `refused` (403, or 404 where the thing is hidden from them);
 * - `missing`: on a kind the world holds none of (a 1:1, a proposal, an adjustment…): every role gets 404
 *   for the id tried, and anonymous 401.
 */
type Rule =
  | { kind: "public" }
  | { kind: "signedIn" }
  | { kind: "admin" }
  | { kind: "objective"; may: readonly Role[]; orPhase?: true }
  | { kind: "roles"; may: readonly Role[]; refused: 403 | 404 }
  | { kind: "missing" };

const PUBLIC: Rule = { kind: "public" };
const SIGNED_IN: Rule = { kind: "signedIn" };
const ADMIN: Rule = { kind: "admin" };
const MISSING: Rule = { kind: "missing" };
const READ_OBJECTIVE: Rule = { kind: "objective", may: ROLES };
const WRITE_OBJECTIVE: Rule = { kind: "objective", may: WRITES };
const APPROVE_OBJECTIVE: Rule = { kind: "objective", may: APPROVES };
const EDIT_COMMENT: Rule = { kind: "objective", may: AUTHORS };
/**
 * Scoring and the review wait for their phase: a role that may see the objective may learn that the phase
 * has not come (422 `cycle.wrong_phase`) before it learns it may not score; it never scores.
 */
const SCORE_OBJECTIVE: Rule = { kind: "objective", may: WRITES, orPhase: true };

const MATRIX: Record<string, Rule> = {
  "GET /setup": PUBLIC,
  "POST /setup": PUBLIC,
  "POST /auth/login": PUBLIC,
  // Signing out without a session ends nothing: 204 for anyone, as the contract says.
  "POST /auth/logout": PUBLIC,
  "GET /me": SIGNED_IN,
  "PATCH /me": SIGNED_IN,
  "POST /tokens": SIGNED_IN,
  "GET /tokens": SIGNED_IN,
  "DELETE /tokens/{id}": SIGNED_IN,
  "GET /audit": ADMIN,
  "POST /auth/password-reset": PUBLIC,
  "POST /auth/password-reset/confirm": PUBLIC,
  "POST /members/{userId}/password-reset": ADMIN,
  "POST /invitations": ADMIN,
  "GET /invitations/{token}": PUBLIC,
  "POST /invitations/{token}/accept": PUBLIC,
  "GET /session": PUBLIC,
  // Single sign-on: what the sign-in page offers, and the two browser navigations through the provider.
  "GET /auth/oidc": PUBLIC,
  "GET /auth/oidc/login": PUBLIC,
  "GET /auth/oidc/callback": PUBLIC,
  "GET /org": SIGNED_IN,
  "PATCH /org": ADMIN,
  "GET /departments": SIGNED_IN,
  "POST /departments": ADMIN,
  "PATCH /departments/{id}": ADMIN,
  "DELETE /departments/{id}": ADMIN,
  "GET /members": SIGNED_IN,
  "POST /members": ADMIN,
  "PATCH /members/{userId}": ADMIN,
  "GET /cycles": SIGNED_IN,
  "POST /cycles": ADMIN,
  "GET /cycles/{id}": SIGNED_IN,
  "PATCH /cycles/{id}": ADMIN,
  "POST /cycles/{id}/phase": ADMIN,
  "GET /cycles/{id}/tree": SIGNED_IN,
  // The map read level by level: like the tree, each node only if the caller sees it.
  "GET /cycles/{id}/tree/nodes": SIGNED_IN,
  "GET /cycles/{id}/tree/path": SIGNED_IN,
  // Everyone exports a cycle; the file holds only what each may see (data-export/cycle-export.test.ts).
  "GET /cycles/{id}/export": SIGNED_IN,
  "GET /cycles/{id}/appraisal": ADMIN,
  // Anyone signed in imports; each row is written only where its importer may write through the API
  // (admins anyone's, leaders their departments', people their own and their reports'; data-import/import.test.ts).
  "POST /import": SIGNED_IN,
  "GET /import/template": SIGNED_IN,
  "GET /cycles/{id}/dashboard": SIGNED_IN,
  // The rollout dashboard: for those who lead people (department leaders) and admins.
  "GET /cycles/{id}/rollout": { kind: "roles", may: ["manager", "leader", "admin", "owner"], refused: 403 },
  "GET /objectives": SIGNED_IN,
  "POST /objectives": SIGNED_IN,
  "GET /objectives/{id}": READ_OBJECTIVE,
  "PATCH /objectives/{id}": WRITE_OBJECTIVE,
  "PUT /objectives/{id}": WRITE_OBJECTIVE,
  "DELETE /objectives/{id}": WRITE_OBJECTIVE,
  "POST /objectives/{id}/restore": WRITE_OBJECTIVE,
  "POST /objectives/{id}/submit": WRITE_OBJECTIVE,
  "POST /objectives/{id}/approve": APPROVE_OBJECTIVE,
  "POST /objectives/{id}/publish": WRITE_OBJECTIVE,
  "POST /objectives/{id}/reject": APPROVE_OBJECTIVE,
  "PUT /objectives/{id}/alignment": WRITE_OBJECTIVE,
  "POST /objectives/{id}/score": SCORE_OBJECTIVE,
  "PUT /objectives/{id}/review": SCORE_OBJECTIVE,
  "GET /objectives/{id}/history": READ_OBJECTIVE,
  "POST /objectives/{id}/key-results": WRITE_OBJECTIVE,
  "POST /key-results/{id}/carry-forward": WRITE_OBJECTIVE,
  "GET /key-results/{id}": READ_OBJECTIVE,
  "PATCH /key-results/{id}": WRITE_OBJECTIVE,
  "DELETE /key-results/{id}": WRITE_OBJECTIVE,
  "POST /key-results/{id}/check-ins": WRITE_OBJECTIVE,
  "GET /key-results/{id}/check-ins": READ_OBJECTIVE,
  "GET /objectives/{id}/adjustments": READ_OBJECTIVE,
  "POST /adjustments/{id}/approve": MISSING,
  "POST /adjustments/{id}/reject": MISSING,
  "POST /coach/review": SIGNED_IN,
  "GET /objectives/{id}/comments": READ_OBJECTIVE,
  "POST /objectives/{id}/comments": READ_OBJECTIVE,
  "GET /key-results/{id}/comments": READ_OBJECTIVE,
  "POST /key-results/{id}/comments": READ_OBJECTIVE,
  "GET /check-ins/{id}/comments": READ_OBJECTIVE,
  "POST /check-ins/{id}/comments": READ_OBJECTIVE,
  "GET /comments/{id}": READ_OBJECTIVE,
  "PATCH /comments/{id}": EDIT_COMMENT,
  "DELETE /comments/{id}": EDIT_COMMENT,
  "GET /comments/{id}/history": READ_OBJECTIVE,
  "PUT /comments/{id}/reactions/{emoji}": READ_OBJECTIVE,
  "DELETE /comments/{id}/reactions/{emoji}": READ_OBJECTIVE,
  "GET /recognitions": SIGNED_IN,
  "POST /recognitions": SIGNED_IN,
  "GET /one-on-ones": SIGNED_IN,
  "POST /one-on-ones": SIGNED_IN,
  "GET /one-on-ones/{id}": MISSING,
  "PATCH /one-on-ones/{id}": MISSING,
  "POST /one-on-ones/{id}/agenda": MISSING,
  "PATCH /one-on-ones/{id}/agenda/{itemId}": MISSING,
  "DELETE /one-on-ones/{id}/agenda/{itemId}": MISSING,
  "PUT /one-on-ones/{id}/private-note": MISSING,
  "POST /one-on-ones/{id}/action-items": MISSING,
  "PATCH /one-on-ones/{id}/action-items/{itemId}": MISSING,
  "GET /meetings": SIGNED_IN,
  // A company meeting: scheduled and run by admins (canCreateMeeting, canRunMeeting), seen by everyone.
  "POST /meetings": ADMIN,
  "GET /meetings/{id}": SIGNED_IN,
  "PATCH /meetings/{id}": ADMIN,
  "GET /meetings/{id}/agenda": SIGNED_IN,
  "GET /meetings/{id}/action-items": SIGNED_IN,
  "POST /meetings/{id}/action-items": ADMIN,
  "PATCH /action-items/{id}": MISSING,
  "GET /me/action-items": SIGNED_IN,
  "GET /meetings/{id}/calendar.ics": SIGNED_IN,
  // A calendar application subscribes by the feed's secret in the address, without a session.
  "GET /me/calendar.ics": PUBLIC,
  "GET /me/calendar-feed": SIGNED_IN,
  "POST /me/calendar-feed": SIGNED_IN,
  "DELETE /me/calendar-feed": SIGNED_IN,
  "GET /questions": SIGNED_IN,
  "POST /questions": SIGNED_IN,
  "PUT /questions/{id}/vote": SIGNED_IN,
  "DELETE /questions/{id}/vote": SIGNED_IN,
  "PUT /questions/{id}/answer": ADMIN,
  "GET /proposals": SIGNED_IN,
  "POST /proposals": SIGNED_IN,
  "GET /proposals/{id}": MISSING,
  "POST /proposals/{id}/back": MISSING,
  "POST /proposals/{id}/unback": MISSING,
  "POST /proposals/{id}/join": MISSING,
  "POST /proposals/{id}/leave": MISSING,
  "POST /proposals/{id}/withdraw": MISSING,
  "POST /proposals/{id}/accept": MISSING,
  "POST /proposals/{id}/reject": MISSING,
  "POST /proposals/{id}/spin-off": MISSING,
  "GET /races": SIGNED_IN,
  "GET /talent-reviews": SIGNED_IN,
  // A review of Sales: its leaders and those above, and admins (canAccessTalentReview).
  "POST /talent-reviews": { kind: "roles", may: ["manager", "admin", "owner"], refused: 403 },
  "GET /talent-reviews/{id}": MISSING,
  "PATCH /talent-reviews/{id}": MISSING,
  "GET /talent-reviews/{id}/export": MISSING,
  "GET /integrations": ADMIN,
  "POST /integrations": ADMIN,
  "PATCH /integrations/{id}": ADMIN,
  "DELETE /integrations/{id}": ADMIN,
  "POST /integrations/{id}/test": ADMIN,
  "GET /webhooks": ADMIN,
  "POST /webhooks": ADMIN,
  "DELETE /webhooks/{id}": ADMIN,
  "GET /webhooks/{id}/deliveries": ADMIN,
  "POST /webhooks/{id}/deliveries/{deliveryId}/redeliver": ADMIN,
  "POST /webhooks/{id}/ping": ADMIN,
  "GET /notifications": SIGNED_IN,
  "POST /notifications/read": SIGNED_IN,
  "GET /me/notification-settings": SIGNED_IN,
  "PUT /me/notification-settings": SIGNED_IN,
  "GET /notification-deliveries": ADMIN,
  "GET /events": SIGNED_IN,
  "GET /me/team": SIGNED_IN,
  // Tim's record: himself, his manager chain (Sam, the owner) and admins; to anyone else it does not exist.
  "GET /people/{userId}/record": {
    kind: "roles",
    may: ["colleague", "manager", "admin", "owner"],
    refused: 404,
  },
  // Sales's insights: who leads it or above, and admins; to anyone else the department's insights do not exist.
  "GET /departments/{id}/insights": { kind: "roles", may: ["manager", "admin", "owner"], refused: 404 },
  "POST /me/team/nudges": SIGNED_IN,
};

/** Streams stay open while signed in: only their refusal of anonymous callers is tried. */
const STREAMS = new Set(["GET /events"]);

describe.each(testDialects())("the authorization matrix of the OpenAPI document on %s", (dialect) => {
  let server: TestServer;
  let world: World;
  let operations: Operation[];
  let document: Awaited<ReturnType<typeof operationsOf>>["document"];
  let credentials: Record<Role, Credentials>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildWorld(server);
    ({ document, operations } = await operationsOf(server));
    const { as } = world;
    credentials = {
      author: as.sue,
      colleague: as.tim,
      manager: as.sam,
      leader: as.eve,
      member: as.pat,
      admin: as.ada,
      owner: as.owner,
    };
  }, 60_000);
  afterAll(async () => server.close());

  /** A body that passes validation, so that what answers is the rule and not the schema. */
  const bodyOf = (op: Operation, visibility: Visibility) => {
    if (!op.body) return undefined;
    const known = { ...knownOf(world), objectiveId: world.objectives[visibility].id };
    const body = sampleOf(document, op.body, known) as Record<string, unknown>;
    if (op.name === "POST /objectives/{id}/score") {
      return { keyResults: [{ id: world.keyResults[visibility], selfScore: 0.5 }] };
    }
    if (op.name === "PUT /objectives/{id}") {
      return {
        title: "Rewritten",
        keyResults: [{ id: world.keyResults[visibility], title: "Kept", type: "number", targetValue: 10 }],
      };
    }
    if (op.name === "POST /meetings") {
      // A company meeting: only admins schedule one (a department's leaders schedule the department's).
      const { departmentId: _department, ...company } = body;
      return company;
    }
    return body;
  };
  const send = async (op: Operation, as: Credentials | undefined, visibility: Visibility, path?: string) => {
    const body = bodyOf(op, visibility);
    const version = (world.objectives[visibility] as { version: number }).version;
    return server.request(op.method, `${path ?? fillPath(op.path, world, visibility)}${queryOf(op)}`, {
      ...(as ? { as } : {}),
      headers: op.method === "PUT" || op.method === "PATCH" ? { "if-match": String(version) } : {},
      ...(body === undefined ? {} : { body }),
    });
  };
  /** The query an operation needs to answer at all (the thing it is about). */
  const queryOf = (op: Operation) => {
    const needs: Record<string, string> = {
      "GET /races": `?parentObjectiveId=${world.objectives.sales.id}`,
      "GET /me/team": `?cycleId=${world.quarter}`,
      "GET /cycles/{id}/tree/path": `?objectiveId=${world.objectives.public.id}`,
      "GET /departments/{id}/insights": `?cycleId=${world.quarter}`,
    };
    return needs[op.name] ?? "";
  };
  const describeReply = (reply: Reply) => `${reply.status} ${JSON.stringify(reply.body)?.slice(0, 160)}`;

  it("has a row for every operation of the document, and none for an operation that is gone", () => {
    const names = operations.map((op) => op.name);
    expect(
      names.filter((name) => !(name in MATRIX)),
      "operations without a row",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((name) => !names.includes(name)),
      "rows without an operation",
    ).toEqual([]);
  });

  it("answers 401 to anonymous callers wherever sign-in is needed", async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const rule = MATRIX[op.name];
      if (!rule || rule.kind === "public") continue;
      const reply = await send(op, undefined, "public");
      if (reply.status !== 401) failures.push(`${op.name} → ${describeReply(reply)}`);
      else expectErrorShape(reply, op.name);
    }
    expect(failures).toEqual([]);
  });

  it("keeps what is someone's own theirs: creates on another's behalf, and their tokens", async () => {
    const { company, quarter } = world;
    const failures: string[] = [];
    const expectStatus = (label: string, reply: Reply, status: number) => {
      if (reply.status !== status)
        failures.push(`${dialect} ${label}: expected ${status}, got ${describeReply(reply)}`);
    };
    const objective = (extra: Record<string, unknown>) => ({
      cycleId: quarter,
      title: "On their behalf",
      ...extra,
    });
    for (const role of ["colleague", "leader", "member"] as const) {
      const as = credentials[role];
      expectStatus(
        `${role} creates Sue's personal objective`,
        await server.request("POST", "/objectives", {
          as,
          body: objective({ level: "personal", ownerUserId: company.users.sue }),
        }),
        403,
      );
      expectStatus(
        `${role} creates a Sales objective`,
        await server.request("POST", "/objectives", {
          as,
          body: objective({ level: "department", ownerDepartmentId: company.departments.sales }),
        }),
        403,
      );
      expectStatus(
        `${role} creates a company objective`,
        await server.request("POST", "/objectives", { as, body: objective({ level: "company" }) }),
        403,
      );
    }
    const token = await server.request("POST", "/tokens", {
      as: credentials.author,
      body: { name: "Sue's script" },
    });
    expect(token.status).toBe(201);
    for (const role of ["colleague", "manager", "member", "admin", "owner"] as const) {
      const as = credentials[role];
      const listed = await server.request("GET", "/tokens", { as });
      if (JSON.stringify(listed.body).includes(token.body.id))
        failures.push(`${dialect} ${role} lists Sue's token`);
      expectStatus(
        `${role} revokes Sue's token`,
        await server.request("DELETE", `/tokens/${token.body.id}`, { as }),
        404,
      );
    }
    expect(failures).toEqual([]);
  });

  it("refuses every role the rule refuses — 403 where it may see, 404 as if missing where it may not", async () => {
    const failures: string[] = [];
    const record = (label: string, reply: Reply, expected: number | "2xx") => {
      const ok = expected === "2xx" ? reply.status >= 200 && reply.status < 300 : reply.status === expected;
      if (!ok) failures.push(`${label}: expected ${expected}, got ${describeReply(reply)}`);
      else if (expected !== "2xx") expectErrorShape(reply, label);
    };
    for (const op of operations) {
      const rule = MATRIX[op.name];
      if (!rule || rule.kind === "public" || STREAMS.has(op.name)) continue;
      const isRead = op.method === "GET";
      for (const role of ROLES) {
        const as = credentials[role];
        const label = `${dialect} ${role} ${op.name}`;
        switch (rule.kind) {
          case "signedIn":
            // What anyone signed in may read answers them all; writes about their own things are theirs.
            if (isRead) record(label, await send(op, as, "public"), "2xx");
            break;
          case "admin":
            if (!ADMINS.includes(role)) record(label, await send(op, as, "public"), 403);
            else if (isRead) record(label, await send(op, as, "public"), "2xx");
            break;
          case "roles":
            if (!rule.may.includes(role)) record(label, await send(op, as, "public"), rule.refused);
            else if (isRead) record(label, await send(op, as, "public"), "2xx");
            break;
          case "missing":
            record(label, await send(op, as, "public"), 404);
            break;
          case "objective":
            for (const visibility of VISIBILITIES) {
              const where = `${label} on the ${visibility} objective`;
              const sees = SEES[visibility].includes(role);
              if (!sees) {
                const hidden = await send(op, as, visibility);
                const missing = await send(
                  op,
                  as,
                  visibility,
                  fillPath(op.path, world, visibility, {
                    name: op.path.match(/\{(\w+)\}/)?.[1] ?? "id",
                    value: "0192f4b0-0000-7000-8000-00000000abcd",
                  }),
                );
                record(where, hidden, 404);
                if (hidden.body?.error?.code !== missing.body?.error?.code) {
                  failures.push(
                    `${where}: hidden answers ${hidden.body?.error?.code}, missing ${missing.body?.error?.code}`,
                  );
                }
              } else if (!rule.may.includes(role)) {
                const refused = await send(op, as, visibility);
                const phase = rule.orPhase && refused.body?.error?.code === "cycle.wrong_phase";
                record(where, refused, phase ? 422 : 403);
              } else if (isRead) {
                record(where, await send(op, as, visibility), "2xx");
              }
            }
            break;
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
