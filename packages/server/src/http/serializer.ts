import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest, FastifySerializerCompiler } from "fastify";
import { z } from "zod";
import { $ZodType, safeParse } from "zod/v4/core";
import type { ServerConfig } from "../config.ts";
import type { RawJson } from "../services/read-cache.ts";

/** An answer that does not match the response schema its route documents for that status. */
export class ResponseMismatchError extends Error {
  constructor(method: string, url: string, status: string, issues: string) {
    super(`${method} ${url} answered ${status} with a body that does not match its schema:\n${issues}`);
    this.name = "ResponseMismatchError";
  }
}

const stringify = (data: unknown): string => JSON.stringify(data);

type Issue = z.core.$ZodIssue;

/**
 * What is wrong with an answer, readably. A union (a list answered bare or as a page) reports only
 * "Invalid input"; the branch that got furthest into the answer — its issues' paths are the longest — says
 * what broke, so its issues are reported in the union's place.
 */
function describeMismatch(error: z.core.$ZodError): string {
  const closest = (issue: Issue): Issue[] => {
    if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
    const depth = (branch: Issue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    return best.flatMap((i) => closest({ ...i, path: [...issue.path, ...i.path] }));
  };
  return z.prettifyError(new z.ZodError(error.issues.flatMap(closest)));
}

/**
 * How answers are serialized. Presenters already list exactly the fields to send, so by default an answer is
 * only stringified. With `validateResponses` (the tests, or LUODI_VALIDATE_RESPONSES=1) each answer is first
 * checked against the route's zod response schema for its status, and a mismatch throws — the request then
 * fails with 500, and the mismatch is written to stderr, since test servers log nothing.
 */
export function responseSerializerCompiler(
  config: Pick<ServerConfig, "validateResponses">,
): FastifySerializerCompiler<unknown> {
  if (!config.validateResponses) return () => stringify;
  return ({ schema, method, url, httpStatus }) => {
    if (!(schema instanceof $ZodType)) return stringify;
    return (data) => {
      const result = safeParse(schema, data);
      if (!result.success) {
        const error = new ResponseMismatchError(
          method,
          url,
          String(httpStatus ?? "?"),
          describeMismatch(result.error),
        );
        process.stderr.write(`${error.message}\n`);
        throw error;
      }
      // The answer as it was given, so a checked answer reads exactly as an unchecked one.
      return stringify(data);
    };
  };
}

/**
 * Sends an answer serialized earlier (a cached read) as it is: the same bytes for every caller, no copy.
 * With `validateResponses` it is first checked against the route's schema like any other answer.
 */
export function sendRawJson(
  request: FastifyRequest,
  reply: FastifyReply,
  raw: RawJson,
  config: Pick<ServerConfig, "validateResponses">,
): FastifyReply {
  if (config.validateResponses) {
    const responses = (request.routeOptions.schema?.response ?? {}) as Record<string, unknown>;
    const schema = responses[String(reply.statusCode)] ?? responses["200"];
    if (schema instanceof $ZodType) {
      const result = safeParse(schema, JSON.parse(raw.bytes.toString("utf8")));
      if (!result.success) {
        const error = new ResponseMismatchError(
          request.method,
          request.url,
          String(reply.statusCode),
          describeMismatch(result.error),
        );
        process.stderr.write(`${error.message}\n`);
        throw error;
      }
    }
  }
  return reply.type("application/json; charset=utf-8").send(raw.bytes);
}

/** Sends JSON text that is written as it is read (an answer too large to hold whole), without checking it. */
export function sendJsonStream(reply: FastifyReply, text: Iterable<string>): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(Readable.from(text));
}
