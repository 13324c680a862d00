import { keyResultSchema } from "@luodi/core";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { setupOrganization, signIn } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { buildApp } from "../app.ts";
import { ResponseMismatchError, responseSerializerCompiler } from "./serializer.ts";

type Schema = { $ref?: string; properties?: Record<string, unknown>; required?: string[] };
type Response = { description: string; content?: Record<string, { schema?: Schema }> };
type Operation = { responses: Record<string, Response> };
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema & Record<string, unknown>> };
};

const METHODS = new Set(["get", "put", "post", "patch", "delete"]);

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") found.add(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe("the OpenAPI document", () => {
  let server: TestServer;
  let document: Document;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
    document = (await server.request("GET", "/openapi.json")).body;
  });
  afterAll(async () => server.close());

  it("is OpenAPI 3.1 and documents a success answer with its schema for every route", async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(45);
    for (const { route, operation } of operations) {
      // A browser navigation (single sign-on's) succeeds with a redirect.
      const successes = Object.entries(operation.responses).filter(([status]) =>
        /^(2\d\d|302)$/.test(status),
      );
      expect(successes.length, `${route} documents no 2xx answer`).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        if (status === "204" || status === "302") {
          expect(response.content, `${route} ${status} has no body`).toBeUndefined();
          continue;
        }
        // 202 may say only "accepted" (POST /auth/password-reset), or answer what waits (an adjustment).
        if (status === "202" && response.content === undefined) continue;
        // A file (an export, a calendar) is documented by its media types (`produces`), JSON answers as JSON.
        const schema =
          response.content?.["application/json"]?.schema ?? Object.values(response.content ?? {})[0]?.schema;
        expect(schema && Object.keys(schema).length > 0, `${route} ${status} has no schema`).toBe(true);
      }
      // Errors are documented too: at least the catch-all, in the contract's error shape.
      expect(operation.responses.default?.content?.["application/json"]?.schema?.$ref, route).toBe(
        "#/components/schemas/Error",
      );
    }
    expect(document.paths["/objectives/{id}"]?.get?.responses["404"]?.description).toContain(
      "objective.not_found",
    );
  });

  it("has components for every reference, valid as JSON Schema 2020-12 ($id without a fragment)", () => {
    const schemas = document.components.schemas;
    expect(Object.keys(schemas).length).toBeGreaterThan(20);
    for (const ref of refsIn(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.slice("#/components/schemas/".length)], `${ref} is missing`).toBeDefined();
    }
    for (const [name, schema] of Object.entries(schemas)) {
      expect(schema.$id, name).toBeUndefined();
      expect(name, "input twins of output schemas would read as request bodies").not.toMatch(/Input$/);
    }
    // The alignment tree is recursive: its nodes refer to themselves.
    expect(refsIn(schemas.TreeNode)).toContain("#/components/schemas/TreeNode");
  });

  it("describes an objective with its progress, health and key results", () => {
    const objective = document.components.schemas.Objective;
    expect(objective).toBeDefined();
    for (const field of ["progress", "health", "keyResults"]) {
      expect(Object.keys(objective?.properties ?? {})).toContain(field);
      expect(objective?.required).toContain(field);
    }
    expect(objective?.properties?.keyResults).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/KeyResult" },
    });
    expect(objective).toMatchObject({ additionalProperties: false });
    // Without `limit` or `cursor` a bare list, as the first clients read it; with them, a page.
    expect(
      document.paths["/objectives"]?.get?.responses["200"]?.content?.["application/json"]?.schema,
    ).toEqual({
      anyOf: [
        { type: "array", items: { $ref: "#/components/schemas/Objective" } },
        { $ref: "#/components/schemas/ObjectivePage" },
      ],
    });
  });
});

describe("the response serializer", () => {
  const route = {
    schema: z.object({ id: z.string() }).strict(),
    method: "GET",
    url: "/x",
    httpStatus: "200",
  };

  it("only stringifies when validation is off, and checks every answer when it is on", () => {
    const extra = { id: "a", secret: "leaked" };
    expect(responseSerializerCompiler({ validateResponses: false })(route)(extra)).toBe(
      JSON.stringify(extra),
    );
    const validate = responseSerializerCompiler({ validateResponses: true });
    expect(validate(route)({ id: "a" })).toBe('{"id":"a"}');
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(() => validate(route)(extra)).toThrow(ResponseMismatchError);
      expect(String(stderr.mock.calls[0]?.[0])).toContain("GET /x answered 200");
    } finally {
      stderr.mockRestore();
    }
    // A schema that is not zod (none today) is left to plain JSON.
    expect(validate({ ...route, schema: { type: "object" } })(extra)).toBe(JSON.stringify(extra));
  });

  it("refuses a key result with a leaked or missing field", () => {
    const validate = responseSerializerCompiler({ validateResponses: true })({
      schema: keyResultSchema,
      method: "GET",
      url: "/key-results/:id",
      httpStatus: "200",
    });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(() => validate({ id: "kr" })).toThrow(/objectiveId/);
    } finally {
      stderr.mockRestore();
    }
  });
});

describe.each(testDialects())("answers checked against the document on %s", (dialect) => {
  let server: TestServer;
  let org: Awaited<ReturnType<typeof setupOrganization>>;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    org = await setupOrganization(server);
  });
  afterAll(async () => server.close());

  it("answers as documented on the routes the other suites do not reach", async () => {
    const { rootDepartmentId } = org;
    const as = await signIn(server, "owner@acme.test");
    const expectStatus = async (status: number, method: string, url: string, body?: unknown) => {
      const reply = await server.request(method, url, { as, ...(body === undefined ? {} : { body }) });
      expect(reply.status, `${method} ${url}: ${JSON.stringify(reply.body)}`).toBe(status);
      return reply.body;
    };
    await expectStatus(200, "GET", "/org");
    await expectStatus(200, "GET", "/members");
    await expectStatus(200, "PATCH", "/me", { name: "Olivia O.", locale: "zh-CN" });
    const cycle = await expectStatus(201, "POST", "/cycles", {
      name: "2027",
      kind: "annual",
      startDate: "2027-01-01",
      endDate: "2027-12-31",
    });
    await expectStatus(200, "PATCH", `/cycles/${cycle.id}`, { name: "FY2027" });
    const objective = await expectStatus(201, "POST", "/objectives", {
      cycleId: cycle.id,
      level: "company",
      ownerDepartmentId: rootDepartmentId,
      title: "Customers love the product",
      keyResults: [{ title: "NPS from 20 to 40", type: "number", startValue: 20, targetValue: 40 }],
    });
    const milestoneKr = await expectStatus(201, "POST", `/objectives/${objective.id}/key-results`, {
      title: "Onboarding guide live",
      type: "milestone",
      milestones: [{ title: "Design done" }, { title: "Live for everyone", weight: 2 }],
    });
    expect((await expectStatus(200, "GET", `/key-results/${milestoneKr.id}`)).milestones).toHaveLength(2);
    // Check-ins are taken on published objectives while the cycle is aligning or in progress.
    await expectStatus(200, "POST", `/objectives/${objective.id}/publish`);
    await expectStatus(200, "POST", `/cycles/${cycle.id}/phase`, { phase: "aligning" });
    await expectStatus(201, "POST", `/key-results/${milestoneKr.id}/check-ins`, {
      milestonesDone: [milestoneKr.milestones[0].id],
      confidence: 7,
    });
    await expectStatus(200, "GET", `/cycles/${cycle.id}/tree`);
    await expectStatus(200, "POST", "/coach/review", {
      objective: { title: "Make customers happy" },
      keyResults: [{ title: "Improve NPS" }, { title: "NPS from 20 to 40", targetValue: 40 }],
    });
    await expectStatus(204, "DELETE", `/key-results/${milestoneKr.id}`);
    await expectStatus(204, "DELETE", `/objectives/${objective.id}`);
    const department = await expectStatus(201, "POST", "/departments", {
      name: "Temporary",
      parentId: rootDepartmentId,
    });
    await expectStatus(204, "DELETE", `/departments/${department.id}`);
    const tooLarge = await server.request("POST", "/coach/review", {
      as,
      raw: JSON.stringify({ objective: { title: "x".repeat(1_100_000) }, keyResults: [] }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe("request.too_large");
    await expectStatus(204, "POST", "/auth/logout");
  });

  it("fails with 500 when an answer breaks its schema, and only when validation is on", async () => {
    const { owner } = org;
    const created = await server.request("POST", "/cycles", {
      as: owner,
      body: { name: "2027", kind: "annual", startDate: "2027-01-01", endDate: "2027-12-31" },
    });
    expect(created.status).toBe(201);
    // A kind the product does not know, as a broken migration or a bug could store it.
    await server.db.db
      .updateTable("cycle")
      // @ts-expect-error: a kind the domain does not know, on purpose
      .set({ kind: "fortnight" })
      .where("id", "=", created.body.id)
      .execute();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const checked = await server.request("GET", `/cycles/${created.body.id}`, { as: owner });
      expect(checked.status).toBe(500);
      expect(checked.body.error.code).toBe("internal.error");
      expect(String(stderr.mock.calls[0]?.[0])).toContain("kind");
      // Cached reads are sent as stored bytes; they are checked all the same.
      const objective = await server.request("POST", "/objectives", {
        as: owner,
        body: { cycleId: created.body.id, level: "company", title: "Checked when cached too" },
      });
      await server.db.db
        .updateTable("objective")
        // @ts-expect-error: a visibility the domain does not know, on purpose
        .set({ visibility: "everyone" })
        .where("id", "=", objective.body.id)
        .execute();
      const cached = await server.request("GET", `/objectives?cycleId=${created.body.id}`, { as: owner });
      expect(cached.status).toBe(500);
      expect(String(stderr.mock.calls.at(-1)?.[0])).toContain("visibility");
    } finally {
      stderr.mockRestore();
    }

    const unchecked = await buildApp(
      {
        port: 0,
        host: "127.0.0.1",
        dataDir: "",
        databaseUrl: undefined,
        publicUrl: undefined,
        logLevel: "silent",
        passwordHashing: { memoryCost: 1024, timeCost: 1 },
        now: server.clock.now,
      },
      { database: server.db },
    );
    try {
      const reply = await unchecked.inject({
        method: "GET",
        url: `/api/v1/cycles/${created.body.id}`,
        headers: { cookie: owner.cookie ?? "" },
      });
      expect(reply.statusCode).toBe(200);
      expect(reply.json().kind).toBe("fortnight");
    } finally {
      await unchecked.close();
    }
  });
});
