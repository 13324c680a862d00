import { AppError, assertAcceptablePassword, canManageOrg, type Locale } from "@luodi/core";
import {
  clearLoginAttempt,
  countAccountLinksSince,
  deleteSessionsOfUser,
  expireAccountLinks,
  findMember,
  findOrganization,
  findUser,
  findUserByEmail,
  insertAccountLinks,
  listMembershipsOfUser,
  revokeApiTokens,
  updateUser,
} from "@luodi/db";
import type { AppContext, Caller } from "../context.ts";
import { passwordResetMail } from "../mail/templates.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { LINK_LIFETIME_MS, linkUrl, newAccountLink, usableLink, useLink } from "./account-links.ts";
import { accountKey, openSession } from "./login.ts";
import { hashPassword } from "./password.ts";
import { activeOrganizationsOf, type SignedIn } from "./signed-in.ts";

/** Most reset emails one person gets in an hour, however often the form is sent. */
const RESETS_PER_HOUR = 3;

/**
 * `POST /auth/password-reset` (忘记密码): when the email belongs to someone who may sign in, emails them a
 * link to set a new password, valid for an hour. The answer is the same 202 whether or not it does, and comes
 * before any of this work is done (it runs in the background), so neither its content nor its timing tells
 * whether the email is known. Without SMTP_URL no email can go out: an admin resets the password instead.
 */
export function requestPasswordReset(
  ctx: AppContext,
  input: { email: string; linkBase: string; locale: Locale },
): void {
  ctx.background.run(async () => {
    const user = await findUserByEmail(ctx.db, input.email);
    if (!user || !ctx.mailer) return;
    const memberships = (await listMembershipsOfUser(ctx.db, user.id)).filter((m) => m.status === "active");
    const first = memberships[0];
    if (!first) return;
    const now = ctx.config.now();
    const since = new Date(now.getTime() - 3_600_000).toISOString();
    // Counted and written under the person's row lock: requests sent together cannot all see room left.
    const link = await inTransaction(ctx, async (trx) => {
      await findUser(trx, user.id, { forUpdate: ctx.dialect === "postgres" });
      if ((await countAccountLinksSince(trx, user.id, "password_reset", since)) >= RESETS_PER_HOUR)
        return null;
      const made = newAccountLink({
        kind: "password_reset",
        userId: user.id,
        orgId: null,
        createdBy: null,
        now,
        lifetimeMs: LINK_LIFETIME_MS.selfReset,
      });
      await insertAccountLinks(trx, [made.row]);
      return made;
    });
    if (!link) return;
    const { row, token } = link;
    const org = await findOrganization(ctx.db, first.orgId);
    await ctx.mailer.send(
      passwordResetMail({
        to: user.email,
        locale: user.locale ?? org?.locale ?? input.locale,
        timeZone: org?.timezone ?? "UTC",
        name: user.name,
        url: linkUrl(input.linkBase, "password_reset", token),
        expiresAt: row.expiresAt,
      }),
    );
  });
}

/**
 * `POST /auth/password-reset/confirm`: the holder of a reset link sets a new password. The link works once;
 * every session and API token of the person ends (a reset is how an account is taken back, and whoever took
 * it may have opened them), as do their other reset links and any sign-in lock, and they are signed in afresh.
 */
export async function confirmPasswordReset(
  ctx: AppContext,
  input: { token: string; password: string },
): Promise<SignedIn> {
  const link = await usableLink(ctx.db, input.token, "password_reset", ctx.config.now());
  const found = await findUser(ctx.db, link.userId);
  const organizations = await activeOrganizationsOf(ctx.db, link.userId);
  if (!found || organizations.length === 0) throw new AppError("link.invalid");
  assertAcceptablePassword(input.password, { email: found.email, name: found.name });
  const passwordHash = await hashPassword(input.password, ctx.config);
  const user = await inTransaction(ctx, async (trx) => {
    const now = ctx.config.now();
    const at = now.toISOString();
    const current = await usableLink(trx, input.token, "password_reset", now);
    await useLink(trx, current, now);
    await updateUser(trx, found.id, { passwordHash, updatedAt: at });
    await expireAccountLinks(trx, found.id, ["password_reset"], at);
    await deleteSessionsOfUser(trx, found.id);
    await revokeApiTokens(trx, found.id, at, { except: null });
    await clearLoginAttempt(trx, accountKey(found.email));
    await recordAudit(
      trx,
      organizations.map((org) => ({
        orgId: org.id,
        actorId: found.id,
        action: "auth.password_reset",
        entityType: "user",
        entityId: found.id,
        at,
      })),
    );
    return { ...found, passwordHash, updatedAt: at };
  });
  return { user, sessionToken: await openSession(ctx, user.id), organizations };
}

/**
 * `POST /members/:userId/password-reset` (admins): the member's password stops working at once and their
 * sessions and API tokens end; the answer is a link, valid for a day, with which they set a new one at their next sign-in
 * (emailed too when the server sends mail). An admin may not reset an owner's password (owners may), nor
 * that of someone who also belongs to another organization — whoever holds the link would take over an
 * account beyond this organization: that person resets it themselves, by email.
 */
export async function resetMemberPassword(
  caller: Caller,
  userId: string,
  linkBase: string,
): Promise<{ url: string; expiresAt: string; emailed: boolean }> {
  const { ctx, auth } = caller;
  if (!canManageOrg(auth.actor)) throw new AppError("permission.denied");
  const orgId = auth.org.id;
  const { url, expiresAt, user } = await inTransaction(ctx, async (trx) => {
    const member = await findMember(trx, orgId, userId);
    if (!member) throw new AppError("member.not_found");
    if (member.role === "owner" && auth.actor.role !== "owner") throw new AppError("permission.denied");
    const memberships = await listMembershipsOfUser(trx, userId);
    if (memberships.some((m) => m.orgId !== orgId)) throw new AppError("password_reset.other_organization");
    const user = await findUser(trx, userId);
    if (!user) throw new AppError("member.not_found");
    const now = ctx.config.now();
    const at = now.toISOString();
    await updateUser(trx, userId, { passwordHash: null, updatedAt: at });
    await deleteSessionsOfUser(trx, userId);
    await revokeApiTokens(trx, userId, at, { except: null });
    await expireAccountLinks(trx, userId, ["password_reset"], at);
    const { row, token } = newAccountLink({
      kind: "password_reset",
      userId,
      orgId,
      createdBy: auth.user.id,
      now,
      lifetimeMs: LINK_LIFETIME_MS.adminReset,
    });
    await insertAccountLinks(trx, [row]);
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "member.password_reset",
        entityType: "member",
        entityId: userId,
        after: { expiresAt: row.expiresAt },
        at,
      },
    ]);
    return { url: linkUrl(linkBase, "password_reset", token), expiresAt: row.expiresAt, user };
  });
  let emailed = false;
  if (ctx.mailer) {
    try {
      await ctx.mailer.send(
        passwordResetMail({
          to: user.email,
          locale: user.locale ?? auth.org.locale,
          timeZone: auth.org.timezone,
          name: user.name,
          url,
          expiresAt,
          admin: auth.user.name,
        }),
      );
      emailed = true;
    } catch (error) {
      ctx.background.onError(error);
    }
  }
  return { url, expiresAt, emailed };
}
