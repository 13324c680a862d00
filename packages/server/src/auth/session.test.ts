import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOrganization } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

describe.each(testDialects())("GET /session on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server.close());

  it("answers 200 whether or not anyone is signed in, so the app shell never meets a 401 on load", async () => {
    expect(await server.request("GET", "/session")).toMatchObject({ status: 200, body: { signedIn: false } });
    const { owner } = await setupOrganization(server);
    expect(await server.request("GET", "/session", { as: owner })).toMatchObject({
      status: 200,
      body: { signedIn: true },
    });
    const stale = { cookie: "luodi_session=not-a-session" };
    expect(await server.request("GET", "/session", { as: stale })).toMatchObject({
      status: 200,
      body: { signedIn: false },
    });
    expect((await server.request("POST", "/auth/logout", { as: owner })).status).toBe(204);
    expect(await server.request("GET", "/session", { as: owner })).toMatchObject({
      status: 200,
      body: { signedIn: false },
    });
  });
});
