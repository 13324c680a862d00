import { AppError, canManageOrg, type Locale, type OrgSettings } from "@luodi/core";
import {
  type Executor,
  findDepartment,
  findOrganization,
  updateOrganization as updateOrganizationRow,
} from "@luodi/db";
import { parseSettings } from "../auth/resolve-auth.ts";
import type { Caller } from "../context.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";

export type OrganizationPatch = {
  name?: string | undefined;
  locale?: Locale | undefined;
  timezone?: string | undefined;
  mission?: string | undefined;
  vision?: string | undefined;
  strategy?: string | undefined;
  settings?: Partial<OrgSettings> | undefined;
};

/**
 * Password sign-in may be turned off only where single sign-on is configured (else nobody but owners could
 * sign in), and single sign-on's default department must be one of the organization's.
 */
async function assertSignInSettings(caller: Caller, trx: Executor, settings: Partial<OrgSettings>) {
  if (settings.passwordLoginDisabled && !caller.ctx.config.oidc) {
    throw new AppError("settings.sso_required", {}, [{ path: "settings.passwordLoginDisabled" }]);
  }
  const departmentId = settings.ssoDefaultDepartmentId;
  if (departmentId && !(await findDepartment(trx, caller.auth.org.id, departmentId))) {
    throw new AppError("department.not_found", {}, [{ path: "settings.ssoDefaultDepartmentId" }]);
  }
}

/** Admins change the organization's profile, direction (mission, vision, strategy) and settings. */
export async function updateOrganization(
  caller: Caller,
  patch: OrganizationPatch,
  version: number | undefined,
): Promise<void> {
  const { ctx, auth } = caller;
  if (!canManageOrg(auth.actor)) throw new AppError("permission.denied");
  await inTransaction(ctx, async (trx) => {
    const org = await findOrganization(trx, auth.org.id);
    if (!org) throw new AppError("organization.not_found");
    if (version !== undefined && version !== org.version)
      throw new AppError("version.conflict", { current: org.version });
    if (patch.settings) await assertSignInSettings(caller, trx, patch.settings);
    const settings = patch.settings
      ? JSON.stringify({ ...parseSettings(org), ...patch.settings })
      : undefined;
    const now = ctx.config.now().toISOString();
    const next = {
      name: patch.name,
      locale: patch.locale,
      timezone: patch.timezone,
      mission: patch.mission,
      vision: patch.vision,
      strategy: patch.strategy,
      settings,
    };
    const changed = diffFields(org, next);
    if (!changed) return;
    if (!(await updateOrganizationRow(trx, org.id, org.version, { ...changed.after, updatedAt: now }))) {
      throw new AppError("version.conflict", { current: org.version + 1 });
    }
    await recordAudit(trx, [
      {
        orgId: org.id,
        actorId: auth.user.id,
        action: "organization.update",
        entityType: "organization",
        entityId: org.id,
        before: changed.before,
        after: changed.after,
        at: now,
      },
    ]);
  });
}
