import type { Insertable, Selectable } from "kysely";
import type { WebhookTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";
import type { NotificationDeliveryRow } from "./notification.repository.ts";

/** A webhook as stored, secret included: only the sender reads the secret. */
export type WebhookRow = Selectable<WebhookTable>;

export async function insertWebhook(db: Executor, row: Insertable<WebhookTable>): Promise<void> {
  await db.insertInto("webhook").values(row).execute();
}

export async function findWebhook(db: Executor, orgId: string, id: string): Promise<WebhookRow | undefined> {
  return db
    .selectFrom("webhook")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** An organization's webhooks, oldest first. */
export async function listWebhooks(db: Executor, orgId: string): Promise<WebhookRow[]> {
  return db
    .selectFrom("webhook")
    .selectAll()
    .where("orgId", "=", orgId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

export async function countWebhooks(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom("webhook")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("orgId", "=", orgId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Removes a webhook; false when it was already gone. Its delivery log stays, as history. */
export async function deleteWebhook(db: Executor, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("webhook")
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** One webhook's deliveries, newest first (ids are time-ordered), optionally of one status. */
export async function listWebhookDeliveries(
  db: Executor,
  orgId: string,
  webhookId: string,
  page: {
    limit: number;
    before?: string | undefined;
    status?: NotificationDeliveryRow["status"] | undefined;
  },
): Promise<NotificationDeliveryRow[]> {
  let query = db
    .selectFrom("notificationDelivery")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("channel", "=", "webhook")
    .where("targetId", "=", webhookId);
  if (page.status) query = query.where("status", "=", page.status);
  if (page.before) query = query.where("id", "<", page.before);
  return query.orderBy("id", "desc").limit(page.limit).execute();
}

/** The newest delivery of each of these webhooks, in one statement (ids grow with time). */
export async function latestWebhookDeliveries(
  db: Executor,
  orgId: string,
  webhookIds: readonly string[],
): Promise<Map<string, NotificationDeliveryRow>> {
  if (webhookIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("notificationDelivery")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "in", (eb) =>
      eb
        .selectFrom("notificationDelivery")
        .select((inner) => inner.fn.max("id").as("id"))
        .where("orgId", "=", orgId)
        .where("channel", "=", "webhook")
        .where("targetId", "in", [...webhookIds])
        .groupBy("targetId"),
    )
    .execute();
  return new Map(rows.map((row) => [row.targetId, row]));
}

export async function findWebhookDelivery(
  db: Executor,
  orgId: string,
  webhookId: string,
  id: string,
): Promise<NotificationDeliveryRow | undefined> {
  return db
    .selectFrom("notificationDelivery")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("channel", "=", "webhook")
    .where("targetId", "=", webhookId)
    .where("id", "=", id)
    .executeTakeFirst();
}
