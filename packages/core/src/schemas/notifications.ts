import { z } from "zod";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECT_TYPES,
} from "../domain/notification-kinds.ts";
import { idSchema, pageQuerySchema } from "./common.ts";

const timestamp = z.iso.datetime();

const notificationKindSchema = z.enum(NOTIFICATION_KINDS);

/** One notification in a person's list (api.md, *Conversations and feedback*). */
const notificationSchema = z
  .object({
    id: z.string(),
    kind: notificationKindSchema,
    actor: z.object({ id: z.string(), name: z.string() }).strict().nullable(),
    subject: z
      .object({ type: z.enum(NOTIFICATION_SUBJECT_TYPES), id: z.string(), title: z.string() })
      .strict(),
    /** The words that caused it (a comment's first lines, a rejection's reason), as plain text. */
    excerpt: z.string().nullable(),
    /** Where the web app opens it, a path under the app (`/objectives/…#comment-…`). */
    link: z.string(),
    createdAt: timestamp,
    readAt: timestamp.nullable(),
  })
  .strict()
  .meta({ id: "Notification" });

export const notificationListSchema = z
  .object({
    items: z.array(notificationSchema),
    unreadCount: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .strict()
  .meta({ id: "NotificationList" });

export const notificationListQuerySchema = pageQuerySchema.extend({
  unread: z.enum(["true", "false"]).optional(),
});

export const markNotificationsReadSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const markNotificationsReadAnswerSchema = z
  .object({ unreadCount: z.number().int() })
  .strict()
  .meta({ id: "NotificationsRead" });

const channelSwitchesSchema = z
  .object(
    Object.fromEntries(NOTIFICATION_CHANNELS.map((channel) => [channel, z.boolean()])) as Record<
      (typeof NOTIFICATION_CHANNELS)[number],
      z.ZodBoolean
    >,
  )
  .strict();

const hhmm = z
  .string()
  .max(5)
  .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
    message: "Expected HH:MM",
    params: { code: "notification.quiet_hours" },
  });

/**
 * A person's notification settings: for each kind, each channel on or off, and quiet hours on the
 * organization's clock during which email and chat wait (the in-app list never waits).
 */
export const notificationSettingsSchema = z
  .object({
    kinds: z.object(
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channelSwitchesSchema])) as Record<
        (typeof NOTIFICATION_KINDS)[number],
        typeof channelSwitchesSchema
      >,
    ),
    quietHours: z.object({ start: hhmm, end: hhmm }).strict().nullable(),
  })
  .strict()
  .meta({ id: "NotificationSettings" });

/** What `PUT /me/notification-settings` takes: any kinds (the others keep their value), quiet hours. */
export const notificationSettingsInputSchema = z
  .object({
    kinds: z.partialRecord(notificationKindSchema, channelSwitchesSchema.partial()).optional(),
    quietHours: z.object({ start: hhmm, end: hhmm }).strict().nullable().optional(),
  })
  .strict();

/** One email or chat message of the outbox, for the admin watching what failed to go out. */
const notificationDeliverySchema = z
  .object({
    id: z.string(),
    channel: z.enum(["email", "chat"]),
    kind: notificationKindSchema,
    /** The person an email goes to, or the chat integration a message goes to. */
    targetId: z.string(),
    status: z.enum(["pending", "sent", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: timestamp,
    lastError: z.string().nullable(),
    createdAt: timestamp,
    sentAt: timestamp.nullable(),
  })
  .strict()
  .meta({ id: "NotificationDelivery" });

export const notificationDeliveryListSchema = z
  .object({ items: z.array(notificationDeliverySchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "NotificationDeliveryList" });

export const notificationDeliveryQuerySchema = pageQuerySchema.extend({
  status: z.enum(["pending", "sent", "failed"]).optional(),
});

export type NotificationDeliveryAnswer = z.output<typeof notificationDeliverySchema>;
export type NotificationAnswer = z.output<typeof notificationSchema>;
export type NotificationListAnswer = z.output<typeof notificationListSchema>;
export type NotificationSettingsAnswer = z.output<typeof notificationSettingsSchema>;
export type NotificationSettingsInput = z.input<typeof notificationSettingsInputSchema>;

/** `POST /me/team/nudges`: remind one of the caller's reports to check in, with the KRs still waiting. */
export const teamNudgeInputSchema = z.object({ userId: idSchema, cycleId: idSchema }).strict();

export const teamNudgeAnswerSchema = z
  .object({
    /** False when this manager already reminded this person within the last 12 hours: nothing is sent twice. */
    nudged: z.boolean(),
  })
  .strict()
  .meta({ id: "TeamNudge" });
