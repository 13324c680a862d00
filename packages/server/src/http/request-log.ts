import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

/** A request that takes longer than this is worth a line at the default level. */
const SLOW_REQUEST_MS = 1000;

/**
 * The level of a request's one log line: `debug` for the ordinary ones, `info` for server errors (5xx) and
 * slow requests — so the default level shows what needs looking at, and `LOG_LEVEL=debug` shows every
 * request. (Unexpected errors are also logged at `error` with their stack by the error handler.)
 */
export function requestLogLevel(statusCode: number, elapsedMs: number): "debug" | "info" {
  return statusCode >= 500 || elapsedMs > SLOW_REQUEST_MS ? "info" : "debug";
}

/**
 * Fastify's request logging with one line per request, written when it is answered, at the level above —
 * instead of its two lines (received, completed) at `info` for every request.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const responseTime = Math.round(reply.elapsedTime);
    if (error) {
      reply.log.error({ res: reply, err: error, responseTime }, "request errored");
      return;
    }
    request.log[requestLogLevel(reply.statusCode, reply.elapsedTime)](
      { req: request, res: reply, responseTime },
      "request completed",
    );
  }
}
