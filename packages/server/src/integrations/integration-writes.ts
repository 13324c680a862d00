import {
  AppError,
  canManageOrg,
  type IntegrationKind,
  integrationTakesSecret,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "@luodi/core";
import {
  deleteIntegration as deleteIntegrationRow,
  type Executor,
  findDepartment,
  findIntegration,
  type IntegrationRow,
  insertIntegration,
  readJson,
  updateIntegration as updateIntegrationRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { checkWebhookUrl, maskWebhookUrl } from "./webhook-guard.ts";

/** A channel as the client sends it (the fields of `integrationInputSchema`). */
type IntegrationInput = {
  kind: IntegrationKind;
  name: string;
  webhookUrl: string;
  secret?: string | null | undefined;
  departmentId?: string | null | undefined;
  events: NotificationKind[];
  enabled?: boolean | undefined;
};

/** Chat channels are the organization's configuration: admins only. */
export function assertIntegrationAdmin(caller: Caller): void {
  if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
}

/** Refuses a webhook that is not http(s) on the public internet (see webhook-guard.ts), at save time. */
export async function assertWebhookAllowed(
  caller: Caller,
  webhookUrl: string,
  path = "webhookUrl",
): Promise<void> {
  const checked = await checkWebhookUrl(webhookUrl, {
    allowPrivate: caller.ctx.config.allowPrivateWebhooks === true,
  });
  if (checked.ok) return;
  const details = [{ path }];
  if (checked.problem === "unresolved") {
    throw new AppError("integration.webhook_unresolved", { host: checked.host }, details);
  }
  throw new AppError("integration.webhook_forbidden", {}, details);
}

async function assertDepartment(
  caller: Caller,
  departmentId: string | null | undefined,
  db: Executor = caller.ctx.db,
): Promise<void> {
  if (!departmentId) return;
  if (!(await findDepartment(db, caller.auth.org.id, departmentId))) {
    throw new AppError("department.not_found", {}, [{ path: "departmentId" }]);
  }
}

function assertSecretFits(kind: IntegrationKind, secret: string | null | undefined): void {
  if (secret && !integrationTakesSecret(kind)) {
    throw new AppError("integration.secret_not_supported", {}, [{ path: "secret" }]);
  }
}

/** Each kind once, in the contract's order. */
function eventsText(events: readonly NotificationKind[]): string {
  return JSON.stringify(NOTIFICATION_KINDS.filter((kind) => events.includes(kind)));
}

/** What the change log keeps of a channel: never the secret, and the webhook URL masked like answers. */
function auditView(row: IntegrationRow) {
  return {
    kind: row.kind,
    name: row.name,
    webhookUrl: maskWebhookUrl(row.webhookUrl),
    hasSecret: row.secret !== null,
    departmentId: row.departmentId,
    events: readJson(row.events).join(","),
    enabled: row.enabled === 1,
  };
}

/** A new channel's input that `vetIntegration` passed. */
export type VettedIntegration = IntegrationInput & { readonly vetted: true };

/**
 * The checks of a new channel that need no database: the caller, the secret, and the webhook, which the
 * server resolves (DNS) — before any transaction opens, so an Idempotency-Key's holds no lock while it waits.
 */
export async function vetIntegration(caller: Caller, input: IntegrationInput): Promise<VettedIntegration> {
  assertIntegrationAdmin(caller);
  assertSecretFits(input.kind, input.secret);
  await assertWebhookAllowed(caller, input.webhookUrl);
  return { ...input, vetted: true };
}

/** Adds a vetted chat channel (see vetIntegration); its department must exist. */
export async function createIntegration(caller: Caller, input: VettedIntegration): Promise<string> {
  const { ctx, auth } = caller;
  const now = ctx.config.now().toISOString();
  const row: IntegrationRow = {
    orgId: auth.org.id,
    id: newId(),
    kind: input.kind,
    name: input.name,
    webhookUrl: input.webhookUrl,
    secret: input.secret ?? null,
    departmentId: input.departmentId ?? null,
    events: eventsText(input.events),
    enabled: input.enabled === false ? 0 : 1,
    createdBy: auth.user.id,
    createdAt: now,
    updatedAt: now,
  };
  await inTransaction(ctx, async (trx) => {
    await assertDepartment(caller, input.departmentId, trx);
    await insertIntegration(trx, row);
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "integration.create",
        entityType: "integration",
        entityId: row.id,
        after: auditView(row),
        at: now,
      },
    ]);
  });
  return row.id;
}

/**
 * Changes a channel. Absent fields are kept, the webhook URL and secret too; `secret: null` removes the
 * secret, and so does a change to a platform that signs nothing.
 */
export async function updateIntegration(
  caller: Caller,
  id: string,
  patch: Partial<IntegrationInput>,
): Promise<void> {
  assertIntegrationAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await assertDepartment(caller, patch.departmentId);
  if (patch.webhookUrl !== undefined) await assertWebhookAllowed(caller, patch.webhookUrl);
  const now = ctx.config.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const before = await findIntegration(trx, orgId, id);
    if (!before) throw new AppError("integration.not_found");
    const kind = patch.kind ?? before.kind;
    assertSecretFits(kind, patch.secret);
    const after: IntegrationRow = {
      ...before,
      kind,
      name: patch.name ?? before.name,
      webhookUrl: patch.webhookUrl ?? before.webhookUrl,
      secret: patch.secret !== undefined ? patch.secret : integrationTakesSecret(kind) ? before.secret : null,
      departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
      events: patch.events ? eventsText(patch.events) : before.events,
      enabled: patch.enabled === undefined ? before.enabled : patch.enabled ? 1 : 0,
    };
    const changed = diffFields(auditView(before), auditView(after));
    // The secret and the URL's token never show in the log; that they changed does.
    const credentials = {
      ...(after.webhookUrl !== before.webhookUrl ? { webhookUrlChanged: true } : {}),
      ...(after.secret !== null && before.secret !== null && after.secret !== before.secret
        ? { secretChanged: true }
        : {}),
    };
    if (!changed && Object.keys(credentials).length === 0) return;
    const { orgId: _org, id: _id, createdAt: _created, createdBy: _by, ...fields } = after;
    await updateIntegrationRow(trx, orgId, id, { ...fields, updatedAt: now });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "integration.update",
        entityType: "integration",
        entityId: id,
        before: changed?.before ?? {},
        after: { ...changed?.after, ...credentials },
        at: now,
      },
    ]);
  });
}

/** Removes a channel: nothing more is posted to it. */
export async function deleteIntegration(caller: Caller, id: string): Promise<void> {
  assertIntegrationAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const now = ctx.config.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const row = await findIntegration(trx, orgId, id);
    if (!row || !(await deleteIntegrationRow(trx, orgId, id))) throw new AppError("integration.not_found");
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "integration.delete",
        entityType: "integration",
        entityId: id,
        before: auditView(row),
        at: now,
      },
    ]);
  });
}
