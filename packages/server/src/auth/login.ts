import { isIPv6 } from "node:net";
import { AppError, mayUsePassword, type Role } from "@luodi/core";
import {
  clearLoginAttempt,
  countLoginFailure,
  deleteExpiredLoginAttempts,
  deleteSession,
  findOrganization,
  findUserByEmail,
  insertSession,
  listMembershipsOfUser,
  type UserRow,
  uncountLoginFailure,
} from "@luodi/db";
import type { AppContext } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { parseSettings } from "./resolve-auth.ts";
import { hashSecret, newSecret } from "./tokens.ts";

/** The window failed sign-ins are counted in; it starts at a key's first failure. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failed sign-ins per account in a window; past them the account answers 429 until the window ends. */
export const ACCOUNT_FAILURES = 10;
/**
 * Failed sign-ins per client address in a window. Generous, and failures only: a whole office behind one
 * address signs in all morning without touching it; one address guessing across many accounts does.
 */
export const ADDRESS_FAILURES = 100;
export const SESSION_DAYS = 30;

/** The throttling key of an account. */
export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

/**
 * The throttling key of a client address: IPv4 as is (also when mapped into IPv6), IPv6 by its /64, the
 * block one subscriber is given, so rotating through it does not escape the count.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return `ip:${mapped[1]}`;
  if (!isIPv6(address)) return `ip:${address}`;
  const plain = (address.split("%")[0] ?? "").toLowerCase();
  const [head = "", tail] = plain.includes("::") ? plain.split("::") : [plain];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  const prefix = groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16));
  return `ip:${prefix.join(":")}::/64`;
}

/**
 * Checks a password and opens a new session. Before the password is looked at, the attempt is counted as a
 * failure against the client's address and the account, each in one atomic upsert in the database (so
 * parallel requests and every server instance see each other's counts); past a limit the answer is 429 with
 * the seconds until the window ends, whatever the password. A good sign-in takes its count back.
 */
export async function login(
  ctx: AppContext,
  input: {
    email: string;
    password: string;
    clientAddress: string | null;
    previousSessionToken?: string | undefined;
  },
): Promise<{
  user: UserRow;
  sessionToken: string;
  organizations: Array<{ id: string; name: string; role: Role }>;
}> {
  const now = ctx.config.now();
  const account = accountKey(input.email);
  const address = input.clientAddress ? addressKey(input.clientAddress) : null;
  // The address first: a throttled address adds nothing to the accounts it guesses at.
  const gates: Array<[key: string, limit: number]> = [[account, ACCOUNT_FAILURES]];
  if (address) gates.unshift([address, ADDRESS_FAILURES]);
  const expiredAt = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  for (const [key, limit] of gates) {
    const counted = await countLoginFailure(ctx.db, key, now.toISOString(), expiredAt);
    if (counted.failures === 1) await deleteExpiredLoginAttempts(ctx.db, expiredAt);
    if (counted.failures > limit) {
      const ms = Date.parse(counted.windowStart) + THROTTLE_WINDOW_MS - now.getTime();
      throw new AppError("auth.throttled", { seconds: Math.max(1, Math.ceil(ms / 1000)) });
    }
  }
  const user = await findUserByEmail(ctx.db, input.email);
  // An unknown email costs the same hashing as a wrong password, so timing does not tell which it was.
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
  else await verifyPassword(await decoyHash(ctx), input.password);
  const memberships = ok && user ? await listMembershipsOfUser(ctx.db, user.id) : [];
  const active = memberships.filter((m) => m.status === "active");
  if (!ok || !user || active.length === 0) {
    // Each organization the person belongs to sees the failure (an unknown email belongs to none), recorded
    // after the answer: a known email must not take longer to refuse than an unknown one.
    if (user) {
      const userId = user.id;
      const after = { email: input.email.trim().toLowerCase(), address: input.clientAddress };
      ctx.background.run(async () => {
        const organizations = ok ? memberships : await listMembershipsOfUser(ctx.db, userId);
        await recordSignIn(ctx, "auth.login_failed", userId, organizations, after);
      });
    }
    if (ok && user && active.length === 0) throw new AppError("auth.deactivated");
    throw new AppError("auth.invalid");
  }
  // Refused only after the password proved right, like a deactivated account, so that the answer tells
  // nothing about an account to whoever does not know its password; the attempt stays counted.
  if (!(await mayUsePasswordEverywhere(ctx, active))) {
    throw new AppError("auth.password_login_disabled", { name: ctx.config.oidc?.name ?? "SSO" });
  }
  // The account's failures are forgotten by its owner's success; the address keeps its others'.
  await clearLoginAttempt(ctx.db, account);
  if (address) await uncountLoginFailure(ctx.db, address);
  // A new session at every login, and the old one gone, so a planted session id never becomes valid.
  if (input.previousSessionToken) {
    await deleteSession(ctx.db, hashSecret(input.previousSessionToken));
  }
  const sessionToken = newSecret();
  await insertSession(ctx.db, {
    id: hashSecret(sessionToken),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  });
  await recordSignIn(ctx, "auth.login", user.id, active, { address: input.clientAddress });
  return {
    user,
    sessionToken,
    organizations: active.map((m) => ({ id: m.orgId, name: m.orgName, role: m.role })),
  };
}

/**
 * An audit entry of a sign-in or a failed one in each of the person's organizations, with the client's
 * address (never the password). Attempts refused by throttling are not recorded: under attack they would
 * flood the log, and the failures that locked the account or address are there already.
 */
async function recordSignIn(
  ctx: AppContext,
  action: "auth.login" | "auth.login_failed",
  userId: string,
  organizations: Array<{ orgId: string }>,
  after: Record<string, unknown>,
): Promise<void> {
  const at = ctx.config.now().toISOString();
  await recordAudit(
    ctx.db,
    organizations.map(({ orgId }) => ({
      orgId,
      actorId: action === "auth.login" ? userId : null,
      action,
      entityType: "user",
      entityId: userId,
      after,
      at,
    })),
  );
}

/**
 * Whether each organization the person is active in lets them sign in with a password: one that turned it
 * off (with single sign-on configured) lets only its owners (core mayUsePassword).
 */
async function mayUsePasswordEverywhere(
  ctx: AppContext,
  memberships: Array<{ orgId: string; role: Role }>,
): Promise<boolean> {
  if (!ctx.config.oidc) return true;
  for (const membership of memberships) {
    const org = await findOrganization(ctx.db, membership.orgId);
    const passwordLoginDisabled = org ? parseSettings(org).passwordLoginDisabled : false;
    if (!mayUsePassword({ role: membership.role, passwordLoginDisabled, ssoConfigured: true })) return false;
  }
  return true;
}

let decoy: Promise<string> | undefined;

function decoyHash(ctx: AppContext): Promise<string> {
  decoy ??= hashPassword(newSecret(), ctx.config);
  return decoy;
}

/** Opens a session for a user who just proved who they are (setup). */
export async function openSession(ctx: AppContext, userId: string): Promise<string> {
  const now = ctx.config.now();
  const sessionToken = newSecret();
  await insertSession(ctx.db, {
    id: hashSecret(sessionToken),
    userId: userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  });
  return sessionToken;
}
