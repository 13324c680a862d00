/**
 * Outbound webhooks (api.md, *Data in and out*): the events an organization's systems may subscribe to.
 * Each is derived from the audit entry its write appends in the same transaction, so an event exists
 * exactly when its change was committed, and none is lost.
 */
export const WEBHOOK_EVENTS = [
  "objective.published",
  "objective.updated",
  "check_in.created",
  "cycle.phase_changed",
  "comment.created",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What a webhook event is made from: the audit entry of the change. */
export type AuditedChange = {
  action: string;
  entityType: string;
  objectiveId?: string | null | undefined;
  before?: unknown;
  after?: unknown;
};

function statusOf(value: unknown): unknown {
  return value !== null && typeof value === "object" ? (value as { status?: unknown }).status : undefined;
}

/**
 * The event an audited change is, if any. A change that makes an objective `published` is
 * `objective.published`; any other change of an objective or of its KRs (edits, alignment, workflow steps,
 * KRs added or removed, scores, 复盘, adjustments decided, deletion) is `objective.updated` — but creating a
 * draft is none (an objective created published, as an accepted proposal, is published); a check-in is
 * `check_in.created`, not also an update. Conversations and reads are not objective changes.
 */
export function webhookEventOf(change: AuditedChange): WebhookEvent | null {
  if (change.action === "key_result.check_in") return "check_in.created";
  if (change.action === "cycle.phase") return "cycle.phase_changed";
  if (change.action === "comment.create") return "comment.created";
  const aboutObjective =
    change.entityType === "objective" ||
    change.entityType === "key_result" ||
    change.entityType === "adjustment";
  if (!aboutObjective || !change.objectiveId) return null;
  if (statusOf(change.after) === "published" && statusOf(change.before) !== "published")
    return "objective.published";
  // A new draft is nobody's business yet: its first event is its publication.
  if (change.action === "objective.create") return null;
  return "objective.updated";
}
