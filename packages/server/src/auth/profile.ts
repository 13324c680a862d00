import { AppError, assertAcceptablePassword, type Locale } from "@luodi/core";
import { deleteSession, deleteSessionsOfUser, findUser, revokeApiTokens, updateUser } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { hashPassword, verifyPassword } from "./password.ts";

/** Ends the caller's session; the cookie is useless afterwards even if kept. */
export async function logout(caller: Caller, clientAddress: string | null): Promise<void> {
  const { ctx, auth } = caller;
  if (!auth.sessionId) return;
  await inTransaction(ctx, async (trx) => {
    await deleteSession(trx, auth.sessionId as string);
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "auth.logout",
        entityType: "user",
        entityId: auth.user.id,
        after: { address: clientAddress },
        at: ctx.config.now().toISOString(),
      },
    ]);
  });
}

/**
 * Changes the caller's own name, language or password (the old password is required for a new one). A new
 * password ends the caller's other sessions and revokes their other API tokens at once: whoever else held
 * the old password may have opened them. The credential the change was made with stays.
 */
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
  await inTransaction(ctx, async (trx) => {
    await updateUser(trx, auth.user.id, patch);
    if (patch.passwordHash !== undefined) {
      await deleteSessionsOfUser(trx, auth.user.id, auth.sessionId);
      await revokeApiTokens(trx, auth.user.id, patch.updatedAt, { except: auth.tokenId });
    }
    await recordAudit(trx, [
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
  });
}
