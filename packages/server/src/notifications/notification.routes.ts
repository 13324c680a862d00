import {
  errorResponses,
  markNotificationsReadAnswerSchema,
  markNotificationsReadSchema,
  notificationDeliveryListSchema,
  notificationDeliveryQuerySchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationSettingsInputSchema,
  notificationSettingsSchema,
  readErrorResponses,
  writeErrorResponses,
} from "@luodi/core";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { streamEvents } from "./event-stream.ts";
import {
  listMyNotifications,
  listOrgDeliveries,
  markMyNotificationsRead,
  myNotificationSettings,
  updateMyNotificationSettings,
} from "./notification-reads.ts";

export async function notificationRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["notifications"];

  app.get(
    "/notifications",
    {
      schema: {
        tags,
        description:
          "The caller's notifications, newest first (`?unread=true`: only unread), with the unread count.",
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...readErrorResponses },
      },
    },
    async (request) =>
      listMyNotifications(callerOf(ctx, request), {
        limit: request.query.limit,
        cursor: request.query.cursor,
        unreadOnly: request.query.unread === "true",
      }),
  );

  app.post(
    "/notifications/read",
    {
      schema: {
        tags,
        description: "Marks the caller's notifications read: `{ ids }` or `{ all: true }`.",
        body: markNotificationsReadSchema,
        response: { 200: markNotificationsReadAnswerSchema, ...writeErrorResponses },
      },
    },
    async (request) => markMyNotificationsRead(callerOf(ctx, request), request.body),
  );

  app.get(
    "/me/notification-settings",
    {
      schema: {
        tags,
        description: "Per kind, which channels reach the caller (in-app, email, chat); quiet hours.",
        response: { 200: notificationSettingsSchema, ...readErrorResponses },
      },
    },
    async (request) => myNotificationSettings(callerOf(ctx, request)),
  );

  app.put(
    "/me/notification-settings",
    {
      schema: {
        tags,
        description:
          "Changes the kinds given (the others keep their channels) and, when given, the quiet hours " +
          "(`null`: none). Mentions and approval requests always reach the in-app list.",
        body: notificationSettingsInputSchema,
        response: { 200: notificationSettingsSchema, ...writeErrorResponses },
      },
    },
    async (request) => updateMyNotificationSettings(callerOf(ctx, request), request.body),
  );

  app.get(
    "/notification-deliveries",
    {
      schema: {
        tags,
        description:
          "The organization's emails and chat messages: sent, waiting (quiet hours, retries) or failed with " +
          "the reason. Admins.",
        querystring: notificationDeliveryQuerySchema,
        response: { 200: notificationDeliveryListSchema, ...readErrorResponses },
      },
    },
    async (request) =>
      listOrgDeliveries(callerOf(ctx, request), {
        limit: request.query.limit,
        cursor: request.query.cursor,
        status: request.query.status,
      }),
  );

  app.get(
    "/events",
    {
      schema: {
        tags,
        description:
          "Server-Sent Events (`text/event-stream`): `notification`, `objective.updated`, `check_in.created`, " +
          "`comment.created`, only what the caller may see. Reconnect with `Last-Event-ID` to receive what was " +
          "missed.",
        headers: z.object({ "last-event-id": z.string().max(64).optional() }),
        response: {
          200: z.string().describe("An event stream: `id`, `event` and `data` (JSON) lines per event."),
          ...errorResponses(401),
        },
      },
    },
    async (request, reply) => {
      const lastEventId = request.headers["last-event-id"];
      await streamEvents(callerOf(ctx, request), reply, lastEventId || undefined);
    },
  );
}
