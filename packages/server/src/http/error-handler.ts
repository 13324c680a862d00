import { AppError, messageOf } from "@luodi/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { issuesToDetails, RequestValidationError } from "./validation.ts";

/**
 * Every failure leaves in the contract's shape, in the caller's language. Bad input of any kind is a
 * 4xx; only what we did not foresee is a 500, and it is logged.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = request.locale ?? "en";
  if (error instanceof AppError) {
    // A throttled caller learns when to come back (RFC 9110 §10.2.3), in seconds.
    if (error.status === 429 && typeof error.params.seconds === "number") {
      reply.header("retry-after", String(error.params.seconds));
    }
    return reply.status(error.status).send(error.toBody(locale));
  }
  if (error instanceof RequestValidationError) {
    const details = issuesToDetails(error.issues, locale).map((d) =>
      error.part === "body" ? d : { ...d, path: d.path ? `${error.part}.${d.path}` : error.part },
    );
    return reply
      .status(400)
      .send({ error: { code: "request.invalid", message: messageOf("request.invalid", locale), details } });
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return reply.status(413).send(new AppError("request.too_large").toBody(locale));
  if (status === 415) {
    return reply.status(415).send(new AppError("request.unsupported_media_type").toBody(locale));
  }
  if (
    status === 400 &&
    (error instanceof SyntaxError ||
      fastifyError.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      /JSON/.test(fastifyError.message ?? ""))
  ) {
    return reply.status(400).send(new AppError("request.malformed_json").toBody(locale));
  }
  if (status >= 400 && status < 500) {
    const body = new AppError("request.invalid", {}, [
      { path: "", message: fastifyError.message ?? "" },
    ]).toBody(locale);
    return reply.status(status).send(body);
  }
  request.log.error({ err: error }, "unexpected error");
  return reply.status(500).send(new AppError("internal.error").toBody(locale));
}
