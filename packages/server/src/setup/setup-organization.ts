import { AppError, DEFAULT_ORG_SETTINGS, type Locale } from "@luodi/core";
import {
  countOrganizations,
  findUserByEmail,
  insertDepartments,
  insertMembers,
  insertOrganization,
  insertUser,
  lockOrganizationsForSetup,
} from "@luodi/db";
import { hashPassword } from "../auth/password.ts";
import type { AppContext } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";

export type SetupInput = {
  organization: { name: string; locale: Locale; timezone: string };
  admin: { email: string; name: string; password: string };
};

/** True while nobody has set Luodi up. */
export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return (await countOrganizations(ctx.db)) === 0;
}

/** First run: the organization, its root department (named after it) and the admin as owner. */
export async function setupOrganization(
  ctx: AppContext,
  input: SetupInput,
): Promise<{ orgId: string; userId: string }> {
  const passwordHash = await hashPassword(input.admin.password, ctx.config);
  const now = ctx.config.now().toISOString();
  const orgId = newId();
  const rootId = newId();
  return inTransaction(ctx, async (trx) => {
    await lockOrganizationsForSetup(trx, ctx.dialect);
    if ((await countOrganizations(trx)) > 0) throw new AppError("setup.done");
    const existing = await findUserByEmail(trx, input.admin.email);
    const userId = existing?.id ?? newId();
    await insertOrganization(trx, {
      id: orgId,
      name: input.organization.name,
      locale: input.organization.locale,
      timezone: input.organization.timezone,
      mission: "",
      vision: "",
      strategy: "",
      settings: JSON.stringify(DEFAULT_ORG_SETTINGS),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    if (!existing) {
      await insertUser(trx, {
        id: userId,
        email: input.admin.email,
        name: input.admin.name,
        passwordHash: passwordHash,
        locale: input.organization.locale,
        createdAt: now,
        updatedAt: now,
      });
    }
    await insertDepartments(trx, [
      {
        orgId: orgId,
        id: rootId,
        parentId: null,
        name: input.organization.name,
        leaderId: userId,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      },
    ]);
    await insertMembers(trx, [
      {
        orgId: orgId,
        userId: userId,
        role: "owner",
        departmentId: rootId,
        managerId: null,
        title: null,
        status: "active",
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await recordAudit(trx, [
      {
        orgId,
        actorId: userId,
        action: "organization.setup",
        entityType: "organization",
        entityId: orgId,
        after: input.organization,
        at: now,
      },
    ]);
    return { orgId, userId };
  });
}
