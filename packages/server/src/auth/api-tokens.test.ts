import { testDialects } from "@luodi/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCompany, PASSWORD, signIn } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import type { AppContext } from "../context.ts";
import type { ZodApp } from "../http/types.ts";
import { MAX_API_TOKENS } from "./api-tokens.ts";

/** How often who-is-who changed in this process: moving it makes every cached caller resolve again. */
async function identityBumpsRoute(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get("/test/identity-bumps", async () => ({ bumps: ctx.generations.identityBumps }));
}

const NEW_PASSWORD = "a brand new passphrase";

describe.each(testDialects())("API tokens on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let sam: Credentials;
  beforeEach(async () => {
    server = await startTestServer(dialect, undefined, { routes: [identityBumpsRoute] });
    company = await buildCompany(server);
    sam = await signIn(server, "sam@acme.test");
  });
  afterEach(async () => server.close());

  const create = (as: Credentials, body: Record<string, unknown>, locale = "en") =>
    server.request("POST", "/tokens", { as, body, headers: { "accept-language": locale } });
  const me = (token: string) => server.request("GET", "/me", { as: { token } });

  it("lists the caller's tokens, newest first, with their dates and never their secret", async () => {
    const first = await create(sam, { name: "ci" });
    expect(first.status).toBe(201);
    expect(first.body.expiresAt).toBeNull();
    server.clock.advance(1000);
    const expiresAt = "2027-05-15T02:00:00.000Z";
    const second = await create(sam, { name: "nightly export", expiresAt: "2027-05-15T10:00:00+08:00" });
    expect(second.status).toBe(201);
    expect(second.body.expiresAt).toBe(expiresAt);
    await create(company.owner, { name: "the owner's" });

    const listed = await server.request("GET", "/tokens", { as: sam });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: second.body.id,
        name: "nightly export",
        createdAt: "2027-04-15T02:00:01.000Z",
        lastUsedAt: null,
        expiresAt,
      },
      {
        id: first.body.id,
        name: "ci",
        createdAt: "2027-04-15T02:00:00.000Z",
        lastUsedAt: null,
        expiresAt: null,
      },
    ]);
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(first.body.token);
    expect(text).not.toContain("tokenHash");

    server.clock.advance(5000);
    const bumps = async () => (await server.request("GET", "/test/identity-bumps", { as: sam })).body.bumps;
    const before = await bumps();
    expect((await me(first.body.token)).status).toBe(200);
    const used = await server.request("GET", "/tokens", { as: sam });
    expect(used.body[1].lastUsedAt).toBe("2027-04-15T02:00:06.000Z");
    // Noting the use is no change of who may do what: no cached caller is dropped for it.
    expect(await bumps()).toBe(before);
  });

  it("revokes a token at once, though the authentication cache had it", async () => {
    const { body: token } = await create(sam, { name: "script" });
    // Resolved once, then served from the cache.
    expect((await me(token.token)).status).toBe(200);
    expect((await me(token.token)).status).toBe(200);
    expect((await server.request("DELETE", `/tokens/${token.id}`, { as: sam })).status).toBe(204);
    const after = await me(token.token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("auth.required");
    expect((await server.request("GET", "/tokens", { as: sam })).body).toEqual([]);
    const again = await server.request("DELETE", `/tokens/${token.id}`, { as: sam });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("token.not_found");
  });

  it("a token revoked with itself stops at once too", async () => {
    const { body: token } = await create(sam, { name: "self" });
    expect((await me(token.token)).status).toBe(200);
    const revoked = await server.request("DELETE", `/tokens/${token.id}`, { as: { token: token.token } });
    expect(revoked.status).toBe(204);
    expect((await me(token.token)).status).toBe(401);
  });

  it("cannot see or revoke someone else's token", async () => {
    const { body: owners } = await create(company.owner, { name: "owner" });
    const denied = await server.request("DELETE", `/tokens/${owners.id}`, {
      as: { ...sam, locale: "zh-CN" },
    });
    expect(denied.status).toBe(404);
    expect(denied.body.error.message).toBe("API 令牌不存在。");
    expect((await me(owners.token)).status).toBe(200);
    expect((await server.request("GET", "/tokens", { as: sam })).body).toEqual([]);
  });

  it("refuses an expired token, even one the cache holds, and an expiry in the past", async () => {
    const { body: token } = await create(sam, { name: "short", expiresAt: "2027-04-15T02:00:30Z" });
    expect((await me(token.token)).status).toBe(200);
    server.clock.advance(29_000);
    expect((await me(token.token)).status).toBe(200);
    server.clock.advance(1_000);
    expect((await me(token.token)).status).toBe(401);
    expect((await server.request("GET", "/tokens", { as: sam })).body).toEqual([]);

    const past = await create(sam, { name: "late", expiresAt: "2027-04-15T02:00:00Z" }, "zh-CN");
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe("request.invalid");
    expect(past.body.error.details).toEqual([{ path: "expiresAt", message: "请选择一个将来的到期时间。" }]);
    const malformed = await create(sam, { name: "late", expiresAt: "next week" });
    expect(malformed.status).toBe(400);
  });

  it(`keeps at most ${MAX_API_TOKENS} working tokens per person, even when asked in parallel`, async () => {
    for (let i = 0; i < MAX_API_TOKENS - 3; i++)
      expect((await create(sam, { name: `t${i}` })).status).toBe(201);
    const parallel = await Promise.all(Array.from({ length: 6 }, (_, i) => create(sam, { name: `p${i}` })));
    expect(parallel.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = parallel.filter((r) => r.status !== 201);
    for (const reply of refused) {
      expect(reply.status).toBe(422);
      expect(reply.body.error.code).toBe("token.limit");
      expect(reply.body.error.message).toContain(String(MAX_API_TOKENS));
    }
    const listed = await server.request("GET", "/tokens", { as: sam });
    expect(listed.body).toHaveLength(MAX_API_TOKENS);
    // Revoked ones do not count; the owner's count is their own.
    expect((await server.request("DELETE", `/tokens/${listed.body[0].id}`, { as: sam })).status).toBe(204);
    expect((await create(sam, { name: "again" })).status).toBe(201);
    expect((await create(company.owner, { name: "owner" })).status).toBe(201);
  });

  it("a password change ends the other sessions and tokens at once, and keeps the one it was made with", async () => {
    const other = await signIn(server, "sam@acme.test");
    const { body: first } = await create(sam, { name: "first" });
    const { body: second } = await create(sam, { name: "second" });
    // All of them resolved once, so the cache holds them.
    for (const as of [sam, other, { token: first.token }, { token: second.token }]) {
      expect((await server.request("GET", "/me", { as })).status).toBe(200);
    }
    const changed = await server.request("PATCH", "/me", {
      as: sam,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(200);
    expect((await server.request("GET", "/me", { as: sam })).status).toBe(200);
    expect((await server.request("GET", "/me", { as: other })).status).toBe(401);
    expect((await me(first.token)).status).toBe(401);
    expect((await me(second.token)).status).toBe(401);
    expect((await server.request("GET", "/tokens", { as: sam })).body).toEqual([]);

    // Changed with a token: that token stays, the others go.
    const { body: third } = await create(sam, { name: "third" });
    const { body: fourth } = await create(sam, { name: "fourth" });
    const byToken = await server.request("PATCH", "/me", {
      as: { token: third.token },
      body: { currentPassword: NEW_PASSWORD, newPassword: PASSWORD },
    });
    expect(byToken.status).toBe(200);
    expect((await me(third.token)).status).toBe(200);
    expect((await me(fourth.token)).status).toBe(401);
    expect((await server.request("GET", "/me", { as: sam })).status).toBe(401);
    // Someone else's credentials are untouched.
    expect((await server.request("GET", "/me", { as: company.owner })).status).toBe(200);
  });

  it("records creation and revocation in the audit log, without the secret", async () => {
    const { body: token } = await create(sam, { name: "audited" });
    await server.request("DELETE", `/tokens/${token.id}`, { as: sam });
    const entries = await server.db.db
      .selectFrom("auditLog")
      .select(["action", "actorId", "entityId", "before", "after"])
      .where("entityType", "=", "api_token")
      .orderBy("createdAt")
      .orderBy("id")
      .execute();
    expect(entries.map((e) => [e.action, e.entityId])).toEqual([
      ["token.create", token.id],
      ["token.revoke", token.id],
    ]);
    expect(JSON.stringify(entries)).not.toContain(token.token);
  });
});
