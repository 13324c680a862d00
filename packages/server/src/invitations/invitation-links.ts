import type { Locale } from "@luodi/core";
import { type Executor, findUser, insertAccountLinks } from "@luodi/db";
import { LINK_LIFETIME_MS, linkUrl, newAccountLink } from "../auth/account-links.ts";
import type { Caller } from "../context.ts";
import { invitationMail } from "../mail/templates.ts";
import { recordAudit } from "../services/audit.ts";

/** An invitation just made: its link, shown once, and who it goes to. */
export type IssuedInvitation = {
  id: string;
  userId: string;
  email: string;
  name: string;
  url: string;
  expiresAt: string;
};

/**
 * One invitation link per person just added, inside the caller's transaction (only the secrets' hashes are
 * stored); an earlier unused invitation of the same person to this organization keeps working until it
 * expires.
 */
export async function issueInvitations(
  caller: Caller,
  trx: Executor,
  people: ReadonlyArray<{ userId: string; email: string; name: string }>,
  linkBase: string,
): Promise<IssuedInvitation[]> {
  const { ctx, auth } = caller;
  const now = ctx.config.now();
  const links = people.map((person) => ({
    person,
    ...newAccountLink({
      kind: "invitation",
      userId: person.userId,
      orgId: auth.org.id,
      createdBy: auth.user.id,
      now,
      lifetimeMs: LINK_LIFETIME_MS.invitation,
    }),
  }));
  await insertAccountLinks(
    trx,
    links.map((link) => link.row),
  );
  await recordAudit(
    trx,
    links.map(({ row, person }) => ({
      orgId: auth.org.id,
      actorId: auth.user.id,
      action: "invitation.create",
      entityType: "member",
      entityId: person.userId,
      after: { email: person.email, expiresAt: row.expiresAt },
      at: row.createdAt,
    })),
  );
  return links.map(({ row, token, person }) => ({
    id: row.id,
    userId: person.userId,
    email: person.email,
    name: person.name,
    url: linkUrl(linkBase, "invitation", token),
    expiresAt: row.expiresAt,
  }));
}

/**
 * Emails each invitation when the server sends mail, in the person's language (theirs when they already
 * have an account, else the organization's); returns, per invitation, whether it went out. A failure to
 * send is logged and leaves the link to be copied.
 */
export async function emailInvitations(
  caller: Caller,
  invitations: readonly IssuedInvitation[],
): Promise<boolean[]> {
  const { ctx, auth } = caller;
  const mailer = ctx.mailer;
  if (!mailer) return invitations.map(() => false);
  const results = await Promise.allSettled(
    invitations.map(async (invitation) => {
      const user = await findUser(ctx.db, invitation.userId);
      const locale: Locale = user?.locale ?? auth.org.locale;
      await mailer.send(
        invitationMail({
          to: invitation.email,
          locale,
          timeZone: auth.org.timezone,
          name: user?.name ?? invitation.name,
          organization: auth.org.name,
          inviter: auth.user.name,
          url: invitation.url,
          expiresAt: invitation.expiresAt,
        }),
      );
    }),
  );
  return results.map((result) => {
    if (result.status === "rejected") ctx.background.onError(result.reason);
    return result.status === "fulfilled";
  });
}
