import {
  type ApiTokenAnswer,
  apiTokenInfoSchema,
  apiTokenSchema,
  errorResponses,
  idempotencyHeadersSchema,
  idParamsSchema,
  loginAnswerSchema,
  loginInputSchema,
  memberAbilities,
  meSchema,
  noContentSchema,
  profileAnswerSchema,
  profilePatchSchema,
  tokenInputSchema,
} from "@luodi/core";
import { findUser } from "@luodi/db";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { graphOf } from "../objectives/objective-access.ts";
import {
  presentApiToken,
  presentMember,
  presentOrganization,
  presentUser,
} from "../presenters/presenters.ts";
import { IDEMPOTENT_SECRET_CREATE, idempotentSecretCreate } from "../services/idempotency.ts";
import { mustExist } from "../services/must-exist.ts";
import { createApiToken, listApiTokens, MAX_API_TOKENS, revokeApiToken } from "./api-tokens.ts";
import { login } from "./login.ts";
import { logout, updateProfile } from "./profile.ts";
import { SESSION_COOKIE } from "./resolve-auth.ts";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.ts";

export async function authRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.post(
    "/auth/login",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        body: loginInputSchema,
        response: { 200: loginAnswerSchema, ...errorResponses(400, 401, 403, 404, 413, 429) },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, {
        ...request.body,
        clientAddress: request.ip,
        previousSessionToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, ctx, result.sessionToken);
      return { user: presentUser(result.user), organizations: result.organizations };
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { public: true },
      schema: { tags: ["auth"], response: { 204: noContentSchema, ...errorResponses(403, 404) } },
    },
    async (request, reply) => {
      if (request.auth) await logout(callerOf(ctx, request), request.ip);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    "/me",
    { schema: { tags: ["auth"], response: { 200: meSchema, ...errorResponses(401, 403, 404) } } },
    async (request) => {
      const caller = callerOf(ctx, request);
      const { auth } = caller;
      return {
        user: presentUser(auth.user),
        membership: presentMember(auth.membership),
        organization: presentOrganization(auth.org, auth.settings),
        abilities: memberAbilities(auth.actor, await graphOf(caller)),
      };
    },
  );

  app.patch(
    "/me",
    {
      schema: {
        tags: ["auth"],
        body: profilePatchSchema,
        response: { 200: profileAnswerSchema, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await updateProfile(caller, request.body);
      const user = await findUser(ctx.db, caller.auth.user.id);
      return { user: presentUser(mustExist(user, "user")) };
    },
  );

  app.post(
    "/tokens",
    {
      schema: {
        tags: ["auth"],
        description:
          "Issues a personal API token, shown this once (use it as `Authorization: Bearer …`). It may " +
          `expire (\`expiresAt\`, in the future). At most ${MAX_API_TOKENS} tokens per person work at once ` +
          `(422 \`token.limit\` beyond; revoked and expired ones do not count). ${IDEMPOTENT_SECRET_CREATE}`,
        headers: idempotencyHeadersSchema,
        body: tokenInputSchema,
        response: { 201: apiTokenSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentSecretCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/tokens", body: request.body },
        async () => {
          const token = await createApiToken(caller, request.body);
          return { status: 201, ids: [token.id], finish: async () => token };
        },
      );
      return reply.status(sent.status).send(sent.body as ApiTokenAnswer);
    },
  );

  app.get(
    "/tokens",
    {
      schema: {
        tags: ["auth"],
        description: "The caller's API tokens that still work, newest first; never their secret.",
        response: { 200: z.array(apiTokenInfoSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => (await listApiTokens(callerOf(ctx, request))).map(presentApiToken),
  );

  app.delete(
    "/tokens/:id",
    {
      schema: {
        tags: ["auth"],
        description: "Revokes one of the caller's API tokens; it stops working at once.",
        params: idParamsSchema,
        response: { 204: noContentSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(callerOf(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );
}
