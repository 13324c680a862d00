/** One entry of the audit log as a service writes it (services/audit.ts stores it; webhooks read it). */
export type AuditEntry = {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  objectiveId?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  at: string;
};
