import {
  AppError,
  errorResponses,
  type IntegrationAnswer,
  idempotencyHeadersSchema,
  idParamsSchema,
  integrationInputSchema,
  integrationPatchSchema,
  integrationSchema,
  integrationTestResultSchema,
  noContentSchema,
  writeErrorResponses,
} from "@luodi/core";
import { findIntegration, listIntegrations } from "@luodi/db";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { presentIntegration } from "../presenters/presenters.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { mustExist } from "../services/must-exist.ts";
import {
  assertIntegrationAdmin,
  createIntegration,
  deleteIntegration,
  updateIntegration,
  vetIntegration,
} from "./integration-writes.ts";
import { testIntegration } from "./test-integration.ts";

export async function integrationRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["integrations"];

  app.get(
    "/integrations",
    {
      schema: {
        tags,
        description:
          "The organization's chat channels (Feishu/Lark, DingTalk, WeCom, Slack, Teams), oldest first. Admins.",
        response: { 200: z.array(integrationSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      assertIntegrationAdmin(caller);
      return (await listIntegrations(ctx.db, caller.auth.org.id)).map(presentIntegration);
    },
  );

  app.post(
    "/integrations",
    {
      schema: {
        tags,
        description:
          "Adds a chat channel: the platform's webhook, the notification kinds it receives, and optionally the " +
          "department whose subtree's events it receives (else the whole organization's). The webhook must be " +
          "http(s) on the public internet (422 `integration.webhook_forbidden`) unless ALLOW_PRIVATE_WEBHOOKS " +
          "is set. `secret` (Feishu, DingTalk) signs messages and is never answered. Admins. " +
          IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: integrationInputSchema,
        response: { 201: integrationSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const vetted = await vetIntegration(caller, request.body);
      const sent = await idempotentCreate(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: "POST",
          path: "/integrations",
          body: request.body,
        },
        async () => ({ status: 201, made: await createIntegration(caller, vetted) }),
        async (id) =>
          presentIntegration(mustExist(await findIntegration(ctx.db, caller.auth.org.id, id), "integration")),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as IntegrationAnswer);
    },
  );

  app.patch(
    "/integrations/:id",
    {
      schema: {
        tags,
        description:
          "Changes a chat channel; absent fields are kept (the webhook URL and the secret too), `secret: null` " +
          "removes the secret. Admins.",
        params: idParamsSchema,
        body: integrationPatchSchema,
        response: { 200: integrationSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await updateIntegration(caller, request.params.id, request.body);
      const row = await findIntegration(ctx.db, caller.auth.org.id, request.params.id);
      if (!row) throw new AppError("integration.not_found");
      return presentIntegration(row);
    },
  );

  app.delete(
    "/integrations/:id",
    {
      schema: {
        tags,
        description: "Removes a chat channel. Admins.",
        params: idParamsSchema,
        response: { 204: noContentSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      await deleteIntegration(callerOf(ctx, request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/integrations/:id/test",
    {
      schema: {
        tags,
        description:
          "Sends a test message to the channel in the organization's language. Answers 200 with `ok: false`, " +
          "the HTTP status and the platform's error when the platform refused it (a wrong signature, a " +
          "removed robot), so the admin sees why. Admins.",
        params: idParamsSchema,
        response: { 200: integrationTestResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => testIntegration(callerOf(ctx, request), request.params.id),
  );
}
