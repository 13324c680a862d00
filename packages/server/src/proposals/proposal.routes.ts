import {
  idempotencyHeadersSchema,
  idParamsSchema,
  type ProposalAnswer,
  proposalInputSchema,
  proposalListQuerySchema,
  proposalPageSchema,
  proposalRejectInputSchema,
  proposalSchema,
  raceQuerySchema,
  raceSchema,
  readErrorResponses,
  spinOffInputSchema,
  spinOffResultSchema,
  writeErrorResponses,
} from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { IDEMPOTENT_CREATE, idempotentCreate } from "../services/idempotency.ts";
import { acceptProposal, rejectProposal } from "./decide-proposal.ts";
import { listProposalsFor, proposalFor } from "./proposal-reads.ts";
import { raceFor } from "./race.ts";
import { spinOffProposal } from "./spin-off.ts";
import { createProposal, type ParticipationStep, participate, withdrawProposal } from "./write-proposal.ts";

/** 赛马 (api.md *Horse racing*): proposals, their decision, the race of one parent, spin-offs. */
export async function proposalRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["horse racing"];

  app.get(
    "/proposals",
    {
      schema: {
        tags,
        querystring: proposalListQuerySchema,
        response: { 200: proposalPageSchema, ...readErrorResponses },
      },
    },
    async (request) => listProposalsFor(callerOf(ctx, request), request.query),
  );

  app.post(
    "/proposals",
    {
      schema: {
        tags,
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: proposalInputSchema,
        response: { 201: proposalSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/proposals", body: request.body },
        async () => ({ status: 201, made: await createProposal(caller, request.body) }),
        (id) => proposalFor(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as ProposalAnswer);
    },
  );

  app.get(
    "/proposals/:id",
    { schema: { tags, params: idParamsSchema, response: { 200: proposalSchema, ...readErrorResponses } } },
    async (request) => proposalFor(callerOf(ctx, request), request.params.id),
  );

  const steps: ParticipationStep[] = ["back", "unback", "join", "leave"];
  for (const step of steps) {
    app.post(
      `/proposals/:id/${step}`,
      { schema: { tags, params: idParamsSchema, response: { 200: proposalSchema, ...writeErrorResponses } } },
      async (request) => {
        const caller = callerOf(ctx, request);
        await participate(caller, request.params.id, step);
        return proposalFor(caller, request.params.id);
      },
    );
  }

  app.post(
    "/proposals/:id/withdraw",
    { schema: { tags, params: idParamsSchema, response: { 200: proposalSchema, ...writeErrorResponses } } },
    async (request) => {
      const caller = callerOf(ctx, request);
      await withdrawProposal(caller, request.params.id);
      return proposalFor(caller, request.params.id);
    },
  );

  app.post(
    "/proposals/:id/accept",
    { schema: { tags, params: idParamsSchema, response: { 200: proposalSchema, ...writeErrorResponses } } },
    async (request) => {
      const caller = callerOf(ctx, request);
      await acceptProposal(caller, request.params.id);
      return proposalFor(caller, request.params.id);
    },
  );

  app.post(
    "/proposals/:id/reject",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: proposalRejectInputSchema,
        response: { 200: proposalSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await rejectProposal(caller, request.params.id, request.body.reason);
      return proposalFor(caller, request.params.id);
    },
  );

  app.post(
    "/proposals/:id/spin-off",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: spinOffInputSchema,
        response: { 200: spinOffResultSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      const outcome = await spinOffProposal(caller, request.params.id, request.body);
      return { ...outcome, proposal: await proposalFor(caller, request.params.id) };
    },
  );

  app.get(
    "/races",
    { schema: { tags, querystring: raceQuerySchema, response: { 200: raceSchema, ...readErrorResponses } } },
    async (request) => raceFor(callerOf(ctx, request), request.query),
  );
}
