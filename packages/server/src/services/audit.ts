import { type Executor, insertAuditEntries } from "@luodi/db";
import { queueWebhookEvents } from "../webhooks/webhook-events.ts";
import type { AuditEntry } from "./audit-entry.ts";
import { newId } from "./ids.ts";

export type { AuditEntry };

/** Appends entries to the audit log (in the caller's transaction, so they land with the write). */
export async function recordAudit(db: Executor, entries: AuditEntry[]): Promise<void> {
  await insertAuditEntries(
    db,
    entries.map((e) => ({
      orgId: e.orgId,
      id: newId(),
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      objectiveId: e.objectiveId ?? null,
      reason: e.reason ?? null,
      before: e.before === undefined ? null : JSON.stringify(camelKeys(e.before)),
      after: e.after === undefined ? null : JSON.stringify(camelKeys(e.after)),
      createdAt: e.at,
    })),
  );
  // The same changes, as the events the organization's webhooks subscribe to (same transaction).
  await queueWebhookEvents(
    db,
    entries.map((e) => ({
      ...e,
      change: {
        action: e.action,
        reason: e.reason ?? null,
        before: e.before === undefined ? null : camelKeys(e.before),
        after: e.after === undefined ? null : camelKeys(e.after),
      },
    })),
  );
}

/** The fields whose values differ, as before/after objects for the change log. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (after[key] !== undefined && after[key] !== before[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** Row field names in the API's camelCase (diffs come from stored rows; clients read one vocabulary). */
export function camelKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => [
      key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      v,
    ]),
  );
}
