import {
  DEFAULT_NOTIFICATION_SETTINGS,
  deliveryTime,
  type NotificationKind,
  type NotificationSubjectType,
  wantsNotification,
} from "@luodi/core";
import {
  type Executor,
  findNotificationSettings,
  findRecipients,
  insertDeliveries,
  insertNotifications,
  type NotificationRow,
  type OrganizationRow,
} from "@luodi/db";
import type { AppContext, Caller } from "../context.ts";
import { type ChatMessage, chatLink } from "../integrations/chat-message.ts";
import { integrationsFor } from "../integrations/send-chat-message.ts";
import { notificationMail } from "../mail/templates.ts";
import { presentNotification } from "../presenters/notification-presenter.ts";
import { newId } from "../services/ids.ts";
import { chatHeadline, notificationWords } from "./notification-texts.ts";

/** Something people should hear of: what, whom, about which thing. */
export type NotificationInput = {
  kind: NotificationKind;
  /**
   * Who is told. The caller has already kept only people who may see the subject (a mention of someone
   * who cannot see it tells them nothing); the actor themself and people no longer active are dropped here.
   */
  recipientIds: readonly string[];
  subject: { type: NotificationSubjectType; id: string; title: string };
  /** The words that caused it, plain text (a comment's first lines, a reason). */
  excerpt?: string | null | undefined;
  /** The web app's path that opens it; by default the subject's page when it has one. */
  link?: string | undefined;
};

/** Who caused the notifications, in which organization; a null actor is Luodi itself (reminders). */
type Origin = { org: OrganizationRow; actor: { id: string; name: string } | null };

const EXCERPT_MAX = 280;

/** Tells people something, in the transaction of the change that caused it (see {@link notifyFrom}). */
export async function notify(caller: Caller, trx: Executor, ...inputs: NotificationInput[]): Promise<void> {
  await notifyFrom(
    caller.ctx,
    trx,
    { org: caller.auth.org, actor: { id: caller.auth.user.id, name: caller.auth.user.name } },
    inputs,
  );
}

/**
 * Writes the notifications and, where people want them, the emails to send, in the caller's transaction:
 * a change that commits has told everyone, and one that rolls back has told no one. Once it commits, the
 * open browsers hear of it and the senders wake up.
 */
export async function notifyFrom(
  ctx: AppContext,
  trx: Executor,
  origin: Origin,
  inputs: readonly NotificationInput[],
): Promise<void> {
  const orgId = origin.org.id;
  const wanted = inputs.map((input) => ({
    input,
    ids: [...new Set(input.recipientIds)].filter((id) => id !== origin.actor?.id),
  }));
  const everyone = [...new Set(wanted.flatMap((w) => w.ids))];
  if (everyone.length === 0) return;
  const [people, settings] = await Promise.all([
    findRecipients(trx, orgId, everyone),
    findNotificationSettings(trx, orgId, everyone),
  ]);
  const byId = new Map(people.map((person) => [person.userId, person]));
  const now = ctx.config.now().toISOString();

  const notifications: NotificationRow[] = [];
  const deliveries: Parameters<typeof insertDeliveries>[1] = [];
  for (const { input, ids } of wanted) {
    const link = input.link ?? defaultLink(input.subject);
    const excerpt = input.excerpt ? shorten(input.excerpt) : null;
    const chatTold: typeof people = [];
    for (const id of ids) {
      const person = byId.get(id);
      if (!person) continue;
      const choice = settings.get(id) ?? DEFAULT_NOTIFICATION_SETTINGS;
      if (wantsNotification(choice, input.kind, "inApp")) {
        notifications.push({
          orgId,
          id: newId(),
          userId: id,
          kind: input.kind,
          actorId: origin.actor?.id ?? null,
          subjectType: input.subject.type,
          subjectId: input.subject.id,
          subjectTitle: input.subject.title,
          excerpt,
          link,
          createdAt: now,
          readAt: null,
        });
      }
      if (wantsNotification(choice, input.kind, "chat")) chatTold.push(person);
      if (ctx.mailer && wantsNotification(choice, input.kind, "email")) {
        const locale = person.locale ?? origin.org.locale;
        const words = notificationWords(locale, input.kind, {
          actor: origin.actor?.name ?? null,
          title: input.subject.title,
        });
        const mail = notificationMail({
          to: person.email,
          locale,
          headline: words.headline,
          excerpt,
          action: words.action,
          url: chatLink(ctx.config, link),
          settingsUrl: chatLink(ctx.config, "/profile#notifications"),
        });
        deliveries.push({
          orgId,
          id: newId(),
          channel: "email",
          targetId: id,
          kind: input.kind,
          payload: JSON.stringify(mail),
          status: "pending",
          nextAttemptAt: deliveryTime(ctx.config.now(), choice.quietHours, origin.org.timezone).toISOString(),
          lastError: null,
          createdAt: now,
          sentAt: null,
        });
      }
    }
    deliveries.push(
      ...(await chatDeliveries(ctx, trx, origin, input, chatTold, {
        url: chatLink(ctx.config, link),
        excerpt,
        now,
      })),
    );
  }
  await insertNotifications(trx, notifications);
  await insertDeliveries(trx, deliveries);

  ctx.changes.afterCommit(() => {
    const actorName = origin.actor?.name ?? null;
    void ctx.events.publish(
      orgId,
      notifications.map((row) => ({
        id: row.id,
        type: "notification" as const,
        data: presentNotification(row, actorName),
        audience: { userIds: [row.userId] },
      })),
    );
    if (deliveries.length > 0) ctx.deliveries.wake();
  });
}

/**
 * One message per team chat channel that takes this kind for the departments of the people told (a channel
 * of a department hears about its subtree; organization-wide ones about everyone), in the organization's
 * language and addressed to them by name, since a group reads it.
 */
async function chatDeliveries(
  ctx: AppContext,
  trx: Executor,
  origin: Origin,
  input: NotificationInput,
  people: { userId: string; name: string; departmentId: string | null }[],
  facts: { url: string; excerpt: string | null; now: string },
): Promise<Parameters<typeof insertDeliveries>[1]> {
  if (people.length === 0) return [];
  const channels = new Map<string, Awaited<ReturnType<typeof integrationsFor>>[number]>();
  for (const departmentId of new Set(people.map((person) => person.departmentId))) {
    for (const channel of await integrationsFor(
      { ...ctx, db: trx },
      origin.org.id,
      input.kind,
      departmentId,
    )) {
      channels.set(channel.id, channel);
    }
  }
  const locale = origin.org.locale;
  const message: ChatMessage = {
    title: chatHeadline(locale, input.kind, {
      actor: origin.actor?.name ?? null,
      title: input.subject.title,
      people: people.map((person) => person.name),
    }),
    text: facts.excerpt ?? "",
    url: facts.url,
    locale,
  };
  return [...channels.values()].map((channel) => ({
    orgId: origin.org.id,
    id: newId(),
    channel: "chat" as const,
    targetId: channel.id,
    kind: input.kind,
    payload: JSON.stringify(message),
    status: "pending" as const,
    nextAttemptAt: facts.now,
    lastError: null,
    createdAt: facts.now,
    sentAt: null,
  }));
}

function defaultLink(subject: NotificationInput["subject"]): string {
  switch (subject.type) {
    case "objective":
      return `/objectives/${subject.id}`;
    case "cycle":
      return "/";
    default:
      return "/notifications";
  }
}

/** The first characters of a text, on one line, for a list or a message preview. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length <= EXCERPT_MAX ? line : `${chars.slice(0, EXCERPT_MAX - 1).join("")}…`;
}
