import { AppError, assertAcceptablePassword, type InvitationAnswer } from "@luodi/core";
import {
  type AccountLinkRow,
  type Executor,
  findDepartment,
  findMember,
  findOrganization,
  findUser,
  listMembershipsOfUser,
  updateUser,
} from "@luodi/db";
import { usableLink, useLink } from "../auth/account-links.ts";
import { login, openSession } from "../auth/login.ts";
import { hashPassword } from "../auth/password.ts";
import { activeOrganizationsOf, type SignedIn } from "../auth/signed-in.ts";
import type { AppContext } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";

/** An invitation's link, the person it invites and their organization, while all of them still stand. */
async function openInvitation(ctx: AppContext, db: Executor, token: string) {
  const now = ctx.config.now();
  const link = await usableLink(db, token, "invitation", now);
  const orgId = link.orgId ?? "";
  const [user, member, org, memberships] = await Promise.all([
    findUser(db, link.userId),
    findMember(db, orgId, link.userId),
    findOrganization(db, orgId),
    listMembershipsOfUser(db, link.userId),
  ]);
  // Deactivated since, or removed: the invitation stands for nothing any more.
  if (!user || !org || member?.status !== "active") throw new AppError("link.invalid");
  // Someone who can already sign in (here or in another organization) accepts with their password: an
  // invitation link must never let whoever holds it choose the password of an existing account.
  const existingAccount = user.passwordHash !== null || memberships.some((m) => m.orgId !== orgId);
  return { link, user, member, org, existingAccount, now };
}

/** `GET /invitations/:token`: who invites whom to what, for the page that accepts it. */
export async function showInvitation(ctx: AppContext, token: string): Promise<InvitationAnswer> {
  const { link, user, member, org, existingAccount } = await openInvitation(ctx, ctx.db, token);
  const [department, inviter] = await Promise.all([
    member.departmentId ? findDepartment(ctx.db, org.id, member.departmentId) : undefined,
    link.createdBy ? findUser(ctx.db, link.createdBy) : undefined,
  ]);
  return {
    email: user.email,
    name: user.name,
    organization: { id: org.id, name: org.name },
    invitedBy: { name: inviter?.name ?? null },
    role: member.role,
    department: department ? { id: department.id, name: department.name } : null,
    title: member.title,
    expiresAt: link.expiresAt,
    existingAccount,
    locale: user.locale ?? org.locale,
  };
}

async function recordAcceptance(db: Executor, link: AccountLinkRow, userId: string, at: string) {
  await recordAudit(db, [
    {
      orgId: link.orgId ?? "",
      actorId: userId,
      action: "invitation.accept",
      entityType: "member",
      entityId: userId,
      at,
    },
  ]);
}

/**
 * `POST /invitations/:token/accept`: a new person chooses their password (and may correct their name) and is
 * signed in; someone who already has an account signs in with their password instead (throttled like any
 * sign-in). The link works once.
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  input: { password: string; name?: string | undefined },
  clientAddress: string | null,
): Promise<SignedIn> {
  const opened = await openInvitation(ctx, ctx.db, token);
  if (opened.existingAccount) {
    const signedIn = await login(ctx, { email: opened.user.email, password: input.password, clientAddress });
    await inTransaction(ctx, async (trx) => {
      await useLink(trx, opened.link, ctx.config.now());
      await recordAcceptance(trx, opened.link, opened.user.id, ctx.config.now().toISOString());
    });
    return signedIn;
  }
  const name = input.name ?? opened.user.name;
  assertAcceptablePassword(input.password, { email: opened.user.email, name });
  const passwordHash = await hashPassword(input.password, ctx.config);
  const user = await inTransaction(ctx, async (trx) => {
    const { link, user } = await openInvitation(ctx, trx, token);
    const now = ctx.config.now().toISOString();
    await useLink(trx, link, ctx.config.now());
    await updateUser(trx, user.id, { passwordHash, name, updatedAt: now });
    await recordAcceptance(trx, link, user.id, now);
    return { ...user, passwordHash, name, updatedAt: now };
  });
  return {
    user,
    sessionToken: await openSession(ctx, user.id),
    organizations: await activeOrganizationsOf(ctx.db, user.id),
  };
}
