import { AppError, canManageOrg, type Role, wouldCreateManagerLoop } from "@luodi/core";
import {
  findDepartment,
  findMember,
  findUserByEmail,
  insertMembers,
  insertUser,
  listMembers,
  type MemberRow,
  updateMember as updateMemberRow,
} from "@luodi/db";
import { hashPassword } from "../auth/password.ts";
import type { Caller } from "../context.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { loadOrgGraph } from "../services/org-graph-cache.ts";
import { inTransaction } from "../services/transaction.ts";

export type MemberInput = {
  email: string;
  name: string;
  password?: string | undefined;
  role: Role;
  departmentId: string;
  managerId?: string | null | undefined;
  title?: string | null | undefined;
};

function assertAdmin(caller: Caller): void {
  if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
}

/** Adds a person to the organization (creating their login when the email is new). */
export async function createMember(caller: Caller, input: MemberInput): Promise<string> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  // Only owners make owners, so an admin cannot raise anyone above themself.
  if (input.role === "owner" && auth.actor.role !== "owner") throw new AppError("permission.denied");
  const passwordHash = input.password ? await hashPassword(input.password, ctx.config) : null;
  const now = ctx.config.now().toISOString();
  const userId = await inTransaction(ctx, async (trx) => {
    if (!(await findDepartment(trx, orgId, input.departmentId))) {
      throw new AppError("department.not_found", {}, [{ path: "departmentId" }]);
    }
    if (input.managerId && !(await findMember(trx, orgId, input.managerId))) {
      throw new AppError("member.not_found", {}, [{ path: "managerId" }]);
    }
    const existing = await findUserByEmail(trx, input.email);
    if (existing && (await findMember(trx, orgId, existing.id))) {
      throw new AppError("user.email_taken", {}, [{ path: "email" }]);
    }
    const id = existing?.id ?? newId();
    if (!existing) {
      await insertUser(trx, {
        id,
        email: input.email,
        name: input.name,
        passwordHash: passwordHash,
        locale: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    await insertMembers(trx, [
      {
        orgId: orgId,
        userId: id,
        role: input.role,
        departmentId: input.departmentId,
        managerId: input.managerId ?? null,
        title: input.title ?? null,
        status: "active",
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const { password: _secret, ...visible } = input;
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "member.create",
        entityType: "member",
        entityId: id,
        after: visible,
        at: now,
      },
    ]);
    return id;
  });
  return userId;
}

export type MemberPatch = {
  role?: Role | undefined;
  departmentId?: string | undefined;
  managerId?: string | null | undefined;
  title?: string | null | undefined;
  status?: "active" | "deactivated" | undefined;
};

/** Changes a member's role, department, manager, title or status; the last active owner stays. */
export async function updateMember(
  caller: Caller,
  userId: string,
  patch: MemberPatch,
  version: number | undefined,
): Promise<void> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  if (patch.role === "owner" && auth.actor.role !== "owner") throw new AppError("permission.denied");
  await inTransaction(ctx, async (trx) => {
    const member = await findMember(trx, orgId, userId);
    if (!member) throw new AppError("member.not_found");
    if (member.role === "owner" && auth.actor.role !== "owner") throw new AppError("permission.denied");
    if (version !== undefined && version !== member.version)
      throw new AppError("version.conflict", { current: member.version });
    if (patch.departmentId && !(await findDepartment(trx, orgId, patch.departmentId))) {
      throw new AppError("department.not_found", {}, [{ path: "departmentId" }]);
    }
    if (patch.managerId) {
      if (!(await findMember(trx, orgId, patch.managerId))) {
        throw new AppError("member.not_found", {}, [{ path: "managerId" }]);
      }
      if (wouldCreateManagerLoop(await loadOrgGraph(trx, orgId), userId, patch.managerId))
        throw new AppError("member.manager_loop");
    }
    const losesOwner =
      member.role === "owner" && ((patch.role && patch.role !== "owner") || patch.status === "deactivated");
    if (losesOwner) {
      const owners = (await listMembers(trx, orgId)).filter(
        (m) => m.role === "owner" && m.status === "active",
      );
      if (owners.length <= 1) throw new AppError("member.last_owner");
    }
    const changed = diffFields<MemberRow>(member, {
      role: patch.role,
      departmentId: patch.departmentId,
      managerId: patch.managerId,
      title: patch.title,
      status: patch.status,
    });
    if (!changed) return;
    const now = ctx.config.now().toISOString();
    if (!(await updateMemberRow(trx, orgId, userId, member.version, { ...changed.after, updatedAt: now }))) {
      throw new AppError("version.conflict", { current: member.version + 1 });
    }
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "member.update",
        entityType: "member",
        entityId: userId,
        before: changed.before,
        after: changed.after,
        at: now,
      },
    ]);
  });
}
