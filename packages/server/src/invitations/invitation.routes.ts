import {
  errorResponses,
  type InvitationLinkAnswer,
  idempotencyHeadersSchema,
  invitationAcceptInputSchema,
  invitationLinkSchema,
  invitationLinksSchema,
  invitationSchema,
  invitationsInputSchema,
  linkTokenParamsSchema,
  loginAnswerSchema,
  writeErrorResponses,
} from "@luodi/core";
import { linkBaseOf } from "../auth/account-links.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { presentUser } from "../presenters/presenters.ts";
import { IDEMPOTENT_SECRET_CREATE, idempotentSecretCreate } from "../services/idempotency.ts";
import { acceptInvitation, showInvitation } from "./accept-invitation.ts";
import { inviteMembers, sendInvitations } from "./invite-members.ts";

export async function invitationRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const tags = ["invitations"];

  app.post(
    "/invitations",
    {
      schema: {
        tags,
        description:
          "Invites one person, or several at once with `{ items: [...] }` (all or none): each becomes a member " +
          "at once and gets a one-time link, valid for a week, to choose a password — emailed when SMTP_URL is " +
          `set, and answered to copy into a chat. Admins. ${IDEMPOTENT_SECRET_CREATE}`,
        headers: idempotencyHeadersSchema,
        body: invitationsInputSchema,
        response: {
          201: invitationLinkSchema.or(invitationLinksSchema),
          ...writeErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const linkBase = linkBaseOf(ctx, request);
      const body = request.body;
      const batch = "items" in body;
      const sent = await idempotentSecretCreate(
        caller,
        { key: request.headers["idempotency-key"], method: "POST", path: "/invitations", body },
        async () => {
          const issued = await inviteMembers(caller, batch ? body.items : [body], { linkBase, batch });
          return {
            status: 201,
            ids: issued.map((invitation) => invitation.id),
            finish: async () => {
              const links = await sendInvitations(caller, issued);
              if (batch) return { items: links };
              if (!links[0]) throw new Error("no invitation made");
              return links[0];
            },
          };
        },
      );
      return reply
        .status(sent.status)
        .send(sent.body as InvitationLinkAnswer | { items: InvitationLinkAnswer[] });
    },
  );

  app.get(
    "/invitations/:token",
    {
      config: { public: true },
      schema: {
        tags,
        description: "Who invites whom to what, for the page that accepts the invitation.",
        params: linkTokenParamsSchema,
        response: { 200: invitationSchema, ...errorResponses(400, 403, 404) },
      },
    },
    async (request) => showInvitation(ctx, request.params.token),
  );

  app.post(
    "/invitations/:token/accept",
    {
      config: { public: true },
      schema: {
        tags,
        description:
          "Accepts an invitation: a new person chooses their password (and may correct their name); someone " +
          "who already has an account gives theirs. Signs in (session cookie). The link works once.",
        params: linkTokenParamsSchema,
        body: invitationAcceptInputSchema,
        response: { 200: loginAnswerSchema, ...errorResponses(400, 401, 403, 404, 413, 429) },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(ctx, request.params.token, request.body, request.ip);
      setSessionCookie(reply, ctx, result.sessionToken);
      return { user: presentUser(result.user), organizations: result.organizations };
    },
  );
}
