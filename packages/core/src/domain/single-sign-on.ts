import type { Role } from "./types.ts";

/** What the identity provider said about the person, as read from the ID token and UserInfo. */
export type SsoClaims = {
  /** The email the provider holds for the person, if it shared one. */
  email: string | null;
  /** Whether the provider verified that email; an unverified one proves nothing about who owns it. */
  emailVerified: boolean;
};

/**
 * What a single sign-on ends in:
 * - `signIn`: the provider's subject is already linked to this user;
 * - `link`: a Luodi user has the provider's verified email: link the subject to them, then sign in;
 * - `provision`: nobody has it: a new member of the organization, then sign in;
 * - `refuse`: no verified email, so the person cannot be matched to anyone, nor safely created.
 */
export type SsoOutcome =
  | { kind: "signIn"; userId: string }
  | { kind: "link"; userId: string; email: string }
  | { kind: "provision"; email: string }
  | { kind: "refuse"; reason: "email_unverified" };

/**
 * Decides who a single sign-on is. The subject comes first: once linked, the person keeps their account
 * even when their email changes at the provider. Otherwise the email decides, and only when the provider
 * verified it — else anyone who could type a colleague's address into the provider would become them.
 */
export function ssoOutcome(input: {
  /** The user the provider's subject is linked to, if any. */
  linkedUserId: string | null;
  /** The user with the claimed email (matched without case), if any. */
  userIdByEmail: string | null;
  claims: SsoClaims;
}): SsoOutcome {
  if (input.linkedUserId) return { kind: "signIn", userId: input.linkedUserId };
  const email = input.claims.email?.trim().toLowerCase() ?? "";
  if (!email || !input.claims.emailVerified) return { kind: "refuse", reason: "email_unverified" };
  if (input.userIdByEmail) return { kind: "link", userId: input.userIdByEmail, email };
  return { kind: "provision", email };
}

/**
 * Whether a member may sign in with a password. When the organization turned password sign-in off (and
 * single sign-on is configured, else nobody could sign in at all), only owners keep it: the break-glass
 * that lets the company in when its identity provider is down or misconfigured.
 */
export function mayUsePassword(input: {
  role: Role;
  passwordLoginDisabled: boolean;
  ssoConfigured: boolean;
}): boolean {
  if (!input.passwordLoginDisabled || !input.ssoConfigured) return true;
  return input.role === "owner";
}

/**
 * The path to return to after signing in, when it is one of this site's (`/okrs/…`); anything else
 * (another host, `//host`, a backslash trick) falls back to the home page, so a crafted sign-in link
 * cannot send the person elsewhere.
 */
export function safeReturnPath(path: string | null | undefined): string {
  if (!path?.startsWith("/") || path.startsWith("//") || path.includes("\\")) return "/";
  return path;
}
