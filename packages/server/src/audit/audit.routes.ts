import { auditPageSchema, auditQuerySchema, readErrorResponses } from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { listAudit } from "./list-audit.ts";

export async function auditRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        description:
          "Admins: the organization's audit log, newest first — every write, sign-in (`auth.login`), sign-out " +
          "(`auth.logout`) and failed sign-in (`auth.login_failed`, with the email tried and the client's " +
          "address), token creation and revocation. `limit` (1–200, default 50) entries a page; pass " +
          "`nextCursor` as `cursor` for the next. Narrow by `actorId`, `subjectType`, `subjectId`, `action`, " +
          "and `from` (inclusive) / `to` (exclusive).",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...readErrorResponses },
      },
    },
    async (request) => listAudit(callerOf(ctx, request), request.query),
  );
}
