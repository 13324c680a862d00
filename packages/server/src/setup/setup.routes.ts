import { errorResponses, setupAnswerSchema, setupInputSchema, setupStatusSchema } from "@luodi/core";
import { findMember, findOrganization, findUser } from "@luodi/db";
import { openSession } from "../auth/login.ts";
import { parseSettings } from "../auth/resolve-auth.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import type { AppContext } from "../context.ts";
import type { ZodApp } from "../http/types.ts";
import { presentMember, presentOrganization, presentUser } from "../presenters/presenters.ts";
import { mustExist } from "../services/must-exist.ts";
import { isSetupNeeded, setupOrganization } from "./setup-organization.ts";

export async function setupRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    "/setup",
    {
      config: { public: true },
      schema: {
        tags: ["setup"],
        response: { 200: setupStatusSchema, ...errorResponses(403, 404) },
      },
    },
    async () => ({ needed: await isSetupNeeded(ctx) }),
  );

  app.post(
    "/setup",
    {
      config: { public: true },
      schema: {
        tags: ["setup"],
        body: setupInputSchema,
        response: { 201: setupAnswerSchema, ...errorResponses(400, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const { orgId, userId } = await setupOrganization(ctx, request.body);
      const [org, user, member] = await Promise.all([
        findOrganization(ctx.db, orgId),
        findUser(ctx.db, userId),
        findMember(ctx.db, orgId, userId),
      ]);
      const created = mustExist(org, "organization");
      setSessionCookie(reply, ctx, await openSession(ctx, userId));
      return reply.status(201).send({
        organization: presentOrganization(created, parseSettings(created)),
        user: presentUser(mustExist(user, "user")),
        membership: presentMember(mustExist(member, "membership")),
      });
    },
  );
}
