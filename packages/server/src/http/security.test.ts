import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect as connectSocket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOrganization } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import { buildApp } from "../app.ts";
import { configFromEnv } from "../config.ts";

/*
 * Issue 15: cross-site writes (CSRF), response headers, and the errors raised before a route runs. The
 * app is addressed as http://luodi.test:3000 (its Host), like a browser would address it.
 */
const HOST = "luodi.test:3000";
const APP_ORIGIN = "http://luodi.test:3000";

describe.each(testDialects())("security at the HTTP edge, on %s", (dialect) => {
  let server: TestServer;
  let owner: Credentials;
  let token: string;
  let cycleId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    ({ owner } = await setupOrganization(server));
    const created = await server.request("POST", "/tokens", { as: owner, body: { name: "ci" } });
    token = created.body.token;
    const cycle = await server.request("POST", "/cycles", {
      as: owner,
      body: { name: "Q2", kind: "quarter", startDate: "2027-04-01", endDate: "2027-06-30" },
    });
    cycleId = cycle.body.id;
  });
  afterAll(async () => server.close());

  const draft = async () => {
    const created = await server.request("POST", "/objectives", {
      as: owner,
      body: { cycleId, level: "company", title: "Customers renew because they succeed" },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const statusOf = async (id: string) =>
    (await server.request("GET", `/objectives/${id}`, { as: owner })).body.status as string;

  it("refuses a cookie write from another origin — the empty text/plain publish of the probe — with 403 request.cross_origin", async () => {
    const id = await draft();
    // What a form or a no-cors fetch on another site sends: the session cookie, an empty text/plain body.
    const forged = await server.app.inject({
      method: "POST",
      url: `/api/v1/objectives/${id}/publish`,
      headers: {
        host: HOST,
        origin: "http://evil.test",
        cookie: owner.cookie as string,
        "content-type": "text/plain",
        "accept-language": "zh-CN",
      },
      payload: "",
    });
    expect(forged.statusCode).toBe(403);
    expect(JSON.parse(forged.body)).toEqual({
      error: {
        code: "request.cross_origin",
        message: "该请求来自其他网站，已被拒绝。请在落地系统中重新操作。",
        details: [],
      },
    });
    expect(await statusOf(id)).toBe("draft");
  });

  // Without PUBLIC_URL only the Host is known (a TLS proxy in front hides the scheme): host and port count.
  it("tells origins apart by host and port, and reads Sec-Fetch-Site when Origin is absent", async () => {
    const publish = (id: string, headers: Record<string, string>, as: Credentials = owner) =>
      server.request("POST", `/objectives/${id}/publish`, { as, headers: { host: HOST, ...headers } });
    const refused: Array<Record<string, string>> = [
      { origin: "http://luodi.test:5173" }, // another port of the same host
      { origin: "http://sub.luodi.test:3000" },
      { origin: "null" }, // a sandboxed frame
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of refused) {
      const id = await draft();
      const reply = await publish(id, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.body.error.code).toBe("request.cross_origin");
      expect(await statusOf(id)).toBe("draft");
    }
    const allowed: Array<[Record<string, string>, Credentials]> = [
      [{ origin: APP_ORIGIN }, owner],
      [{ "sec-fetch-site": "same-origin" }, owner],
      [{}, owner], // scripts and the CLI send no Origin
      [{ origin: "http://evil.test" }, { token }], // a bearer token is no ambient credential
    ];
    for (const [headers, as] of allowed) {
      const id = await draft();
      const reply = await publish(id, headers, as);
      expect(reply.status, JSON.stringify(headers)).toBe(200);
      expect(await statusOf(id)).toBe("published");
    }
    // Reads are never refused: a cross-origin page cannot read the answer anyway.
    const read = await server.request("GET", "/me", {
      as: owner,
      headers: { host: HOST, origin: "http://evil.test" },
    });
    expect(read.status).toBe(200);
  });

  it("refuses a sign-in posted from another origin (login CSRF)", async () => {
    const reply = await server.request("POST", "/auth/login", {
      body: { email: "owner@acme.test", password: "correct horse battery" },
      headers: { host: HOST, origin: "http://evil.test" },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe("request.cross_origin");
    expect(reply.headers["set-cookie"]).toBeUndefined();
  });

  it("takes the app's origin from PUBLIC_URL when set", async () => {
    const behindProxy = await startTestServer(dialect, undefined, {
      config: { publicUrl: "https://okr.example.com" },
    });
    try {
      const { owner: boss } = await setupOrganization(behindProxy);
      const send = (origin: string) =>
        behindProxy.request("POST", "/tokens", {
          as: boss,
          body: { name: "x" },
          headers: { host: "10.0.0.5:3000", origin },
        });
      expect((await send("https://okr.example.com")).status).toBe(201);
      expect((await send("http://10.0.0.5:3000")).status).toBe(403);
      expect((await send("http://okr.example.com")).status).toBe(403);
      // HSTS only with an https PUBLIC_URL.
      const page = await behindProxy.request("GET", "/session");
      expect(page.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
      expect(String(page.headers["content-security-policy"])).toContain("upgrade-insecure-requests");
    } finally {
      await behindProxy.close();
    }
  });

  it("sends a strict CSP, no framing, no referrer and nosniff on API answers and pages, and no HSTS over http", async () => {
    for (const url of ["/session", "/objectives", "/nope"]) {
      const reply = await server.request("GET", url, { as: owner });
      const csp = String(reply.headers["content-security-policy"]);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).toContain("script-src-attr 'none'");
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src "));
      expect(scriptSrc?.trim(), url).toBe("script-src 'self'");
      expect(csp, url).not.toContain("unsafe-eval");
      expect(reply.headers["x-frame-options"], url).toBe("DENY");
      expect(reply.headers["referrer-policy"], url).toBe("no-referrer");
      expect(reply.headers["x-content-type-options"], url).toBe("nosniff");
      expect(reply.headers["strict-transport-security"], url).toBeUndefined();
    }
  });

  it("gives each page its own style nonce, the one its CSP names", async () => {
    // A build as Vite writes it with html.cspNonce (packages/web/vite.config.ts).
    const distDir = mkdtempSync(join(tmpdir(), "luodi-dist-"));
    writeFileSync(
      join(distDir, "index.html"),
      '<!doctype html><html><head><meta property="csp-nonce" nonce="__LUODI_CSP_NONCE__">' +
        '<script type="module" crossorigin src="/assets/index.js" nonce="__LUODI_CSP_NONCE__"></script>' +
        "</head><body></body></html>",
    );
    const database = await createTestDatabase(dialect);
    const app = await buildApp(
      { ...configFromEnv({}), logLevel: "silent", passwordHashing: { memoryCost: 1024, timeCost: 1 } },
      { database, webDistDir: distDir },
    );
    try {
      const pages = [
        await app.inject({ method: "GET", url: "/" }),
        await app.inject({ method: "GET", url: "/objectives/x" }),
      ];
      const nonces = pages.map((page) => {
        const inPage = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(page.body)?.[1];
        const inHeader = /style-src 'self' 'nonce-([^']+)'/.exec(
          String(page.headers["content-security-policy"]),
        )?.[1];
        expect(inPage).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
        expect(inPage).toBe(inHeader);
        expect(page.body).not.toContain("__LUODI_CSP_NONCE__");
        // Scripts need no nonce: only files of the app's own origin run.
        expect(String(page.headers["content-security-policy"])).toContain("script-src 'self';");
        return inPage;
      });
      expect(nonces[0]).not.toBe(nonces[1]);
    } finally {
      await app.close();
      await database.destroy();
      rmSync(distDir, { recursive: true, force: true });
    }
  });

  it("answers router-level errors in the contract's shape, in the caller's language", async () => {
    const zh = { "accept-language": "zh-CN" };
    const cases: Array<[string, string, number, string, Record<string, string>?, string?]> = [
      ["GET", `/api/v1/objectives/${"a".repeat(200)}`, 414, "request.url_too_long"],
      ["GET", `/api/v1/objectives?cycleId=${"a".repeat(9000)}`, 414, "request.url_too_long"],
      ["GET", "/api/v1/objectives/%E0%A4%A", 400, "request.bad_url"],
      ["GET", "/api/v1/no-such-route", 404, "route.not_found", { cookie: "" }],
      ["GET", "/assets/no-such-file.js", 404, "route.not_found"],
      [
        "POST",
        "/api/v1/auth/login",
        415,
        "request.unsupported_media_type",
        { "content-type": "text/plain" },
        "x",
      ],
      [
        "POST",
        "/api/v1/auth/login",
        415,
        "request.unsupported_media_type",
        { "content-type": "application/xml" },
        "<a/>",
      ],
      [
        "POST",
        "/api/v1/auth/login",
        400,
        "request.malformed_json",
        { "content-type": "application/json" },
        "{bad",
      ],
    ];
    for (const [method, url, status, code, headers, payload] of cases) {
      for (const language of ["en", "zh-CN"] as const) {
        // Unknown API routes answer 401 to strangers: that one is asked as the owner.
        const cookie = headers?.cookie === "" ? { cookie: owner.cookie as string } : {};
        const reply = await server.app.inject({
          method: method as "GET",
          url,
          headers: { ...headers, ...cookie, ...(language === "zh-CN" ? zh : {}) },
          ...(payload ? { payload } : {}),
        });
        const label = `${method} ${url.slice(0, 60)} (${language})`;
        expect(reply.statusCode, label).toBe(status);
        const body = JSON.parse(reply.body);
        expect(Object.keys(body), label).toEqual(["error"]);
        expect(body.error.code, label).toBe(code);
        expect(body.error.details, label).toEqual([]);
        expect(/[\u4e00-\u9fff]/.test(body.error.message), label).toBe(language === "zh-CN");
        expect(reply.headers["x-content-type-options"], label).toBe("nosniff");
      }
    }
  });

  it("answers what Node's parser refuses (huge headers, a broken request line) in the contract's shape", async () => {
    const address = await server.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = new URL(address);
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connectSocket({ host: "127.0.0.1", port: Number(port) }, () => socket.write(text));
        let received = "";
        socket.on("data", (chunk) => {
          received += chunk.toString("utf8");
        });
        socket.on("close", () => resolve(received));
        socket.on("error", reject);
      });
    const huge = await raw(
      `GET /api/v1/session HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    const hugeBody = JSON.parse(huge.slice(huge.indexOf("\r\n\r\n") + 4));
    expect(hugeBody).toEqual({
      error: { code: "request.headers_too_large", message: "请求头过大。", details: [] },
    });
    const broken = await raw("GET /api/v1/\u0000session HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(broken.slice(broken.indexOf("\r\n\r\n") + 4)).error.code).toBe("request.invalid");
  });
});
