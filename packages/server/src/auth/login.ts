import { AppError, type Role } from "@luodi/core";
import {
  clearLoginAttempt,
  deleteSession,
  findLoginAttempt,
  findUserByEmail,
  insertSession,
  listMembershipsOfUser,
  saveLoginAttempt,
  type UserRow,
} from "@luodi/db";
import type { AppContext } from "../context.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { hashSecret, newSecret } from "./tokens.ts";

const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MS = 15 * 60_000;
export const SESSION_DAYS = 30;

/**
 * Checks a password and opens a new session. Failures are counted per email in the database (so every
 * server instance sees them); past five in fifteen minutes the email is locked, for longer each time.
 */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string; previousSessionToken?: string | undefined },
): Promise<{
  user: UserRow;
  sessionToken: string;
  organizations: Array<{ id: string; name: string; role: Role }>;
}> {
  const now = ctx.config.now();
  const key = `email:${input.email.trim().toLowerCase()}`;
  const attempt = await findLoginAttempt(ctx.db, key);
  if (attempt?.lockedUntil && attempt.lockedUntil > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(attempt.lockedUntil) - now.getTime()) / 1000);
    throw new AppError("auth.throttled", { seconds });
  }
  const user = await findUserByEmail(ctx.db, input.email);
  // An unknown email costs the same hashing as a wrong password, so timing does not tell which it was.
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
  else await verifyPassword(await decoyHash(ctx), input.password);
  const memberships = ok && user ? await listMembershipsOfUser(ctx.db, user.id) : [];
  const active = memberships.filter((m) => m.status === "active");
  if (!ok || !user || active.length === 0) {
    const inWindow = attempt && now.getTime() - Date.parse(attempt.windowStart) < WINDOW_MS;
    const failures = (inWindow ? attempt.failures : 0) + 1;
    const lockMs =
      failures >= FREE_FAILURES ? Math.min(MAX_LOCK_MS, 30_000 * 2 ** (failures - FREE_FAILURES)) : 0;
    await saveLoginAttempt(ctx.db, {
      key,
      failures,
      windowStart: inWindow ? attempt.windowStart : now.toISOString(),
      lockedUntil: lockMs ? new Date(now.getTime() + lockMs).toISOString() : null,
    });
    if (ok && user && active.length === 0) throw new AppError("auth.deactivated");
    throw new AppError("auth.invalid");
  }
  if (attempt) await clearLoginAttempt(ctx.db, key);
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
  return {
    user,
    sessionToken,
    organizations: active.map((m) => ({ id: m.orgId, name: m.orgName, role: m.role })),
  };
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
