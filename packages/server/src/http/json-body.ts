import type { ZodApp } from "./types.ts";

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused), with one difference: an empty body
 * sent as `application/json` — what many clients send on a POST that takes none (logout, publish, submit,
 * approve) — is no body rather than a 400. A route that needs a body still refuses it, by its schema.
 */
export function acceptEmptyJsonBodies(app: ZodApp): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body.toString();
    if (text.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
