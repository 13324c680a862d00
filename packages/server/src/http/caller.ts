import { AppError } from "@luodi/core";
import type { FastifyRequest } from "fastify";
import type { AppContext, Caller } from "../context.ts";

/** The signed-in caller of a request; routes that are not public always have one. */
export function callerOf(ctx: AppContext, request: FastifyRequest): Caller {
  if (!request.auth) throw new AppError("auth.required");
  return { ctx, auth: request.auth, locale: request.locale };
}

/** The version a write is based on: the If-Match header or `version` in the body. */
export function expectedVersion(
  request: FastifyRequest,
  bodyVersion: number | undefined,
): number | undefined {
  const header = request.headers["if-match"];
  if (typeof header === "string" && header.trim() !== "") {
    const parsed = Number.parseInt(header.replace(/^W\//, "").replaceAll('"', ""), 10);
    if (!Number.isSafeInteger(parsed) || parsed < 1) {
      throw new AppError("request.invalid", {}, [{ path: "If-Match" }]);
    }
    return parsed;
  }
  return bodyVersion;
}
