import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { AppError, type ErrorCode } from "@luodi/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { localeFromAcceptLanguage } from "./locale.ts";
import { setBareSecurityHeaders } from "./security-headers.ts";

/*
 * Errors raised before a request reaches a route — by the router (a URL that does not decode, an id
 * longer than the router reads) or by Node's HTTP parser (headers too large, a malformed request line, a
 * request that never finished) — leave in the contract's shape `{ error: { code, message, details } }`,
 * in the language of Accept-Language, like every other error. Fastify's own formats never reach a client.
 */

/** Longest URL (path and query) the API reads: far above any real one, far below the 16 KiB header limit. */
export const MAX_URL_LENGTH = 8192;

/** Fastify's `frameworkErrors`: the router's refusals, before any hook or route has run. */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code: ErrorCode =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "request.url_too_long"
      : error.code === "FST_ERR_BAD_URL"
        ? "request.bad_url"
        : "request.invalid";
  const locale = localeFromAcceptLanguage(request.headers["accept-language"]) ?? "en";
  const appError = new AppError(code);
  setBareSecurityHeaders(reply);
  return reply.status(appError.status).send(appError.toBody(locale));
}

/** Accept-Language read from the raw bytes of a request Node could not parse (for the message's language). */
function acceptLanguageOf(rawPacket: unknown): string | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  const match = /\r\naccept-language:[ \t]*([^\r\n]{1,200})/i.exec(
    rawPacket.subarray(0, 16_384).toString("latin1"),
  );
  return match?.[1];
}

/**
 * Fastify's `clientErrorHandler`: Node refused the request before Fastify saw it (as Fastify's default
 * does: 408 for a timeout, 431 for headers too large, 400 otherwise), answered on the socket in the
 * contract's shape.
 */
export function answerClientError(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
): void {
  // A reset connection has nobody left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const code: ErrorCode =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? "request.timeout"
      : error.code === "HPE_HEADER_OVERFLOW"
        ? "request.headers_too_large"
        : "request.invalid";
  const appError = new AppError(code);
  const locale = localeFromAcceptLanguage(acceptLanguageOf(error.rawPacket)) ?? "en";
  const body = JSON.stringify(appError.toBody(locale));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        "X-Content-Type-Options: nosniff\r\n" +
        "Connection: close\r\n\r\n" +
        body,
    );
  }
  socket.destroy(error);
}
