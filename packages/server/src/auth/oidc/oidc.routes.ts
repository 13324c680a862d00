import {
  AppError,
  errorResponses,
  noContentSchema,
  ssoCallbackQuerySchema,
  ssoLoginQuerySchema,
  ssoStatusSchema,
} from "@luodi/core";
import { findFirstOrganization } from "@luodi/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context.ts";
import type { ZodApp } from "../../http/types.ts";
import { parseSettings, SESSION_COOKIE } from "../resolve-auth.ts";
import { setSessionCookie } from "../session-cookie.ts";
import { beginSsoLogin, finishSsoLogin, SSO_REQUEST_TTL_MS } from "./single-sign-on.ts";

/** The cookie that ties a sign-in under way to the browser that started it (its `state`). */
const STATE_COOKIE = "luodi_sso_state";
const STATE_COOKIE_PATH = "/api/v1/auth/oidc";
const CALLBACK_PATH = "/api/v1/auth/oidc/callback";

const redirectResponse = noContentSchema.describe(
  "A redirect (302): `Location` says where the browser goes.",
);

/**
 * Single sign-on (OIDC, authorization code with PKCE) when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET
 * are set. Both routes are browser navigations: a browser (Accept: text/html) that meets an error is sent back
 * to the sign-in page with the error's code (`/login?ssoError=auth.sso_state`), which shows it in the
 * person's language; other callers get the contract's error body.
 */
export async function oidcRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    "/auth/oidc",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        description:
          "What the sign-in page offers: whether single sign-on is on, the provider's name for its button, " +
          "and whether password sign-in is turned off (owners keep it).",
        response: { 200: ssoStatusSchema, ...errorResponses(403, 404) },
      },
    },
    async () => {
      const oidc = ctx.config.oidc;
      if (!oidc) return { enabled: false, name: null, passwordLoginDisabled: false };
      const org = await findFirstOrganization(ctx.db);
      const settings = org ? parseSettings(org) : null;
      return {
        enabled: true,
        name: oidc.name,
        passwordLoginDisabled: settings?.passwordLoginDisabled ?? false,
      };
    },
  );

  app.get(
    "/auth/oidc/login",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        description:
          "Starts single sign-on: 302 to the identity provider (authorization code, PKCE S256, state and " +
          "nonce), with a short-lived HttpOnly cookie holding the state. `next` is the path of this site to " +
          "land on afterwards. 404 `auth.sso_not_configured` when single sign-on is off.",
        querystring: ssoLoginQuerySchema,
        response: { 302: redirectResponse, ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) =>
      answerBrowser(request, reply, async () => {
        const started = await beginSsoLogin(ctx, {
          redirectUri: redirectUriOf(ctx, request),
          next: request.query.next,
        });
        reply.setCookie(STATE_COOKIE, started.state, {
          path: STATE_COOKIE_PATH,
          httpOnly: true,
          // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
          sameSite: "lax",
          secure: isHttps(ctx),
          maxAge: SSO_REQUEST_TTL_MS / 1000,
        });
        return reply.redirect(started.url, 302);
      }),
  );

  app.get(
    "/auth/oidc/callback",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        description:
          "Where the identity provider sends the browser back. Checks the state against this browser's " +
          "cookie (400 `auth.sso_state` otherwise), exchanges the code, verifies the ID token, then signs in " +
          "the person linked to the provider's subject, links a Luodi account with the provider's verified " +
          "email, or adds a new member to the organization's default department; 403 " +
          "`auth.sso_email_unverified` without a verified email. Sets the session cookie and redirects to " +
          "`next` (or `/`).",
        querystring: ssoCallbackQuerySchema,
        response: { 302: redirectResponse, ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) =>
      answerBrowser(request, reply, async () => {
        // The state is single use whatever happens next.
        reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
        const callbackUrl = new URL(redirectUriOf(ctx, request));
        callbackUrl.search = new URL(request.url, "http://callback.invalid").search;
        const signedIn = await finishSsoLogin(ctx, {
          callbackUrl,
          cookieState: request.cookies[STATE_COOKIE],
          clientAddress: request.ip,
          previousSessionToken: request.cookies[SESSION_COOKIE],
        });
        setSessionCookie(reply, ctx, signedIn.sessionToken);
        return reply.redirect(signedIn.returnTo, 302);
      }),
  );
}

/**
 * Runs a navigation's work; an error goes back to the sign-in page for a browser (with its code), or is
 * thrown for the error handler to answer in the contract's shape. Failures at the provider are logged with
 * their cause, which the answer does not show (a wrong client secret, a clock skew).
 */
async function answerBrowser(
  request: FastifyRequest,
  reply: FastifyReply,
  work: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.cause) request.log.warn({ err: error.cause, code: error.code }, "single sign-on failed");
    if (!acceptsHtml(request)) throw error;
    return reply.redirect(`/login?ssoError=${encodeURIComponent(error.code)}`, 302);
  }
}

function acceptsHtml(request: FastifyRequest): boolean {
  return request.headers.accept?.includes("text/html") ?? false;
}

function isHttps(ctx: AppContext): boolean {
  return ctx.config.publicUrl?.startsWith("https://") ?? false;
}

/**
 * The redirect URI registered at the provider: under PUBLIC_URL when set, else under the address the
 * request came to (the provider checks it against the registered ones, so a forged Host goes nowhere).
 */
function redirectUriOf(ctx: AppContext, request: FastifyRequest): string {
  const base = ctx.config.publicUrl?.replace(/\/+$/, "") ?? `${request.protocol}://${request.host}`;
  return `${base}${CALLBACK_PATH}`;
}
