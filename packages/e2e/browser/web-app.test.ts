import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebServer, type WebServer } from "./harness/server.ts";

/** How the server hands out the built web app: SPA fallback, caching, and the API left alone. */
describe("serving the web app", () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  });
  afterAll(async () => server?.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: "GET", url, headers });

  it("serves index.html at / and for the SPA's own routes, never cached", async () => {
    for (const url of ["/", "/objectives/abc", "/check-in?cycle=x", "/login"]) {
      const reply = await get(url, { accept: "text/html" });
      expect(reply.statusCode, url).toBe(200);
      expect(reply.headers["content-type"], url).toContain("text/html");
      expect(reply.headers["cache-control"], url).toBe("no-cache");
      expect(reply.body, url).toContain('<div id="root">');
    }
  });

  it("caches hashed assets for a year and answers 404 (not HTML) for a missing one", async () => {
    const index = (await get("/")).body;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script ?? "");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const missing = await get("/assets/gone-123.js");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/json");
  });

  it("leaves the API's answers alone, unknown API paths included", async () => {
    expect((await get("/api/v1/setup")).json()).toEqual({ needed: true });
    const unknown = await get("/api/v1/no-such-thing");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe("auth.required");
    expect((await get("/healthz")).statusCode).toBe(200);
    expect((await server.app.inject({ method: "POST", url: "/objectives" })).statusCode).toBe(404);
  });

  it("does not hand out the build manifest", async () => {
    expect((await get("/.vite/manifest.json")).statusCode).toBe(404);
  });
});

describe("without a build of the web app", () => {
  let server: WebServer;
  const empty = mkdtempSync(join(tmpdir(), "luodi-no-dist-"));
  beforeAll(async () => {
    server = await startWebServer({ distDir: empty });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it("keeps / redirecting to the API docs", async () => {
    const reply = await server.app.inject({ method: "GET", url: "/" });
    expect(reply.statusCode).toBe(302);
    expect(reply.headers.location).toBe("/api/docs");
  });
});
