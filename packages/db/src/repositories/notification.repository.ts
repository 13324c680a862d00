import type { Locale, NotificationKind, NotificationSettings } from "@luodi/core";
import type { Insertable, Selectable } from "kysely";
import { readJson } from "../json.ts";
import type {
  DeliveryStatus,
  NotificationDeliveryTable,
  NotificationSettingTable,
  NotificationTable,
} from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type NotificationRow = Selectable<NotificationTable>;
export type NotificationDeliveryRow = Selectable<NotificationDeliveryTable>;

/** A delivery of an email or a chat message (not of a webhook event). */
export type MessageDeliveryRow = NotificationDeliveryRow & {
  channel: "email" | "chat";
  kind: NotificationKind;
};

export async function insertNotifications(
  db: Executor,
  rows: Insertable<NotificationTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto("notification").values(rows).execute();
}

/** A person's notifications, newest first, older than the cursor (an id: ids are time-ordered), with the actor's name. */
export async function listNotifications(
  db: Executor,
  orgId: string,
  userId: string,
  page: { limit: number; before?: string | undefined; unreadOnly?: boolean; after?: string | undefined },
): Promise<(NotificationRow & { actorName: string | null })[]> {
  let query = db
    .selectFrom("notification")
    .leftJoin("user as actor", "actor.id", "notification.actorId")
    .selectAll("notification")
    .select("actor.name as actorName")
    .where("notification.orgId", "=", orgId)
    .where("notification.userId", "=", userId);
  if (page.before) query = query.where("notification.id", "<", page.before);
  if (page.after) query = query.where("notification.id", ">", page.after);
  if (page.unreadOnly) query = query.where("notification.readAt", "is", null);
  return query
    .orderBy("notification.id", page.after ? "asc" : "desc")
    .limit(page.limit)
    .execute();
}

export async function countUnreadNotifications(db: Executor, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notification")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("orgId", "=", orgId)
    .where("userId", "=", userId)
    .where("readAt", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks a person's notifications read (theirs only; already read ones keep their first time). */
export async function markNotificationsRead(
  db: Executor,
  orgId: string,
  userId: string,
  ids: readonly string[] | "all",
  at: string,
): Promise<void> {
  if (ids !== "all" && ids.length === 0) return;
  let query = db
    .updateTable("notification")
    .set({ readAt: at })
    .where("orgId", "=", orgId)
    .where("userId", "=", userId)
    .where("readAt", "is", null);
  if (ids !== "all") query = query.where("id", "in", [...ids]);
  await query.execute();
}

export async function findNotificationSettings(
  db: Executor,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, NotificationSettings>> {
  const rows =
    userIds.length === 0
      ? []
      : await db
          .selectFrom("notificationSetting")
          .select(["userId", "settings"])
          .where("orgId", "=", orgId)
          .where("userId", "in", [...userIds])
          .execute();
  return new Map(rows.map((row) => [row.userId, readJson(row.settings)]));
}

export async function saveNotificationSettings(
  db: Executor,
  row: Insertable<NotificationSettingTable>,
): Promise<void> {
  await db
    .insertInto("notificationSetting")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["orgId", "userId"]).doUpdateSet({ settings: row.settings, updatedAt: row.updatedAt }),
    )
    .execute();
}

export async function insertDeliveries(
  db: Executor,
  rows: Insertable<NotificationDeliveryTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto("notificationDelivery").values(rows).execute();
}

/**
 * Claims up to `limit` deliveries that are due, for one sender: each is leased until `leaseUntil` (its next
 * attempt moves there) by a conditional update, so two senders — two instances on one PostgreSQL — never
 * both claim one. A sender that dies mid-send leaves the lease to run out, and another sends it then.
 */
export async function claimDueDeliveries(
  db: Executor,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<NotificationDeliveryRow[]> {
  const due = await db
    .selectFrom("notificationDelivery")
    .selectAll()
    .where("status", "=", "pending")
    .where("nextAttemptAt", "<=", now)
    .orderBy("nextAttemptAt")
    .limit(limit)
    .execute();
  const claimed: NotificationDeliveryRow[] = [];
  for (const row of due) {
    const result = await db
      .updateTable("notificationDelivery")
      .set({ nextAttemptAt: leaseUntil, attempts: row.attempts + 1 })
      .where("orgId", "=", row.orgId)
      .where("id", "=", row.id)
      .where("status", "=", "pending")
      .where("nextAttemptAt", "=", row.nextAttemptAt)
      .where("attempts", "=", row.attempts)
      .executeTakeFirst();
    if (affected(result) === 1)
      claimed.push({ ...row, attempts: row.attempts + 1, nextAttemptAt: leaseUntil });
  }
  return claimed;
}

/** Records how an attempt went: sent, failed for good, or pending again at `nextAttemptAt`. */
export async function finishDelivery(
  db: Executor,
  row: Pick<NotificationDeliveryRow, "orgId" | "id">,
  outcome: { status: DeliveryStatus; at: string; error: string | null; nextAttemptAt?: string },
): Promise<void> {
  await db
    .updateTable("notificationDelivery")
    .set({
      status: outcome.status,
      lastError: outcome.error,
      ...(outcome.status === "sent" ? { sentAt: outcome.at } : {}),
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    })
    .where("orgId", "=", row.orgId)
    .where("id", "=", row.id)
    .execute();
}

/** An organization's deliveries, newest first, optionally of one status (the admin's view of failures). */
export async function listDeliveries(
  db: Executor,
  orgId: string,
  page: { limit: number; before?: string | undefined; status?: DeliveryStatus | undefined },
): Promise<MessageDeliveryRow[]> {
  // Webhook events have their own log per webhook (listWebhookDeliveries); this is the messages' outbox.
  let query = db
    .selectFrom("notificationDelivery")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("channel", "in", ["email", "chat"]);
  if (page.status) query = query.where("status", "=", page.status);
  if (page.before) query = query.where("id", "<", page.before);
  // The channel filter above makes every row a message's, with a notification kind.
  return (await query.orderBy("id", "desc").limit(page.limit).execute()) as MessageDeliveryRow[];
}

/** Who can be told something: the active members among these people, with how to reach them. */
export async function findRecipients(
  db: Executor,
  orgId: string,
  userIds: readonly string[],
): Promise<
  { userId: string; email: string; name: string; locale: Locale | null; departmentId: string | null }[]
> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.userId")
    .select(["membership.userId", "user.email", "user.name", "user.locale", "membership.departmentId"])
    .where("membership.orgId", "=", orgId)
    .where("membership.status", "=", "active")
    .where("membership.userId", "in", [...userIds])
    .execute();
}
