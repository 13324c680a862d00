import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, setupOrganization } from "../../test/factories.ts";
import { sessionCookieOf, startTestServer, type TestServer } from "../../test/harness.ts";
import { ACCOUNT_FAILURES, THROTTLE_WINDOW_MS } from "./login.ts";

describe.each(testDialects())("setup and sign-in on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server.close());

  it("sets up once, then refuses a second setup", async () => {
    expect((await server.request("GET", "/setup")).body).toEqual({ needed: true });
    const { owner, rootDepartmentId } = await setupOrganization(server);
    expect((await server.request("GET", "/setup")).body).toEqual({ needed: false });
    const again = await server.request("POST", "/setup", {
      body: {
        organization: { name: "Other", locale: "en", timezone: "UTC" },
        admin: { email: "x@y.test", name: "X", password: PASSWORD },
      },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("setup.done");
    const me = await server.request("GET", "/me", { as: owner });
    expect(me.status).toBe(200);
    expect(me.body.membership.role).toBe("owner");
    expect(me.body.membership.departmentId).toBe(rootDepartmentId);
    const departments = await server.request("GET", "/departments", { as: owner });
    expect(departments.body).toHaveLength(1);
    expect(departments.body[0].name).toBe("Acme");
  });

  it("answers wrong email and wrong password alike, in the caller's language", async () => {
    const unknown = await server.request("POST", "/auth/login", {
      body: { email: "nobody@acme.test", password: PASSWORD },
    });
    const wrong = await server.request("POST", "/auth/login", {
      body: { email: "owner@acme.test", password: "wrong password" },
      headers: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.code).toBe("auth.invalid");
    expect(wrong.body.error.code).toBe("auth.invalid");
    expect(unknown.body.error.message).toBe("Wrong email or password.");
    expect(wrong.body.error.message).toBe("邮箱或密码错误。");
  });

  it("rotates the session at login and invalidates it at logout", async () => {
    const first = await server.request("POST", "/auth/login", {
      body: { email: "owner@acme.test", password: PASSWORD },
    });
    const firstCookie = sessionCookieOf(first);
    expect(String(first.headers["set-cookie"])).toMatch(/HttpOnly/i);
    const second = await server.request("POST", "/auth/login", {
      body: { email: "OWNER@acme.test", password: PASSWORD },
      headers: { cookie: firstCookie },
    });
    const secondCookie = sessionCookieOf(second);
    expect(secondCookie).not.toBe(firstCookie);
    expect((await server.request("GET", "/me", { as: { cookie: firstCookie } })).status).toBe(401);
    expect((await server.request("GET", "/me", { as: { cookie: secondCookie } })).status).toBe(200);
    expect((await server.request("POST", "/auth/logout", { as: { cookie: secondCookie } })).status).toBe(204);
    const after = await server.request("GET", "/me", { as: { cookie: secondCookie } });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("auth.required");
  });

  it("issues API tokens that work as Bearer and are shown once", async () => {
    const owner = {
      cookie: sessionCookieOf(
        await server.request("POST", "/auth/login", {
          body: { email: "owner@acme.test", password: PASSWORD },
        }),
      ),
    };
    const created = await server.request("POST", "/tokens", { as: owner, body: { name: "script" } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^ld_/);
    const me = await server.request("GET", "/me", { as: { token: created.body.token } });
    expect(me.status).toBe(200);
    expect((await server.request("GET", "/me", { as: { token: `${created.body.token}x` } })).status).toBe(
      401,
    );
    const stored = await server.db.db.selectFrom("apiToken").select("tokenHash").execute();
    expect(stored.map((t) => t.tokenHash)).not.toContain(created.body.token);
  });

  it("throttles repeated failures with 429 and Retry-After, even for the right password", async () => {
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      const r = await server.request("POST", "/auth/login", {
        body: { email: "owner@acme.test", password: `nope-${i}` },
      });
      expect(r.status).toBe(401);
    }
    const locked = await server.request("POST", "/auth/login", {
      body: { email: "owner@acme.test", password: PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("auth.throttled");
    expect(Number(locked.headers["retry-after"])).toBe(THROTTLE_WINDOW_MS / 1000);
    server.clock.advance(THROTTLE_WINDOW_MS);
    const open = await server.request("POST", "/auth/login", {
      body: { email: "owner@acme.test", password: PASSWORD },
    });
    expect(open.status).toBe(200);
  });
});
