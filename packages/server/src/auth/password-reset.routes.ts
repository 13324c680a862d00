import {
  errorResponses,
  idempotencyHeadersSchema,
  loginAnswerSchema,
  noContentSchema,
  passwordResetConfirmSchema,
  passwordResetLinkSchema,
  passwordResetRequestSchema,
  userIdParamsSchema,
  writeErrorResponses,
} from "@luodi/core";
import type { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { presentUser } from "../presenters/presenters.ts";
import { IDEMPOTENT_SECRET_CREATE, idempotentSecretCreate } from "../services/idempotency.ts";
import { linkBaseOf } from "./account-links.ts";
import { confirmPasswordReset, requestPasswordReset, resetMemberPassword } from "./password-reset.ts";
import { setSessionCookie } from "./session-cookie.ts";

export async function passwordResetRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.post(
    "/auth/password-reset",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        description:
          "忘记密码: emails a link to set a new password, valid for an hour, when the email belongs to someone " +
          "who may sign in and SMTP_URL is set. Always 202, at once: the answer never tells whether the email is known.",
        body: passwordResetRequestSchema,
        response: { 202: noContentSchema, ...errorResponses(400, 413) },
      },
    },
    async (request, reply) => {
      requestPasswordReset(ctx, {
        email: request.body.email,
        linkBase: linkBaseOf(ctx, request),
        locale: request.locale,
      });
      return reply.status(202).send();
    },
  );

  app.post(
    "/auth/password-reset/confirm",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        description:
          "Sets a new password with a reset link (once): every session of the person ends, and they are signed " +
          "in afresh (session cookie).",
        body: passwordResetConfirmSchema,
        response: { 200: loginAnswerSchema, ...errorResponses(400, 404, 413) },
      },
    },
    async (request, reply) => {
      const result = await confirmPasswordReset(ctx, request.body);
      setSessionCookie(reply, ctx, result.sessionToken);
      return { user: presentUser(result.user), organizations: result.organizations };
    },
  );

  app.post(
    "/members/:userId/password-reset",
    {
      schema: {
        tags: ["organization"],
        description:
          "Admins: the member's password stops working and their sessions end; the answer is a one-time link, " +
          `valid for a day, with which they set a new one (emailed too when SMTP_URL is set). ${IDEMPOTENT_SECRET_CREATE}`,
        params: userIdParamsSchema,
        headers: idempotencyHeadersSchema,
        response: { 200: passwordResetLinkSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const { userId } = request.params;
      const sent = await idempotentSecretCreate(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: "POST",
          path: `/members/${userId}/password-reset`,
          body: {},
        },
        async () => {
          const link = await resetMemberPassword(caller, userId, linkBaseOf(ctx, request));
          return { status: 200, ids: [userId], finish: async () => link };
        },
      );
      return reply.status(sent.status).send(sent.body as z.output<typeof passwordResetLinkSchema>);
    },
  );
}
