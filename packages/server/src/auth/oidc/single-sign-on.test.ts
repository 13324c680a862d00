import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, setupOrganization } from "../../../test/factories.ts";
import { type Credentials, type Reply, startTestServer, type TestServer } from "../../../test/harness.ts";
import { startOidcProvider, type TestOidcProvider } from "../../../test/oidc-provider.ts";

const PUBLIC_URL = "http://luodi.test";

/** The cookies a response set, as name → value. */
function cookiesOf(headers: Record<string, unknown>): Map<string, string> {
  const header = headers["set-cookie"];
  const list = (Array.isArray(header) ? header : [header]).filter((c): c is string => typeof c === "string");
  return new Map(
    list.map((c) => {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/**
 * Goes through the provider as a browser would: from Luodi's login route to the provider, its login page,
 * the password, and back with a code. Answers the callback's URL (path and query) and the state cookie,
 * without calling it, so a test may call it as it likes.
 */
async function throughProvider(
  server: TestServer,
  provider: TestOidcProvider,
  person: { username: string; password: string },
  options: { next?: string } = {},
): Promise<{ callback: string; stateCookie: string; authorizeUrl: URL; loginReply: Reply }> {
  const loginReply = await server.request(
    "GET",
    `/auth/oidc/login${options.next ? `?next=${encodeURIComponent(options.next)}` : ""}`,
  );
  expect(loginReply.status).toBe(302);
  const stateCookie = `luodi_sso_state=${cookiesOf(loginReply.headers).get("luodi_sso_state")}`;
  const authorizeUrl = new URL(String(loginReply.headers.location));
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let response = await go(authorizeUrl.href);
  // The provider's interaction (its login page), then back to the authorization endpoint, then to Luodi.
  for (let hops = 0; hops < 6; hops++) {
    const location = response.headers.get("location");
    if (!location) throw new Error(`the provider stopped at ${response.status}: ${await response.text()}`);
    const next = new URL(location, provider.issuer);
    if (next.href.startsWith(PUBLIC_URL))
      return { callback: next.href.slice(PUBLIC_URL.length), stateCookie, authorizeUrl, loginReply };
    response = await go(next.href);
    if (response.status === 200 && next.pathname.startsWith("/interaction/")) {
      await response.text();
      response = await go(next.href, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(person).toString(),
      });
    }
  }
  throw new Error("too many redirects at the provider");
}

describe.each(testDialects())("single sign-on through a real OIDC provider on %s", (dialect) => {
  let server: TestServer;
  let provider: TestOidcProvider;
  let owner: Credentials;
  let rootDepartmentId: string;

  /** Signs in through the provider and calls the callback as the browser would. */
  const ssoSignIn = async (username: string, headers: Record<string, string> = {}) => {
    const account = provider.accounts.get(username);
    const walk = await throughProvider(server, provider, { username, password: account?.password ?? "" });
    const reply = await server.request("GET", walk.callback, {
      headers: { cookie: walk.stateCookie, ...headers },
    });
    return { reply, walk };
  };
  const signedInAs = async (reply: Reply) => {
    const session = cookiesOf(reply.headers).get("luodi_session");
    expect(session, JSON.stringify(reply.body)).toBeTruthy();
    const as = { cookie: `luodi_session=${session}` };
    const me = await server.request("GET", "/me", { as });
    expect(me.status).toBe(200);
    return { as, me: me.body };
  };
  const countRows = async (table: "user" | "membership" | "userIdentity") =>
    Number(
      (
        await server.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    provider = await startOidcProvider();
    provider.register(`${PUBLIC_URL}/api/v1/auth/oidc/callback`);
    server = await startTestServer(dialect, undefined, {
      config: {
        publicUrl: PUBLIC_URL,
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          name: "Keycloak",
        },
      },
    });
    ({ owner, rootDepartmentId } = await setupOrganization(server));
  });
  afterAll(async () => {
    await server?.close();
    await provider?.close();
  });

  it("tells the sign-in page that single sign-on is on, and by which name", async () => {
    const reply = await server.request("GET", "/auth/oidc");
    expect(reply.body).toEqual({ enabled: true, name: "Keycloak", passwordLoginDisabled: false });
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce, the state in an HttpOnly cookie", async () => {
    const reply = await server.request("GET", "/auth/oidc/login");
    expect(reply.status).toBe(302);
    const url = new URL(String(reply.headers.location));
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe(provider.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(`${PUBLIC_URL}/api/v1/auth/oidc/callback`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("nonce")).toBeTruthy();
    const state = url.searchParams.get("state");
    expect(state).toBeTruthy();
    const cookie = String(reply.headers["set-cookie"]);
    expect(cookie).toContain(`luodi_sso_state=${state}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Only the state's hash is kept, with the verifier the browser never sees.
    const rows = await server.db.db.selectFrom("oidcLoginRequest").selectAll().execute();
    expect(rows.map((r) => r.id)).not.toContain(state);
    expect(rows.some((r) => r.codeVerifier.length >= 43)).toBe(true);
  });

  let firstUserId: string;

  it("provisions a new person on first sign-in into the root department, as a member, audited", async () => {
    provider.accounts.set("li.na", {
      password: "idp-pass",
      email: "Li.Na@Acme.test",
      emailVerified: true,
      name: "李娜",
    });
    const users = await countRows("user");
    const { reply } = await ssoSignIn("li.na");
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe("/");
    expect(String(reply.headers["set-cookie"])).toMatch(/luodi_session=[^;]+;.*HttpOnly/i);
    const { me } = await signedInAs(reply);
    expect(me.user).toMatchObject({ email: "li.na@acme.test", name: "李娜" });
    expect(me.membership).toMatchObject({ role: "member", departmentId: rootDepartmentId, status: "active" });
    expect(await countRows("user")).toBe(users + 1);
    firstUserId = me.user.id;
    const audit = await server.request("GET", `/audit?actorId=${firstUserId}`, { as: owner });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.login", "member.create"]));
    const login = audit.body.items.find((e: { action: string }) => e.action === "auth.login");
    expect(login.after).toMatchObject({ method: "sso", provisioned: true });
  });

  it("signs the same person in again without provisioning anyone, and lands on `next`", async () => {
    const users = await countRows("user");
    const members = await countRows("membership");
    const walk = await throughProvider(
      server,
      provider,
      { username: "li.na", password: "idp-pass" },
      { next: "/okrs?mine=1" },
    );
    const reply = await server.request("GET", walk.callback, { headers: { cookie: walk.stateCookie } });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe("/okrs?mine=1");
    const { me } = await signedInAs(reply);
    expect(me.user.id).toBe(firstUserId);
    expect(await countRows("user")).toBe(users);
    expect(await countRows("membership")).toBe(members);
  });

  it("never follows a `next` that leaves the site", async () => {
    const walk = await throughProvider(
      server,
      provider,
      { username: "li.na", password: "idp-pass" },
      { next: "//evil.test/x" },
    );
    const reply = await server.request("GET", walk.callback, { headers: { cookie: walk.stateCookie } });
    expect(reply.headers.location).toBe("/");
  });

  it("keeps a linked person by their subject when their email changes at the provider", async () => {
    provider.accounts.set("li.na", {
      password: "idp-pass",
      email: "na.li@elsewhere.test",
      emailVerified: false,
      name: "李娜",
    });
    const { reply } = await ssoSignIn("li.na");
    expect(reply.status).toBe(302);
    const { me } = await signedInAs(reply);
    expect(me.user.id).toBe(firstUserId);
    expect(me.user.email).toBe("li.na@acme.test");
  });

  it("links an existing account by its verified email, and signs it in", async () => {
    const created = await server.request("POST", "/members", {
      as: owner,
      body: {
        email: "sue@acme.test",
        name: "Sue",
        password: PASSWORD,
        role: "admin",
        departmentId: rootDepartmentId,
      },
    });
    expect(created.status).toBe(201);
    provider.accounts.set("s.chen", {
      password: "idp-pass",
      email: "SUE@acme.test",
      emailVerified: true,
      name: "Sue Chen",
    });
    const users = await countRows("user");
    const { reply } = await ssoSignIn("s.chen");
    const { me } = await signedInAs(reply);
    expect(me.user.id).toBe(created.body.userId);
    // Her name and role stay Luodi's; only the link is new.
    expect(me.user.name).toBe("Sue");
    expect(me.membership.role).toBe("admin");
    expect(await countRows("user")).toBe(users);
    const identity = await server.db.db
      .selectFrom("userIdentity")
      .selectAll()
      .where("subject", "=", "s.chen")
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ issuer: provider.issuer, userId: created.body.userId });
  });

  it("refuses an email the provider has not verified, creating nothing, in the caller's language", async () => {
    provider.accounts.set("mallory", {
      password: "idp-pass",
      email: "owner@acme.test",
      emailVerified: false,
      name: "Mallory",
    });
    const users = await countRows("user");
    const identities = await countRows("userIdentity");
    const { reply } = await ssoSignIn("mallory", { "accept-language": "zh-CN" });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe("auth.sso_email_unverified");
    expect(reply.body.error.message).toContain("已验证的邮箱");
    expect(cookiesOf(reply.headers).get("luodi_session")).toBeUndefined();
    expect(await countRows("user")).toBe(users);
    expect(await countRows("userIdentity")).toBe(identities);
    // No email at all is the same refusal; a browser is sent back to the sign-in page with the code.
    provider.accounts.set("nobody", { password: "idp-pass" });
    const browser = await ssoSignIn("nobody", { accept: "text/html,application/xhtml+xml" });
    expect(browser.reply.status).toBe(302);
    expect(browser.reply.headers.location).toBe("/login?ssoError=auth.sso_email_unverified");
  });

  it("refuses a callback whose state is not this browser's, or comes a second time (400)", async () => {
    provider.accounts.set("li.na", { password: "idp-pass", email: "li.na@acme.test", emailVerified: true });
    const walk = await throughProvider(server, provider, { username: "li.na", password: "idp-pass" });
    // Another browser's state cookie (an attacker's started sign-in, say) with this code: refused.
    const other = await server.request("GET", "/auth/oidc/login");
    const otherCookie = `luodi_sso_state=${cookiesOf(other.headers).get("luodi_sso_state")}`;
    for (const cookie of [otherCookie, ""]) {
      const refused = await server.request("GET", walk.callback, {
        headers: cookie ? { cookie, "accept-language": "en" } : { "accept-language": "en" },
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        error: {
          code: "auth.sso_state",
          message: "This sign-in has expired or was not started in this browser. Please sign in again.",
          details: [],
        },
      });
    }
    const taken = await server.request("GET", walk.callback, { headers: { cookie: walk.stateCookie } });
    expect(taken.status).toBe(302);
    const again = await server.request("GET", walk.callback, { headers: { cookie: walk.stateCookie } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("auth.sso_state");
  });

  it("refuses a state that has expired", async () => {
    const walk = await throughProvider(server, provider, { username: "li.na", password: "idp-pass" });
    server.clock.advance(11 * 60_000);
    const reply = await server.request("GET", walk.callback, { headers: { cookie: walk.stateCookie } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("auth.sso_state");
  });

  it("refuses a code the provider did not issue", async () => {
    const walk = await throughProvider(server, provider, { username: "li.na", password: "idp-pass" });
    const forged = walk.callback.replace(/code=[^&]+/, "code=forged-code");
    const reply = await server.request("GET", forged, { headers: { cookie: walk.stateCookie } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("auth.sso_failed");
  });

  it("puts newcomers in the department the admins chose", async () => {
    const sales = await server.request("POST", "/departments", {
      as: owner,
      body: { name: "Sales", parentId: rootDepartmentId },
    });
    const missing = await server.request("PATCH", "/org", {
      as: owner,
      body: { settings: { ssoDefaultDepartmentId: "0192f4b0-0000-7000-8000-00000000abcd" } },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.details[0].path).toBe("settings.ssoDefaultDepartmentId");
    const chosen = await server.request("PATCH", "/org", {
      as: owner,
      body: { settings: { ssoDefaultDepartmentId: sales.body.id } },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.settings.ssoDefaultDepartmentId).toBe(sales.body.id);
    provider.accounts.set("wang.wu", {
      password: "idp-pass",
      email: "wang.wu@acme.test",
      emailVerified: true,
      name: "王五",
    });
    const { me } = await signedInAs((await ssoSignIn("wang.wu")).reply);
    expect(me.membership).toMatchObject({ departmentId: sales.body.id, role: "member" });
  });

  it("turns password sign-in off for members; owners keep it as the break-glass", async () => {
    const member = await server.request("PATCH", "/org", {
      as: { cookie: (await signedInAs((await ssoSignIn("li.na")).reply)).as.cookie },
      body: { settings: { passwordLoginDisabled: true } },
    });
    expect(member.status).toBe(403);
    const off = await server.request("PATCH", "/org", {
      as: owner,
      body: { settings: { passwordLoginDisabled: true } },
    });
    expect(off.status).toBe(200);
    expect((await server.request("GET", "/auth/oidc")).body.passwordLoginDisabled).toBe(true);
    for (const [locale, message] of [
      ["en", "Password sign-in is turned off for this organization. Use “Sign in with Keycloak”."],
      ["zh-CN", "本组织已关闭密码登录，请使用“使用 Keycloak 登录”。"],
    ] as const) {
      const refused = await server.request("POST", "/auth/login", {
        body: { email: "sue@acme.test", password: PASSWORD },
        headers: { "accept-language": locale },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toEqual({ code: "auth.password_login_disabled", message, details: [] });
      expect(cookiesOf(refused.headers).get("luodi_session")).toBeUndefined();
    }
    // A wrong password answers as before: the 403 is only for who proved the password.
    const wrong = await server.request("POST", "/auth/login", {
      body: { email: "sue@acme.test", password: "wrong one" },
    });
    expect(wrong.status).toBe(401);
    const ownerLogin = await server.request("POST", "/auth/login", {
      body: { email: "owner@acme.test", password: PASSWORD },
    });
    expect(ownerLogin.status).toBe(200);
    // Single sign-on still works for the member.
    expect((await ssoSignIn("s.chen")).reply.status).toBe(302);
    const on = await server.request("PATCH", "/org", {
      as: owner,
      body: { settings: { passwordLoginDisabled: false } },
    });
    expect(on.status).toBe(200);
    expect(
      (await server.request("POST", "/auth/login", { body: { email: "sue@acme.test", password: PASSWORD } }))
        .status,
    ).toBe(200);
  });
});

describe.each(testDialects())("without single sign-on configured, on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  it("says so, answers its routes 404, and refuses to turn password sign-in off (422)", async () => {
    const { owner } = await setupOrganization(server);
    expect((await server.request("GET", "/auth/oidc")).body).toEqual({
      enabled: false,
      name: null,
      passwordLoginDisabled: false,
    });
    for (const path of ["/auth/oidc/login", "/auth/oidc/callback?code=x&state=y"]) {
      const reply = await server.request("GET", path);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe("auth.sso_not_configured");
    }
    const refused = await server.request("PATCH", "/org", {
      as: owner,
      body: { settings: { passwordLoginDisabled: true } },
      headers: { "accept-language": "zh-CN" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("settings.sso_required");
    expect(refused.body.error.details[0].path).toBe("settings.passwordLoginDisabled");
    const org = await server.request("GET", "/org", { as: owner });
    expect(org.body.settings.passwordLoginDisabled).toBe(false);
  });
});
