import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

// What fetch wrappers and HTTP libraries send on a POST without a body: the JSON content type, no bytes.
const EMPTY_JSON = { raw: "", headers: { "content-type": "application/json" } };

describe.each(testDialects())("empty JSON bodies on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  const draft = async (title: string) => {
    const created = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: { cycleId: company.cycles.quarter, level: "personal", title },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  it("accepts an empty application/json body on the workflow POSTs that take none", async () => {
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
    const approved = await draft("Renewals come in early");
    const submit = await server.request("POST", `/objectives/${approved}/submit`, {
      as: company.as.sue,
      ...EMPTY_JSON,
    });
    expect(submit.status).toBe(200);
    expect(submit.body.status).toBe("submitted");
    const approve = await server.request("POST", `/objectives/${approved}/approve`, {
      as: company.as.sam,
      ...EMPTY_JSON,
    });
    expect(approve.status).toBe(200);
    expect(approve.body.status).toBe("published");

    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: false } },
    });
    const published = await draft("Customers renew without a call");
    const publish = await server.request("POST", `/objectives/${published}/publish`, {
      as: company.as.sue,
      ...EMPTY_JSON,
    });
    expect(publish.status).toBe(200);
    expect(publish.body.status).toBe("published");
  });

  it("accepts an empty application/json body on sign-out", async () => {
    const logout = await server.request("POST", "/auth/logout", { as: company.as.pat, ...EMPTY_JSON });
    expect(logout.status).toBe(204);
    expect((await server.request("GET", "/me", { as: company.as.pat })).status).toBe(401);
  });

  it("still refuses an empty body where the route needs one, and malformed or poisoned JSON", async () => {
    const empty = await server.request("POST", "/objectives", { as: company.as.sue, ...EMPTY_JSON });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("request.invalid");
    const malformed = await server.request("POST", "/objectives", { as: company.as.sue, raw: "{" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("request.malformed_json");
    const poisoned = await server.request("POST", "/coach/review", {
      as: company.as.sue,
      raw: '{"objective":{"title":"x"},"keyResults":[],"__proto__":{"isAdmin":true}}',
    });
    expect(poisoned.status).toBe(400);
  });
});
