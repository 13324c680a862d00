import { MAX_TITLE } from "@luodi/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { localeFromAcceptLanguage } from "./locale.ts";

describe("HTTP surface", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(async () => server.close());

  it("serves health, readiness, the OpenAPI document and the docs page", async () => {
    expect((await server.request("GET", "/healthz")).body).toEqual({ status: "ok" });
    expect((await server.request("GET", "/readyz")).body).toEqual({ status: "ready" });
    const openapi = await server.request("GET", "/api/v1/openapi.json");
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe("3.1.0");
    const paths = Object.keys(openapi.body.paths);
    for (const path of [
      "/setup",
      "/objectives",
      "/key-results/{id}/check-ins",
      "/cycles/{id}/tree",
      "/coach/review",
    ]) {
      expect(paths).toContain(path);
    }
    const body = openapi.body.paths["/objectives"].post.requestBody.content["application/json"].schema;
    expect(body.properties.title.maxLength).toBe(MAX_TITLE);
    const docs = await server.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("answers unknown routes and missing credentials in the contract's shape", async () => {
    const unauth = await server.request("GET", "/objectives");
    expect(unauth.status).toBe(401);
    expect(unauth.body.error.code).toBe("auth.required");
  });

  it("reads the caller's language from Accept-Language with q-weights", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr;q=1, zh-TW;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de")).toBeUndefined();
  });
});
