import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@luodi/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ServerMetrics } from "./server-metrics.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Compares digests, so neither the token's length nor its prefix shows in the time taken. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Who may scrape: with METRICS_TOKEN, whoever presents it as a bearer token; without, only this machine.
 * Metrics name routes and counts, not people, but they still tell an outsider how the company works.
 */
function assertMayScrape(request: FastifyRequest, token: string | undefined): void {
  if (token) {
    const header = request.headers.authorization;
    const presented = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (!sameSecret(presented, token)) throw new AppError("auth.required");
    return;
  }
  if (!LOOPBACK.has(request.ip)) throw new AppError("permission.denied");
}

/**
 * `GET /metrics` in Prometheus text: where Prometheus looks by default, and under `/api/v1` as the contract
 * lists it. Counts every answered request by route template.
 */
export async function metricsRoutes(
  app: FastifyInstance,
  deps: { metrics: ServerMetrics; token: string | undefined },
): Promise<void> {
  const { metrics, token } = deps;
  app.addHook("onResponse", async (request, reply) => {
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? null,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  for (const path of ["/metrics", "/api/v1/metrics"]) {
    app.get(path, { schema: { hide: true } }, async (request, reply) => {
      assertMayScrape(request, token);
      const text = await metrics.registry.metrics();
      return reply.header("content-type", metrics.registry.contentType).send(text);
    });
  }
}
