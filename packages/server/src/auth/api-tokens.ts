import { AppError } from "@luodi/core";
import { type ApiTokenRow, insertApiToken, listLiveApiTokens, lockUser, revokeApiTokens } from "@luodi/db";
import type { Caller } from "../context.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { hashSecret, newSecret } from "./tokens.ts";

/** The most API tokens that work at once per person; revoked and expired ones do not count. */
export const MAX_API_TOKENS = 20;

/**
 * Issues a personal API token; only its hash is stored, the token is shown once. It may expire
 * (`expiresAt`, in the future); a person has at most MAX_API_TOKENS that work at once.
 */
export async function createApiToken(
  caller: Caller,
  input: { name: string; expiresAt?: string | undefined },
): Promise<{ id: string; name: string; token: string; expiresAt: string | null }> {
  const { ctx, auth } = caller;
  const now = ctx.config.now().toISOString();
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString();
  if (expiresAt !== null && expiresAt <= now) {
    throw new AppError("request.invalid", {}, [{ path: "expiresAt", code: "token.expiry_past" }]);
  }
  const token = newSecret("ld_");
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    // Two creations at once count one after the other (SQLite runs one transaction at a time).
    if (ctx.dialect === "postgres") await lockUser(trx, auth.user.id);
    const live = await listLiveApiTokens(trx, auth.user.id, now);
    if (live.length >= MAX_API_TOKENS) throw new AppError("token.limit", { max: MAX_API_TOKENS });
    await insertApiToken(trx, {
      id,
      userId: auth.user.id,
      name: input.name,
      tokenHash: hashSecret(token),
      createdAt: now,
      revokedAt: null,
      expiresAt,
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "token.create",
        entityType: "api_token",
        entityId: id,
        after: { name: input.name, expiresAt },
        at: now,
      },
    ]);
  });
  return { id, name: input.name, token, expiresAt };
}

/** The caller's API tokens that still work, newest first (never their secret). */
export async function listApiTokens(caller: Caller): Promise<ApiTokenRow[]> {
  return listLiveApiTokens(caller.ctx.db, caller.auth.user.id, caller.ctx.config.now().toISOString());
}

/**
 * Revokes one of the caller's tokens. It stops working at once: the write bumps the authentication scope
 * (services/change-tracker.ts), so no cached caller outlives it.
 */
export async function revokeApiToken(caller: Caller, tokenId: string): Promise<void> {
  const { ctx, auth } = caller;
  const now = ctx.config.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const live = await listLiveApiTokens(trx, auth.user.id, now);
    const token = live.find((t) => t.id === tokenId);
    if (!token || (await revokeApiTokens(trx, auth.user.id, now, { id: tokenId })) === 0) {
      throw new AppError("token.not_found");
    }
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "token.revoke",
        entityType: "api_token",
        entityId: tokenId,
        before: { name: token.name },
        at: now,
      },
    ]);
  });
}
