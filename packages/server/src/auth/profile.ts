import { AppError, assertAcceptablePassword, type Locale } from "@luodi/core";
import { deleteSession, findUser, insertApiToken, updateUser } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { hashSecret, newSecret } from "./tokens.ts";

/** Ends the caller's session; the cookie is useless afterwards even if kept. */
export async function logout(caller: Caller): Promise<void> {
  if (caller.auth.sessionId) await deleteSession(caller.ctx.db, caller.auth.sessionId);
}

/** Issues a personal API token; only its hash is stored, the token is shown once. */
export async function createApiToken(
  caller: Caller,
  name: string,
): Promise<{ id: string; name: string; token: string }> {
  const token = newSecret("ld_");
  const id = newId();
  const now = caller.ctx.config.now().toISOString();
  await insertApiToken(caller.ctx.db, {
    id,
    userId: caller.auth.user.id,
    name,
    tokenHash: hashSecret(token),
    createdAt: now,
    revokedAt: null,
  });
  await recordAudit(caller.ctx.db, [
    {
      orgId: caller.auth.org.id,
      actorId: caller.auth.user.id,
      action: "token.create",
      entityType: "api_token",
      entityId: id,
      after: { name },
      at: now,
    },
  ]);
  return { id, name, token };
}

/** Changes the caller's own name, language or password (the old password is required for a new one). */
export async function updateProfile(
  caller: Caller,
  input: {
    name?: string | undefined;
    locale?: Locale | null | undefined;
    currentPassword?: string | undefined;
    newPassword?: string | undefined;
  },
): Promise<void> {
  const { ctx, auth } = caller;
  const patch: { name?: string; locale?: Locale | null; passwordHash?: string; updatedAt: string } = {
    updatedAt: ctx.config.now().toISOString(),
  };
  if (input.name !== undefined) patch.name = input.name;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.newPassword !== undefined) {
    const user = await findUser(ctx.db, auth.user.id);
    // Not built from the person's email or name (the rest of the rules ran with the schema).
    assertAcceptablePassword(
      input.newPassword,
      { email: user?.email ?? auth.user.email, name: input.name ?? user?.name ?? null },
      "newPassword",
    );
    if (!(await verifyPassword(user?.passwordHash ?? null, input.currentPassword ?? ""))) {
      throw new AppError("auth.invalid");
    }
    patch.passwordHash = await hashPassword(input.newPassword, ctx.config);
  }
  await updateUser(ctx.db, auth.user.id, patch);
  await recordAudit(ctx.db, [
    {
      orgId: auth.org.id,
      actorId: auth.user.id,
      action: "user.update",
      entityType: "user",
      entityId: auth.user.id,
      after: { name: input.name, locale: input.locale, passwordChanged: input.newPassword !== undefined },
      at: patch.updatedAt,
    },
  ]);
}
