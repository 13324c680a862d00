import {
  agendaSchema,
  idParamsSchema,
  meetingActionItemInputSchema,
  meetingActionItemListSchema,
  meetingActionItemPatchSchema,
  meetingActionItemSchema,
  meetingInputSchema,
  meetingListQuerySchema,
  meetingPageSchema,
  meetingPatchSchema,
  meetingSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { actionItemFor, actionItemsOf } from "./action-item-reads.ts";
import { createMeeting } from "./create-meeting.ts";
import { agendaFor, listMeetingsFor, meetingFor } from "./meeting-reads.ts";
import { changeMeeting } from "./update-meeting.ts";
import { addActionItem, changeActionItem } from "./write-action-item.ts";

export async function meetingRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["meetings"];

  app.get(
    "/meetings",
    {
      schema: {
        tags,
        querystring: meetingListQuerySchema,
        response: { 200: meetingPageSchema, ...readErrorResponses },
      },
    },
    async (request) => listMeetingsFor(callerOf(ctx, request), request.query),
  );

  app.post(
    "/meetings",
    { schema: { tags, body: meetingInputSchema, response: { 201: meetingSchema, ...writeErrorResponses } } },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await createMeeting(caller, request.body);
      return reply.status(201).send(await meetingFor(caller, id));
    },
  );

  app.get(
    "/meetings/:id",
    { schema: { tags, params: idParamsSchema, response: { 200: meetingSchema, ...readErrorResponses } } },
    async (request) => meetingFor(callerOf(ctx, request), request.params.id),
  );

  app.patch(
    "/meetings/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: meetingPatchSchema,
        response: { 200: meetingSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await changeMeeting(caller, request.params.id, request.body);
      return meetingFor(caller, request.params.id);
    },
  );

  app.get(
    "/meetings/:id/agenda",
    { schema: { tags, params: idParamsSchema, response: { 200: agendaSchema, ...readErrorResponses } } },
    async (request) => agendaFor(callerOf(ctx, request), request.params.id),
  );

  app.get(
    "/meetings/:id/action-items",
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: meetingActionItemListSchema, ...readErrorResponses },
      },
    },
    async (request) => actionItemsOf(callerOf(ctx, request), request.params.id),
  );

  app.post(
    "/meetings/:id/action-items",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: meetingActionItemInputSchema,
        response: { 201: meetingActionItemSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const id = await addActionItem(caller, request.params.id, request.body);
      return reply.status(201).send(await actionItemFor(caller, id));
    },
  );

  app.patch(
    "/action-items/:id",
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: meetingActionItemPatchSchema,
        response: { 200: meetingActionItemSchema, ...writeErrorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(ctx, request);
      await changeActionItem(caller, request.params.id, request.body);
      return actionItemFor(caller, request.params.id);
    },
  );
}
