import { AppError, emailSchema, safeReturnPath, ssoOutcome } from "@luodi/core";
import {
  deleteExpiredOidcLoginRequests,
  deleteSession,
  type Executor,
  findDepartment,
  findFirstOrganization,
  findMember,
  findRootDepartmentId,
  findUser,
  findUserByEmail,
  findUserIdentity,
  insertMembers,
  insertOidcLoginRequest,
  insertUser,
  insertUserIdentity,
  listMembershipsOfUser,
  takeOidcLoginRequest,
  touchUserIdentity,
  type UserRow,
} from "@luodi/db";
import * as client from "openid-client";
import type { OidcConfig } from "../../config.ts";
import type { AppContext } from "../../context.ts";
import { recordAudit } from "../../services/audit.ts";
import { newId } from "../../services/ids.ts";
import { inTransaction } from "../../services/transaction.ts";
import { openSession } from "../login.ts";
import { parseSettings } from "../resolve-auth.ts";
import { hashSecret } from "../tokens.ts";
import { isNetworkFailure, providerConfiguration, withCause } from "./oidc-provider-config.ts";

/** How long a sign-in may stay at the provider before its state expires. */
export const SSO_REQUEST_TTL_MS = 10 * 60_000;

/** The configured single sign-on, or 404 `auth.sso_not_configured`. */
function ssoOf(ctx: AppContext): OidcConfig {
  if (!ctx.config.oidc) throw new AppError("auth.sso_not_configured");
  return ctx.config.oidc;
}

/**
 * Starts a sign-in at the provider: a fresh state, nonce and PKCE verifier (S256), the verifier and nonce
 * kept in the database under the state's hash, and the provider's address to send the browser to. The
 * caller puts the state in a cookie, so only this browser can finish what it started.
 */
export async function beginSsoLogin(
  ctx: AppContext,
  input: { redirectUri: string; next?: string | undefined },
): Promise<{ url: string; state: string }> {
  const configuration = await providerConfiguration(ssoOf(ctx));
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = ctx.config.now();
  await deleteExpiredOidcLoginRequests(ctx.db, now.toISOString());
  await insertOidcLoginRequest(ctx.db, {
    id: hashSecret(state),
    codeVerifier,
    nonce,
    returnTo: safeReturnPath(input.next),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SSO_REQUEST_TTL_MS).toISOString(),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: input.redirectUri,
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, state };
}

/** What a finished single sign-on answers: the new session and where to land. */
type SsoSignedIn = { userId: string; sessionToken: string; returnTo: string };

/**
 * Finishes a sign-in coming back from the provider. The state must be the one this browser's cookie holds
 * and a sign-in under way that has not expired (each is used once); then the code is exchanged with the
 * PKCE verifier, the ID token verified (signature, issuer, audience, nonce: openid-client), and the person
 * found by the provider's subject, linked by a verified email, or provisioned into the organization.
 */
export async function finishSsoLogin(
  ctx: AppContext,
  input: {
    /** The callback's URL as the provider sent the browser to it (redirect URI and query). */
    callbackUrl: URL;
    /** The state this browser's cookie holds. */
    cookieState: string | undefined;
    clientAddress: string | null;
    previousSessionToken?: string | undefined;
  },
): Promise<SsoSignedIn> {
  const oidc = ssoOf(ctx);
  const state = input.callbackUrl.searchParams.get("state");
  if (!state || !input.cookieState || state !== input.cookieState) throw new AppError("auth.sso_state");
  const now = ctx.config.now();
  const request = await takeOidcLoginRequest(ctx.db, hashSecret(state));
  if (!request || Date.parse(request.expiresAt) <= now.getTime()) throw new AppError("auth.sso_state");
  const configuration = await providerConfiguration(oidc);
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new AppError("auth.sso_failed");
    claims = { ...idToken };
    // Many providers put the email only in UserInfo (OIDC Core 5.4: scope claims go there when an access
    // token is issued); the ID token's subject must be UserInfo's too.
    if (typeof claims.email !== "string" || claims.email_verified === undefined) {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claims = { ...info, ...claims, email: claims.email ?? info.email };
      if (claims.email_verified === undefined) claims.email_verified = info.email_verified;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw withCause(
      new AppError(isNetworkFailure(error) ? "auth.sso_unavailable" : "auth.sso_failed"),
      error,
    );
  }
  const issuer = configuration.serverMetadata().issuer;
  const subject = String(claims.sub);
  const person = {
    email: typeof claims.email === "string" ? claims.email : null,
    // Some providers send the flag as a string.
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
    name: nameOf(claims),
  };
  const userId = await signInOrProvision(ctx, {
    issuer,
    subject,
    person,
    clientAddress: input.clientAddress,
  });
  if (input.previousSessionToken) await deleteSession(ctx.db, hashSecret(input.previousSessionToken));
  const sessionToken = await openSession(ctx, userId);
  return { userId, sessionToken, returnTo: request.returnTo };
}

type Person = { email: string | null; emailVerified: boolean; name: string };

/**
 * Finds or makes the Luodi user of a provider's subject, in one transaction with the audit entries.
 * Two first sign-ins of one new person at once race to create them: the loser's transaction fails on the
 * unique email or identity and is run again, finding what the winner made.
 */
async function signInOrProvision(
  ctx: AppContext,
  input: { issuer: string; subject: string; person: Person; clientAddress: string | null },
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(ctx, (trx) => resolvePerson(ctx, trx, input));
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function resolvePerson(
  ctx: AppContext,
  trx: Executor,
  input: { issuer: string; subject: string; person: Person; clientAddress: string | null },
): Promise<string> {
  const { issuer, subject, person } = input;
  const now = ctx.config.now().toISOString();
  const identity = await findUserIdentity(trx, issuer, subject);
  const parsedEmail = person.email ? emailSchema.safeParse(person.email.trim().toLowerCase()) : null;
  const email = parsedEmail?.success ? parsedEmail.data : null;
  const byEmail = !identity && email ? await findUserByEmail(trx, email) : undefined;
  const outcome = ssoOutcome({
    linkedUserId: identity?.userId ?? null,
    userIdByEmail: byEmail?.id ?? null,
    claims: { email, emailVerified: person.emailVerified },
  });
  if (outcome.kind === "refuse") throw new AppError("auth.sso_email_unverified");
  let user: UserRow | undefined;
  let created = false;
  if (outcome.kind === "provision") {
    user = {
      id: newId(),
      email: outcome.email,
      name: person.name || outcome.email.split("@")[0] || outcome.email,
      passwordHash: null,
      locale: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertUser(trx, user);
    created = true;
  } else {
    user = await findUser(trx, outcome.userId);
    if (!user) throw new AppError("auth.sso_failed");
  }
  if (outcome.kind === "signIn") await touchUserIdentity(trx, issuer, subject, now);
  else {
    await insertUserIdentity(trx, {
      issuer,
      subject,
      userId: user.id,
      email,
      createdAt: now,
      lastLoginAt: now,
    });
  }
  const provisioned = await ensureMembership(trx, user, now);
  const active = (await listMembershipsOfUser(trx, user.id)).filter((m) => m.status === "active");
  if (active.length === 0) throw new AppError("auth.deactivated");
  const after = {
    address: input.clientAddress,
    method: "sso",
    ...(outcome.kind === "link" ? { linked: true } : {}),
    ...(created || provisioned ? { provisioned: true } : {}),
  };
  await recordAudit(
    trx,
    active.map(({ orgId }) => ({
      orgId,
      actorId: user.id,
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      after,
      at: now,
    })),
  );
  return user.id;
}

/**
 * A person single sign-on lets in who is not a member of the organization yet becomes one: role member, in
 * the department the admins chose (`ssoDefaultDepartmentId`), or the root when none is chosen or it is gone.
 * Answers whether a membership was made.
 */
async function ensureMembership(trx: Executor, user: UserRow, now: string): Promise<boolean> {
  const org = await findFirstOrganization(trx);
  if (!org) throw new AppError("auth.sso_failed");
  if (await findMember(trx, org.id, user.id)) return false;
  const settings = parseSettings(org);
  const chosen = settings.ssoDefaultDepartmentId
    ? await findDepartment(trx, org.id, settings.ssoDefaultDepartmentId)
    : undefined;
  const departmentId = chosen?.id ?? (await findRootDepartmentId(trx, org.id)) ?? null;
  await insertMembers(trx, [
    {
      orgId: org.id,
      userId: user.id,
      role: "member",
      departmentId,
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
      orgId: org.id,
      actorId: user.id,
      action: "member.create",
      entityType: "member",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: "member", departmentId, method: "sso" },
      at: now,
    },
  ]);
  return true;
}

/** The person's name from the claims: `name`, else given and family names, else their username. */
function nameOf(claims: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const full =
    text(claims.name) ||
    [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") ||
    text(claims.preferred_username);
  // A provider's text is not typed by the person here: control characters go, and names stay one line.
  return full.replace(CONTROL_CHARACTERS, " ").trim().slice(0, 200);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || (typeof code === "string" && code.startsWith("SQLITE_CONSTRAINT"));
}
