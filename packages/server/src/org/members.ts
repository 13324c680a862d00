import { AppError, canManageOrg, type Role, wouldCreateManagerLoop } from "@luodi/core";
import {
  type Executor,
  findDepartment,
  findMember,
  findUserByEmail,
  insertMembers,
  insertUser,
  listActiveOwners,
  type MemberRow,
  updateMember as updateMemberRow,
} from "@luodi/db";
import { hashPassword } from "../auth/password.ts";
import type { Caller } from "../context.ts";
import { emailInvitations, issueInvitations } from "../invitations/invitation-links.ts";
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

export function assertAdmin(caller: Caller): void {
  if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
}

/**
 * Adds a person to the organization (creating their login when the email is new). Without a password they
 * get an invitation instead, emailed when the server sends mail (POST /invitations gives its link).
 */
export async function createMember(
  caller: Caller,
  input: MemberInput,
  options: { linkBase?: string } = {},
): Promise<string> {
  assertAdmin(caller);
  const { ctx } = caller;
  assertMayGrant(caller, input.role);
  const passwordHash = input.password ? await hashPassword(input.password, ctx.config) : null;
  const now = ctx.config.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const added = await addMember(caller, trx, input, passwordHash, now);
    if (passwordHash !== null || !options.linkBase) return added.userId;
    const person = { userId: added.userId, email: input.email, name: input.name };
    const invitations = await issueInvitations(caller, trx, [person], options.linkBase);
    // Mailed once the member is committed — this transaction may be an Idempotency-Key's, still open when
    // this returns — and in the background: the answer does not say whether it was sent.
    ctx.changes.afterCommit(() =>
      ctx.background.run(async () => {
        await emailInvitations(caller, invitations);
      }),
    );
    return added.userId;
  });
}

/** Only owners make owners, so an admin cannot raise anyone above themself. */
export function assertMayGrant(caller: Caller, role: Role): void {
  if (role === "owner" && caller.auth.actor.role !== "owner") throw new AppError("permission.denied");
}

/**
 * Adds one person inside the caller's transaction: the department and manager must exist, the email must
 * not be a member yet; a new email gets a login (with the password hash given, or none yet).
 */
export async function addMember(
  caller: Caller,
  trx: Executor,
  input: Omit<MemberInput, "password">,
  passwordHash: string | null,
  now: string,
): Promise<{ userId: string; newUser: boolean }> {
  const { auth } = caller;
  const orgId = auth.org.id;
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
  const { password: _secret, ...visible } = input as MemberInput;
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
  return { userId: id, newUser: !existing };
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
    // The owners first, locked (PostgreSQL; SQLite runs one transaction at a time): two owners demoting
    // each other at once are serialized, and the second sees the first's change before it counts.
    const owners = await listActiveOwners(trx, orgId, { forUpdate: ctx.dialect === "postgres" });
    const member = await findMember(trx, orgId, userId);
    if (!member) throw new AppError("member.not_found");
    // An owner's power is the one the database holds now, not the one the request was signed in with.
    const callerIsOwner = owners.some((o) => o.userId === auth.user.id);
    if (member.role === "owner" && !callerIsOwner) throw new AppError("permission.denied");
    if (patch.role === "owner" && !callerIsOwner) throw new AppError("permission.denied");
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
    if (losesOwner && owners.filter((o) => o.userId !== userId).length === 0) {
      throw new AppError("member.last_owner");
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
