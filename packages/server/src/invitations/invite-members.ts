import { AppError, type DetailInput, type InvitationLinkAnswer, type Role } from "@luodi/core";
import type { Caller } from "../context.ts";
import { addMember, assertAdmin, assertMayGrant } from "../org/members.ts";
import { inTransaction } from "../services/transaction.ts";
import { emailInvitations, type IssuedInvitation, issueInvitations } from "./invitation-links.ts";

/** One person to invite: a member's fields without a password. */
export type InvitationInput = {
  email: string;
  name: string;
  role: Role;
  departmentId: string;
  managerId?: string | null | undefined;
  title?: string | null | undefined;
};

/** An error about one invitation of a batch, placed at that item (`items.3.email`). */
function atItem(prefix: string, error: unknown): unknown {
  if (!(error instanceof AppError) || prefix === "") return error;
  const details: DetailInput[] =
    error.details.length > 0
      ? error.details.map((d) => ({ ...d, path: d.path ? `${prefix}.${d.path}` : prefix }))
      : [{ path: prefix }];
  return new AppError(error.code, error.params, details);
}

/**
 * Invites people (admins): each becomes a member at once — so they can be made managers, KR owners or
 * department leaders today — and gets a one-time link to choose a password, valid for a week. All or none:
 * one refused invitation (an email already a member, a department that does not exist) refuses the batch,
 * at its place in the list. What is issued is emailed and answered by `sendInvitations`, once committed.
 */
export async function inviteMembers(
  caller: Caller,
  inputs: readonly InvitationInput[],
  options: { linkBase: string; batch: boolean },
): Promise<IssuedInvitation[]> {
  assertAdmin(caller);
  const { ctx } = caller;
  const now = ctx.config.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const people: Array<{ userId: string; email: string; name: string }> = [];
    for (const [index, input] of inputs.entries()) {
      const prefix = options.batch ? `items.${index}` : "";
      try {
        assertMayGrant(caller, input.role);
        const { userId } = await addMember(caller, trx, input, null, now);
        people.push({ userId, email: input.email.trim().toLowerCase(), name: input.name });
      } catch (error) {
        throw atItem(prefix, error);
      }
    }
    return issueInvitations(caller, trx, people, options.linkBase);
  });
}

/**
 * Emails issued invitations when the server sends mail, and answers their links, always, to copy. Only after
 * the invitations committed: a link is never mailed for an invitation that was rolled back.
 */
export async function sendInvitations(
  caller: Caller,
  invitations: readonly IssuedInvitation[],
): Promise<InvitationLinkAnswer[]> {
  const emailed = await emailInvitations(caller, invitations);
  return invitations.map((invitation, index) => ({
    id: invitation.id,
    email: invitation.email,
    url: invitation.url,
    expiresAt: invitation.expiresAt,
    emailed: emailed[index] ?? false,
  }));
}
