import { randomUUID } from "node:crypto";
import { testDialects } from "@luodi/db";
import { buildCompany } from "@luodi/server/factories";
import { type Credentials, startTestServer, type TestServer } from "@luodi/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Endpoint = {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  required?: string[];
  as?: Credentials;
};

const TABLES = [
  "organization",
  "user",
  "membership",
  "department",
  "cycle",
  "objective",
  "keyResult",
  "milestone",
  "checkIn",
  "objectiveSupport",
  "auditLog",
  "session",
  "apiToken",
] as const;

/**
 * Every endpoint that takes input, fed what careless clients and attackers send: it must answer 4xx in the
 * contract's shape, name the field, never 500, and leave every table exactly as it was.
 */
describe.each(testDialects())("bad input on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let endpoints: Endpoint[];
  let ids: { objective: string; keyResult: string };
  let foreign: { cycle: string; objective: string; keyResult: string; department: string; user: string };

  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      out[table] = (await server.db.db.selectFrom(table).selectAll().execute())
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return out;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const { owner } = company;
    const objective = await server.request("POST", "/objectives", {
      as: owner,
      body: {
        cycleId: company.cycles.quarter,
        level: "company",
        title: "Customers renew because they succeed",
        keyResults: [
          {
            title: "Net revenue retention from 95% to 110%",
            type: "percentage",
            startValue: 95,
            targetValue: 110,
          },
          { title: "Playbook", type: "milestone", milestones: [{ title: "Draft" }] },
        ],
      },
    });
    const objectiveId = objective.body.id as string;
    const krId = objective.body.keyResults[0].id as string;
    ids = { objective: objectiveId, keyResult: krId };

    // Another organization in the same database, reached only through its ids.
    const now = new Date().toISOString();
    const db = server.db.db;
    foreign = {
      cycle: randomUUID(),
      objective: randomUUID(),
      keyResult: randomUUID(),
      department: randomUUID(),
      user: randomUUID(),
    };
    await db
      .insertInto("organization")
      .values({
        id: "other-org",
        name: "Other",
        locale: "en",
        timezone: "UTC",
        mission: "",
        vision: "",
        strategy: "",
        settings: "{}",
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto("user")
      .values({
        id: foreign.user,
        email: "stranger@other.test",
        name: "Stranger",
        passwordHash: null,
        locale: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto("department")
      .values({
        orgId: "other-org",
        id: foreign.department,
        parentId: null,
        name: "Other",
        leaderId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      })
      .execute();
    await db
      .insertInto("membership")
      .values({
        orgId: "other-org",
        userId: foreign.user,
        role: "owner",
        departmentId: foreign.department,
        managerId: null,
        title: null,
        status: "active",
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto("cycle")
      .values({
        orgId: "other-org",
        id: foreign.cycle,
        name: "Q",
        kind: "quarter",
        startDate: "2027-04-01",
        endDate: "2027-06-30",
        parentId: null,
        phase: "planning",
        phaseDue: "{}",
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto("objective")
      .values({
        orgId: "other-org",
        id: foreign.objective,
        cycleId: foreign.cycle,
        level: "company",
        ownerDepartmentId: foreign.department,
        ownerUserId: null,
        title: "Theirs",
        description: "",
        weight: 1,
        visibility: "public",
        status: "draft",
        progress: 0,
        health: "on_track",
        score: null,
        parentObjectiveId: null,
        parentKeyResultId: null,
        review: null,
        rejectReason: null,
        createdBy: foreign.user,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      })
      .execute();
    await db
      .insertInto("keyResult")
      .values({
        orgId: "other-org",
        id: foreign.keyResult,
        objectiveId: foreign.objective,
        ownerUserId: foreign.user,
        title: "Theirs",
        type: "number",
        unit: null,
        startValue: "0",
        targetValue: "10",
        currentValue: "0",
        direction: "increase",
        aggregation: null,
        parentKeyResultId: null,
        weight: 1,
        confidence: 5,
        progress: 0,
        progressRaw: 0,
        health: "on_track",
        selfScore: null,
        managerScore: null,
        score: null,
        scoreComment: null,
        position: 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      })
      .execute();

    const d = company.departments;
    endpoints = [
      {
        method: "POST",
        path: "/setup",
        body: {
          organization: { name: "X", locale: "en", timezone: "UTC" },
          admin: { email: "a@b.test", name: "A", password: "password123" },
        },
        required: ["organization", "admin"],
      },
      {
        method: "POST",
        path: "/auth/login",
        body: { email: "owner@acme.test", password: "x" },
        required: ["email", "password"],
      },
      { method: "POST", path: "/tokens", body: { name: "ci" }, required: ["name"] },
      { method: "PATCH", path: "/me", body: { name: "New Name" } },
      { method: "PATCH", path: "/org", body: { name: "Acme 2", mission: "Help teams land" } },
      {
        method: "POST",
        path: "/departments",
        body: { name: "Ops", parentId: company.rootDepartmentId },
        required: ["name", "parentId"],
      },
      { method: "PATCH", path: `/departments/${d.sales}`, body: { name: "Sales East" } },
      {
        method: "POST",
        path: "/members",
        body: { email: "new@acme.test", name: "New", role: "member", departmentId: d.sales },
        required: ["email", "name", "role", "departmentId"],
      },
      { method: "PATCH", path: `/members/${company.users.sue}`, body: { title: "AE" } },
      {
        method: "POST",
        path: "/cycles",
        body: { name: "Q3", kind: "quarter", startDate: "2027-07-01", endDate: "2027-09-30" },
        required: ["name", "kind", "startDate", "endDate"],
      },
      { method: "PATCH", path: `/cycles/${company.cycles.quarter}`, body: { name: "Q2 2027" } },
      {
        method: "POST",
        path: `/cycles/${company.cycles.quarter}/phase`,
        body: { phase: "aligning" },
        required: ["phase"],
      },
      {
        method: "POST",
        path: "/objectives",
        body: {
          cycleId: company.cycles.quarter,
          level: "company",
          title: "Win",
          keyResults: [{ title: "ARR from 1 to 2", type: "number", startValue: 1, targetValue: 2 }],
        },
        required: ["cycleId", "level", "title"],
      },
      { method: "PATCH", path: `/objectives/${objectiveId}`, body: { title: "Customers renew and grow" } },
      {
        method: "PUT",
        path: `/objectives/${objectiveId}`,
        body: { title: "Customers renew and grow", keyResults: [] },
        required: ["title", "keyResults"],
      },
      {
        method: "POST",
        path: `/objectives/${objectiveId}/reject`,
        body: { reason: "Too vague" },
        required: ["reason"],
      },
      { method: "PUT", path: `/objectives/${objectiveId}/alignment`, body: { supports: [] } },
      {
        method: "POST",
        path: `/objectives/${objectiveId}/key-results`,
        body: { title: "Logos from 10 to 20", type: "number", startValue: 10, targetValue: 20 },
        required: ["title", "type"],
      },
      { method: "PATCH", path: `/key-results/${krId}`, body: { title: "NRR from 95% to 112%" } },
      {
        method: "POST",
        path: `/key-results/${krId}/check-ins`,
        body: { value: 100, confidence: 6, note: "ok" },
        required: ["confidence"],
      },
      {
        method: "POST",
        path: `/objectives/${objectiveId}/score`,
        body: { keyResults: [{ id: krId, selfScore: 0.5 }] },
        required: ["keyResults"],
      },
      {
        method: "PUT",
        path: `/objectives/${objectiveId}/review`,
        body: { wentWell: "a", wentBadly: "b", lessons: "c", nextSteps: "d" },
        required: ["wentWell", "wentBadly", "lessons", "nextSteps"],
      },
      {
        method: "POST",
        path: "/coach/review",
        body: { objective: { title: "Grow" }, keyResults: [{ title: "Revenue from 1 to 2" }] },
        required: ["objective", "keyResults"],
      },
    ];
  });
  afterAll(async () => server.close());

  const send = (e: Endpoint, options: { body?: unknown; raw?: string; path?: string }) =>
    server.request(e.method, options.path ?? e.path, {
      as: e.as ?? company.owner,
      ...(options.raw !== undefined ? { raw: options.raw } : { body: options.body }),
    });

  const expectClientError = (
    reply: { status: number; body: { error?: { code: string; message: string; details: unknown[] } } },
    label: string,
  ) => {
    expect(reply.status, label).toBeGreaterThanOrEqual(400);
    expect(reply.status, label).toBeLessThan(500);
    expect(reply.body?.error?.code, label).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(typeof reply.body?.error?.message, label).toBe("string");
    expect(Array.isArray(reply.body?.error?.details), label).toBe(true);
  };

  it("refuses malformed JSON, wrong types, missing and unknown fields, and over-long or non-finite values, changing nothing", async () => {
    for (const e of endpoints) {
      const before = await snapshot();
      const body = e.body ?? {};
      const malformed = await send(e, { raw: '{"title": ' });
      expectClientError(malformed, `${e.method} ${e.path} malformed`);
      expect(malformed.body.error.code).toBe("request.malformed_json");

      const unknown = await send(e, { body: { ...body, bogusField: 1 } });
      expectClientError(unknown, `${e.method} ${e.path} unknown field`);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.map((x: { path: string }) => x.path)).toContain("bogusField");

      for (const key of Object.keys(body)) {
        const wrong = await send(e, { body: { ...body, [key]: { not: "this" } } });
        expectClientError(wrong, `${e.method} ${e.path} wrong type for ${key}`);
        expect(
          wrong.body.error.details.some((x: { path: string }) => x.path.startsWith(key)),
          `${e.path} ${key} path`,
        ).toBe(true);
        const value = body[key];
        if (typeof value === "string") {
          const long = await send(e, { body: { ...body, [key]: "长".repeat(20_001) } });
          expectClientError(long, `${e.method} ${e.path} over-long ${key}`);
        }
        if (typeof value === "number") {
          for (const raw of ["1e400", "-1e400", "1e20"]) {
            const text = JSON.stringify({ ...body, [key]: 0 }).replace(`"${key}":0`, `"${key}":${raw}`);
            expectClientError(await send(e, { raw: text }), `${e.method} ${e.path} ${key}=${raw}`);
          }
        }
      }
      for (const key of e.required ?? []) {
        const { [key]: _dropped, ...rest } = body;
        const missing = await send(e, { body: rest });
        expectClientError(missing, `${e.method} ${e.path} missing ${key}`);
        expect(missing.body.error.details.map((x: { path: string }) => x.path)).toContain(key);
      }
      expect(await snapshot(), `${e.method} ${e.path} changed nothing`).toEqual(before);
    }
  });

  it("refuses titles over 1,000 characters and notes over 20,000", async () => {
    const before = await snapshot();
    const title = await server.request("POST", "/objectives", {
      as: company.owner,
      body: { cycleId: company.cycles.quarter, level: "company", title: "x".repeat(1001) },
    });
    expectClientError(title, "long title");
    expect(title.body.error.details[0].path).toBe("title");
    const list = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, {
      as: company.owner,
    });
    const kr = list.body[0].keyResults[0].id;
    const note = await server.request("POST", `/key-results/${kr}/check-ins`, {
      as: company.owner,
      body: { value: 1, confidence: 5, note: "n".repeat(20_001) },
    });
    expectClientError(note, "long note");
    expect(note.body.error.details[0].path).toBe("note");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses NUL and other control characters in every text, id, path param and query value with a 400, changing nothing", async () => {
    /** Every string in a body, by its dotted path. */
    const stringPaths = (value: unknown, path: string[] = []): string[][] => {
      if (typeof value === "string") return [path];
      if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, String(i)]));
      if (value && typeof value === "object")
        return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
      return [];
    };
    const withCharacter = (body: unknown, path: string[], character: string): unknown => {
      const copy = structuredClone(body) as Record<string, unknown>;
      let node: Record<string, unknown> = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      const last = path[path.length - 1] as string;
      node[last] = `${String(node[last]).slice(0, 3)}${character}x`;
      return copy;
    };
    const before = await snapshot();
    let probed = 0;
    for (const e of endpoints) {
      for (const path of stringPaths(e.body ?? {})) {
        for (const character of ["\u0000", "\u001b", "\u007f", "\u0085"]) {
          const reply = await send(e, { body: withCharacter(e.body, path, character) });
          const label = `${e.method} ${e.path} ${path.join(".")} U+${character.charCodeAt(0).toString(16)}`;
          expectClientError(reply, label);
          expect(reply.status, label).toBe(400);
          expect(reply.body.error.code, label).toBe("request.invalid");
          expect(
            reply.body.error.details.map((x: { path: string }) => x.path),
            label,
          ).toContain(path.join("."));
          probed += 1;
        }
      }
    }
    expect(probed).toBeGreaterThan(150);
    // Free text says which character and where, in the caller's language.
    const title = await server.request("PATCH", `/objectives/${ids.objective}`, {
      as: { ...company.owner, locale: "zh-CN" },
      body: { title: "增长\u0000收入" },
    });
    expect(title.status).toBe(400);
    expect(title.body.error.details).toEqual([
      { path: "title", message: "包含控制字符 U+0000（第 3 个字符），请删除。" },
    ]);
    // Ids in paths and query values: 400 at `params.…` / `querystring.…`, not a 500 from the database.
    for (const [url, field] of [
      [`/objectives/${ids.objective}%00`, "params.id"],
      [`/key-results/a%01b/check-ins`, "params.id"],
      [`/objectives?cycleId=${company.cycles.quarter}%00`, "querystring.cycleId"],
      [`/cycles/${company.cycles.quarter}/tree?departmentId=%00`, "querystring.departmentId"],
    ] as const) {
      const reply = await server.request("GET", url, { as: company.owner });
      expect(reply.status, url).toBe(400);
      expect(
        reply.body.error.details.map((x: { path: string }) => x.path),
        url,
      ).toContain(field);
    }
    const deleted = await server.request("DELETE", `/key-results/${ids.keyResult}?reason=a%00b`, {
      as: company.owner,
    });
    expect(deleted.status).toBe(400);
    expect(deleted.body.error.details[0].path).toBe("querystring.reason");
    expect(await snapshot()).toEqual(before);
  });

  it("keeps tab, line feed and carriage return where text may hold them", async () => {
    const reply = await server.request("PATCH", `/objectives/${ids.objective}`, {
      as: company.owner,
      body: { description: "Line one\r\nLine\ttwo\n" },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.description).toBe("Line one\r\nLine\ttwo\n");
    const carriageReturn = await server.request("PATCH", `/objectives/${ids.objective}`, {
      as: company.owner,
      body: { title: "One\rTwo" },
    });
    expect(carriageReturn.status).toBe(400);
  });

  it("answers 404 for unknown ids and for ids of another organization, changing nothing", async () => {
    const before = await snapshot();
    const ghost = randomUUID();
    const probes: Array<[string, string, unknown?]> = [
      ["GET", `/objectives/${ghost}`],
      ["GET", `/objectives/${foreign.objective}`],
      ["PATCH", `/objectives/${foreign.objective}`, { title: "mine now" }],
      ["DELETE", `/objectives/${foreign.objective}`],
      ["POST", `/objectives/${foreign.objective}/publish`],
      ["GET", `/objectives/${foreign.objective}/history`],
      ["GET", `/key-results/${foreign.keyResult}/check-ins`],
      ["POST", `/key-results/${foreign.keyResult}/check-ins`, { value: 5, confidence: 5 }],
      ["PATCH", `/key-results/${foreign.keyResult}`, { title: "x" }],
      ["DELETE", `/key-results/${ghost}`],
      ["GET", `/cycles/${foreign.cycle}`],
      ["GET", `/cycles/${foreign.cycle}/tree`],
      ["GET", `/cycles/${foreign.cycle}/dashboard`],
      ["POST", `/cycles/${foreign.cycle}/phase`, { phase: "aligning" }],
      ["PATCH", `/departments/${foreign.department}`, { name: "x" }],
      ["DELETE", `/departments/${ghost}`],
      ["PATCH", `/members/${foreign.user}`, { title: "x" }],
      ["POST", "/objectives", { cycleId: foreign.cycle, level: "company", title: "Into their cycle" }],
      ["POST", "/departments", { name: "x", parentId: foreign.department }],
      [
        "POST",
        "/members",
        { email: "z@acme.test", name: "Z", role: "member", departmentId: foreign.department },
      ],
    ];
    for (const [method, path, body] of probes) {
      const reply = await server.request(method, path, {
        as: company.owner,
        ...(body === undefined ? {} : { body }),
      });
      expectClientError(reply, `${method} ${path}`);
      expect(reply.status, `${method} ${path}`).toBe(404);
    }
    const wrongOrg = await server.request("GET", "/me", { as: { ...company.owner, orgId: "other-org" } });
    expect(wrongOrg.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 409 and changes nothing when a write is based on an old version", async () => {
    const list = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, {
      as: company.owner,
    });
    const objective = list.body[0];
    const first = await server.request("PATCH", `/objectives/${objective.id}`, {
      as: company.owner,
      body: { title: "Customers renew because they win", version: objective.version },
    });
    expect(first.status).toBe(200);
    const before = await snapshot();
    const stale = await server.request("PATCH", `/objectives/${objective.id}`, {
      as: company.owner,
      headers: { "if-match": String(objective.version) },
      body: { title: "Lost update" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version.conflict");
    expect(await snapshot()).toEqual(before);
  });
});
