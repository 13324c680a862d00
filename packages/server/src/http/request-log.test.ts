import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { RequestLogController, requestLogLevel } from "./request-log.ts";

type Line = { level: number; msg: string; res?: { statusCode: number }; req?: { url: string } };

/** An app that logs at `level` into an array, with the request log of the product. */
async function appLoggingAt(level: "info" | "debug") {
  const lines: Line[] = [];
  const app = Fastify({
    logger: { level, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    logController: new RequestLogController(),
  });
  app.get("/fast", async () => "ok");
  app.get("/missing", async (_request, reply) => reply.status(404).send("no"));
  app.get("/boom", async () => {
    throw new Error("boom");
  });
  app.get("/slow", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1050));
    return "ok";
  });
  await app.ready();
  const completed = () => lines.filter((l) => l.msg === "request completed");
  return { app, completed };
}

/* Issue 13, item 10: request lines only at debug; server errors and slow requests at info. */
describe("the request log", () => {
  it.each([
    [200, 12, "debug"],
    [404, 12, "debug"],
    [500, 12, "info"],
    [503, 12, "info"],
    [200, 1001, "info"],
    [200, 1000, "debug"],
  ] as const)("logs a %i answered in %i ms at %s", (status, ms, level) => {
    expect(requestLogLevel(status, ms)).toBe(level);
  });

  it("writes nothing at the default level for ordinary requests, one line for a failure or a slow one", async () => {
    const { app, completed } = await appLoggingAt("info");
    for (const url of ["/fast", "/missing", "/boom", "/slow"]) await app.inject({ method: "GET", url });
    expect(completed().map((l) => [l.res?.statusCode, l.level])).toEqual([
      [500, 30],
      [200, 30],
    ]);
    await app.close();
  });

  it("writes one line per request at debug", async () => {
    const { app, completed } = await appLoggingAt("debug");
    await app.inject({ method: "GET", url: "/fast" });
    await app.inject({ method: "GET", url: "/missing" });
    expect(completed().map((l) => [l.res?.statusCode, l.level])).toEqual([
      [200, 20],
      [404, 20],
    ]);
    await app.close();
  });
});
