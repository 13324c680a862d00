import { buildCompany, PASSWORD, publish, signIn } from "@luodi/server/factories";
import type { Credentials, Reply, TestServer } from "@luodi/server/testing";
import { expect } from "vitest";

/*
 * What the fuzz suite and the authorization matrix share: the server's own OpenAPI document (the one
 * packages/server/openapi.json stores, as served at GET /api/v1/openapi.json, so an operation added to the
 * code is walked before the file is regenerated), its operations, sample bodies drawn from its schemas, a
 * company with something of every kind to point at, and a PRNG with a seed so that a failure reproduces.
 */

/** A JSON Schema as the document writes it (the parts read here). */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

type Parameter = { in: "path" | "query" | "header"; name: string; required?: boolean; schema?: Schema };

export type Operation = {
  /** GET, POST… */
  method: string;
  /** The path as the document writes it: `/objectives/{id}`. */
  path: string;
  /** `GET /objectives/{id}`: how tests name it. */
  name: string;
  parameters: Parameter[];
  body: Schema | undefined;
  /** The content types of its answers (`text/event-stream` for a stream). */
  produces: Set<string>;
};

type Document = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = ["get", "post", "put", "patch", "delete"];

/** Every operation of the server's OpenAPI document. */
export async function operationsOf(
  server: TestServer,
): Promise<{ document: Document; operations: Operation[] }> {
  const reply = await server.request("GET", "/openapi.json");
  expect(reply.status).toBe(200);
  const document = reply.body as Document;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method] as
        | {
            parameters?: Parameter[];
            requestBody?: { content?: Record<string, { schema?: Schema }> };
            responses?: Record<string, { content?: Record<string, unknown> }>;
          }
        | undefined;
      if (!op) continue;
      const produces = new Set<string>();
      for (const response of Object.values(op.responses ?? {})) {
        for (const type of Object.keys(response.content ?? {})) produces.add(type);
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        name: `${method.toUpperCase()} ${path}`,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.["application/json"]?.schema,
        produces,
      });
    }
  }
  return { document, operations };
}

/** The schema a `$ref` names, and the first branch of a union or intersection, until a plain schema. */
export function resolve(document: Document, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let depth = 0; depth < 20; depth++) {
    if (current.$ref) {
      const name = current.$ref.replace("#/components/schemas/", "");
      current = document.components?.schemas?.[name] ?? {};
    } else if (current.allOf?.[0] && !current.properties) {
      // zod writes an intersection as allOf; our schemas are plain objects, so the first part is the shape.
      current = current.allOf[0];
    } else break;
  }
  return current;
}

/** The JSON types a schema admits (`integer` counts as a number). */
export function typesOf(document: Document, schema: Schema | undefined): Set<string> {
  const resolved = resolve(document, schema);
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (branches) return new Set(branches.flatMap((branch) => [...typesOf(document, branch)]));
  if (resolved.enum) return new Set(resolved.enum.map((v) => (v === null ? "null" : typeof v)));
  if (resolved.const !== undefined) return new Set([typeof resolved.const]);
  const declared = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  return new Set(declared.map((t) => (t === "integer" ? "number" : t)));
}

/** Values for names that must point at something real, so a sample passes the checks behind the schema. */
export type Known = Record<string, unknown>;

/**
 * A small instance of a schema: the required properties only (and every property named in `known`), the
 * least each constraint asks. Good enough to pass validation, so that what the fuzzer changes is the only
 * thing wrong.
 */
export function sampleOf(
  document: Document,
  schema: Schema | undefined,
  known: Known = {},
  name = "",
): unknown {
  if (name in known) return known[name];
  const s = resolve(document, schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum.find((v) => v !== null) ?? s.enum[0];
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const first = branches.find((b) => !typesOf(document, b).has("null")) ?? branches[0];
    return sampleOf(document, first, known, name);
  }
  const types = typesOf(document, s);
  if (types.has("object") || s.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(s.properties ?? {})) {
      if (s.required?.includes(key) || key in known) out[key] = sampleOf(document, inner, known, key);
    }
    return out;
  }
  if (types.has("array")) {
    return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () =>
      sampleOf(document, s.items, known, name),
    );
  }
  if (types.has("number")) {
    const low = s.minimum ?? (s.exclusiveMinimum === undefined ? 1 : s.exclusiveMinimum + 1);
    return Math.min(Math.max(low, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (types.has("boolean")) return false;
  if (types.has("string")) {
    if (s.format === "date-time") return "2027-05-03T01:00:00.000Z";
    if (s.format === "date") return "2027-05-03";
    if (s.format === "email") return "fuzz@acme.test";
    if (s.format === "uri") return "https://example.test/hook";
    if (s.pattern?.includes("\\d")) return "1";
    return "Sample text".slice(0, Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 11, 11)));
  }
  return null;
}

/** mulberry32: a small PRNG whose seed, printed with a failure, replays the same run. */
export function prng(seed: number): {
  next: () => number;
  int: (n: number) => number;
  pick: <T>(list: readonly T[]) => T;
} {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] as (typeof list)[number] };
}

/** The contract's error body: `{ error: { code, message, details: [{ path, message }] } }`. */
export function expectErrorShape(reply: Reply, label: string): void {
  const error = reply.body?.error;
  expect(typeof error?.code, `${label}: error.code in ${JSON.stringify(reply.body)?.slice(0, 300)}`).toBe(
    "string",
  );
  expect(error.code, label).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  expect(typeof error.message, label).toBe("string");
  expect(error.message.length, label).toBeGreaterThan(0);
  expect(Array.isArray(error.details), label).toBe(true);
  for (const detail of error.details) expect(typeof detail.path, label).toBe("string");
}

/** A company with something of every kind to point at, as each role of the matrix sees it. */
export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * The company of the server tests (owner; Ada, an admin; Sam leads Sales and manages Sue; Eve leads
 * Engineering and manages Pat in Platform) with, in the quarter, in progress: Sue's personal objectives
 * — public, department-visible and private — each with a number KR and a check-in, a comment on each, a
 * Sales department objective, a meeting, a question, and a praise.
 */
export async function buildWorld(server: TestServer) {
  const company = await buildCompany(server);
  const { owner } = company;
  const as = { ...company.as, owner };
  const quarter = company.cycles.quarter;
  const ok = async (method: string, url: string, who: Credentials, body?: unknown) => {
    const reply = await server.request(method, url, { as: who, ...(body === undefined ? {} : { body }) });
    if (reply.status >= 300)
      throw new Error(`${method} ${url} → ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const objectiveOf = async (who: Credentials, title: string, extra: Record<string, unknown>) =>
    ok("POST", "/objectives", who, {
      cycleId: quarter,
      title,
      keyResults: [{ title: `${title}: from 0 to 10`, type: "number", startValue: 0, targetValue: 10 }],
      ...extra,
    });
  const objectives = {
    public: await objectiveOf(as.sue, "Public plans", { level: "personal", visibility: "public" }),
    department: await objectiveOf(as.sue, "Team plans", { level: "personal", visibility: "department" }),
    private: await objectiveOf(as.sue, "Private plans", { level: "personal", visibility: "private" }),
    sales: await objectiveOf(as.sam, "Sales grows", {
      level: "department",
      ownerDepartmentId: company.departments.sales,
    }),
  };
  await publish(server, as.sue, objectives.public.id, objectives.department.id, objectives.private.id);
  await publish(server, as.sam, objectives.sales.id);
  for (const phase of ["aligning", "in_progress"])
    await ok("POST", `/cycles/${quarter}/phase`, owner, { phase });
  const checkIns: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const [key, objective] of Object.entries(objectives)) {
    const kr = objective.keyResults[0].id as string;
    const who = key === "sales" ? as.sam : as.sue;
    checkIns[key] = (
      await ok("POST", `/key-results/${kr}/check-ins`, who, { value: 2, confidence: 7 })
    ).checkIn.id;
    comments[key] = (await ok("POST", `/objectives/${objective.id}/comments`, who, { body: "On track" })).id;
  }
  const meeting = await ok("POST", "/meetings", owner, {
    kind: "weekly",
    title: "Company weekly",
    cycleId: quarter,
    scheduledAt: "2027-04-20T01:00:00Z",
  });
  // Someone for the writes about a person (a password reset, a role) to land on, so no one signed in is touched.
  const tim = (
    await ok("POST", "/members", owner, {
      email: "tim@acme.test",
      name: "Tim Target",
      password: PASSWORD,
      role: "member",
      departmentId: company.departments.sales,
      managerId: company.users.sam,
    })
  ).userId as string;
  const asTim = await signIn(server, "tim@acme.test");
  const question = await ok("POST", "/questions", as.pat, { body: "What comes next?", anonymous: false });
  const recognition = await ok("POST", "/recognitions", as.sam, {
    toUserIds: [company.users.sue],
    message: "Great demo",
  });
  // A webhook written as stored, past the SSRF check of its creation.
  const webhook = "0192f4b0-0000-7000-8000-00000000beef";
  await server.db.db
    .insertInto("webhook")
    .values({
      orgId: company.orgId,
      id: webhook,
      // Loopback: refused by the SSRF rule at send time (these servers allow no private webhooks), so nothing leaves.
      url: "http://127.0.0.1:9/luodi",
      events: JSON.stringify(["objective.published"]),
      secret: "a-secret-of-sixteen-or-more",
      createdBy: company.ownerId,
      createdAt: "2027-04-01T00:00:00.000Z",
    })
    .execute();
  return {
    company,
    webhook,
    as: { ...as, tim: asTim },
    quarter,
    objectives,
    keyResults: Object.fromEntries(
      Object.entries(objectives).map(([key, o]) => [key, o.keyResults[0].id as string]),
    ) as Record<keyof typeof objectives, string>,
    checkIns: checkIns as Record<keyof typeof objectives, string>,
    comments: comments as Record<keyof typeof objectives, string>,
    tim,
    meeting: meeting.id as string,
    question: question.id as string,
    recognition: recognition.id as string,
  };
}

/** Values the samples take for names that must point at something real in the world. */
export function knownOf(world: World): Known {
  const { company } = world;
  return {
    cycleId: world.quarter,
    departmentId: company.departments.sales,
    parentId: company.rootDepartmentId,
    ownerDepartmentId: company.departments.sales,
    ownerUserId: company.users.sue,
    userId: company.users.sue,
    toUserIds: [company.users.sue],
    objectiveId: world.objectives.public.id,
    keyResultId: world.keyResults.public,
    meetingId: world.meeting,
    startDate: "2027-07-01",
    endDate: "2027-09-30",
  };
}

/**
 * The path with its parameters filled: the world's object of the kind the path names, the private one where
 * visibility matters (so a probe of a hidden thing is tested), or a fresh id.
 */
export function fillPath(
  path: string,
  world: World,
  pick: keyof World["objectives"] = "public",
  override?: { name: string; value: string },
): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    // The override goes in as written: the fuzzer's values are percent-encoded already (or broken on purpose).
    if (override?.name === name) return override.value;
    if (name === "emoji") return encodeURIComponent("👍");
    if (name === "userId") return world.tim;
    const resource = path.split("/")[1];
    switch (resource) {
      case "objectives":
        return world.objectives[pick].id;
      case "key-results":
        return world.keyResults[pick];
      case "check-ins":
        return world.checkIns[pick];
      case "comments":
        return world.comments[pick];
      case "cycles":
        return world.quarter;
      case "departments":
        return world.company.departments.sales;
      case "meetings":
        return world.meeting;
      case "questions":
        return world.question;
      case "webhooks":
        return name === "id" ? world.webhook : "0192f4b0-0000-7000-8000-000000000000";
      default:
        return "0192f4b0-0000-7000-8000-000000000000";
    }
  });
}
