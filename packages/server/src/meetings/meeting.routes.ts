import {
  agendaSchema,
  calendarFeedQuerySchema,
  calendarFeedSchema,
  calendarFeedSecretSchema,
  errorResponses,
  idempotencyHeadersSchema,
  idParamsSchema,
  type MeetingActionItemAnswer,
  type MeetingAnswer,
  meetingActionItemInputSchema,
  meetingActionItemListSchema,
  meetingActionItemPatchSchema,
  meetingActionItemSchema,
  meetingInputSchema,
  meetingListQuerySchema,
  meetingPageSchema,
  meetingPatchSchema,
  meetingSchema,
  myActionItemListSchema,
  noContentSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import {
  IDEMPOTENT_CREATE,
  IDEMPOTENT_SECRET_CREATE,
  idempotentCreate,
  idempotentSecretCreate,
} from "../services/idempotency.ts";
import { actionItemFor, actionItemsOf, myActionItems } from "./action-item-reads.ts";
import {
  calendarFeedOf,
  meetingCalendar,
  personalCalendar,
  rotateCalendarFeed,
  stopCalendarFeed,
} from "./calendar.ts";
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
    {
      schema: {
        tags,
        description: IDEMPOTENT_CREATE,
        headers: idempotencyHeadersSchema,
        body: meetingInputSchema,
        response: { 201: meetingSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/meetings", body: request.body },
        async () => ({ status: 201, made: await createMeeting(caller, request.body) }),
        (id) => meetingFor(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as MeetingAnswer);
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
        description: IDEMPOTENT_CREATE,
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: meetingActionItemInputSchema,
        response: { 201: meetingActionItemSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const meetingId = request.params.id;
      const sent = await idempotentCreate(
        caller,
        {
          key: request.headers["idempotency-key"],
          method: "POST",
          path: `/meetings/${meetingId}/action-items`,
          body: request.body,
        },
        async () => ({ status: 201, made: await addActionItem(caller, meetingId, request.body) }),
        (id) => actionItemFor(caller, id),
      );
      if (sent.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(sent.status).send(sent.body as MeetingActionItemAnswer);
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

  app.get(
    "/me/action-items",
    { schema: { tags, response: { 200: myActionItemListSchema, ...readErrorResponses } } },
    async (request) => myActionItems(callerOf(ctx, request)),
  );

  // iCalendar answers are text, sent as they are (not through the JSON serializer).
  const calendarFileSchema = z
    .string()
    .meta({ description: "An iCalendar file (RFC 5545).", format: "binary" });
  const sendCalendar = (reply: FastifyReply, text: string, filename: string) =>
    reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", `inline; filename="${filename}"`)
      .header("cache-control", "private, no-store")
      // Bytes go out as they are (Fastify serializes no Buffer); the 200 schema documents the file only.
      .send(Buffer.from(text, "utf8") as unknown as string);

  app.get(
    "/meetings/:id/calendar.ics",
    {
      schema: {
        tags,
        description: "The meeting as iCalendar (text/calendar).",
        params: idParamsSchema,
        produces: ["text/calendar"],
        response: { 200: calendarFileSchema, ...readErrorResponses },
      },
    },
    async (request, reply) =>
      sendCalendar(reply, await meetingCalendar(callerOf(ctx, request), request.params.id), "meeting.ics"),
  );

  app.get(
    "/me/calendar.ics",
    {
      // Calendar apps send no cookie or header of ours: the secret in the link is the credential.
      config: { public: true },
      schema: {
        tags,
        description:
          "The person's calendar feed as iCalendar (text/calendar): their meetings, the cycles' phase deadlines and their open action items' due dates. The token is the feed's secret (POST /me/calendar-feed).",
        querystring: calendarFeedQuerySchema,
        security: [],
        produces: ["text/calendar"],
        response: { 200: calendarFileSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const feed = await personalCalendar(ctx, request.query.token);
      return sendCalendar(reply, feed.text, "luodi.ics");
    },
  );

  app.get(
    "/me/calendar-feed",
    { schema: { tags, response: { 200: calendarFeedSchema, ...readErrorResponses } } },
    async (request) => calendarFeedOf(callerOf(ctx, request)),
  );

  app.post(
    "/me/calendar-feed",
    {
      schema: {
        tags,
        description: `Makes the caller's calendar feed link (the earlier one stops working). ${IDEMPOTENT_SECRET_CREATE}`,
        headers: idempotencyHeadersSchema,
        response: { 201: calendarFeedSecretSchema, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const sent = await idempotentSecretCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/me/calendar-feed", body: {} },
        async () => {
          const feed = await rotateCalendarFeed(caller);
          return { status: 201, ids: [caller.auth.user.id], finish: async () => feed };
        },
      );
      return reply.status(sent.status).send(sent.body as z.output<typeof calendarFeedSecretSchema>);
    },
  );

  app.delete(
    "/me/calendar-feed",
    { schema: { tags, response: { 204: noContentSchema, ...writeErrorResponses } } },
    async (request, reply) => {
      await stopCalendarFeed(callerOf(ctx, request));
      return reply.status(204).send();
    },
  );
}
