import { AppError, DEFAULT_ORG_SETTINGS, type OrgSettings } from "@luodi/core";
import {
  findUserBySession,
  findUserByTokenHash,
  listMembershipsWithOrganization,
  type OrganizationRow,
  readJson,
  touchApiToken,
  type UserRow,
} from "@luodi/db";
import type { AppContext, RequestAuth } from "../context.ts";
import { AUTH_SCOPE, structureScope } from "../services/org-generations.ts";
import { hashSecret } from "./tokens.ts";

export const SESSION_COOKIE = "luodi_session";

/** Settings as stored, over the defaults (older rows lack newer keys). */
export function parseSettings(org: OrganizationRow): OrgSettings {
  try {
    return { ...DEFAULT_ORG_SETTINGS, ...readJson(org.settings) };
  } catch {
    return DEFAULT_ORG_SETTINGS;
  }
}

/**
 * Finds who is calling from a session cookie or a Bearer token, and in which organization (X-Org-Id,
 * else the user's first). Returns null when no credential is valid.
 */
export async function resolveAuth(
  ctx: AppContext,
  credentials: { sessionToken?: string | undefined; bearer?: string | undefined; orgId?: string | undefined },
): Promise<RequestAuth | null> {
  const secret = credentials.bearer
    ? `t:${credentials.bearer}`
    : credentials.sessionToken
      ? `s:${credentials.sessionToken}`
      : "";
  if (!secret) return null;
  // Callers send the same credential many times a minute; resolving it costs two queries, so keep the
  // answer while nothing in its organization's structure and nothing about sign-ins changed (and a minute at most).
  // The secret itself is the key: it is already in this process's memory with the request, and hashing it
  // on every request would cost more than the lookup.
  const cacheKey = `${secret}|${credentials.orgId ?? ""}`;
  const nowMs = ctx.config.now().getTime();
  const authGeneration = ctx.generations.get(AUTH_SCOPE);
  const cached = ctx.authCache.get(cacheKey);
  if (
    cached &&
    cached.until > nowMs &&
    cached.authGeneration === authGeneration &&
    cached.orgGeneration === ctx.generations.get(structureScope(cached.auth.org.id))
  ) {
    return cached.auth;
  }
  const bumpsBefore = ctx.generations.identityBumps;
  const resolved = await resolveUncached(ctx, credentials);
  // Only an answer read while no identity changed may be kept: otherwise it could be older than its generation.
  if (resolved && ctx.generations.identityBumps === bumpsBefore) {
    ctx.authCache.set(cacheKey, {
      auth: resolved.auth,
      orgGeneration: resolved.orgGeneration,
      authGeneration,
      // Never past the credential's own end: an expiring token or session is not served from the cache.
      until: Math.min(nowMs + AUTH_CACHE_MS, resolved.validUntil ?? Number.POSITIVE_INFINITY),
    });
  }
  return resolved?.auth ?? null;
}

const AUTH_CACHE_MS = 60_000;

async function resolveUncached(
  ctx: AppContext,
  credentials: { sessionToken?: string | undefined; bearer?: string | undefined; orgId?: string | undefined },
): Promise<{ auth: RequestAuth; orgGeneration: number; validUntil: number | null } | null> {
  const now = ctx.config.now();
  let user: UserRow | undefined;
  let sessionId: string | null = null;
  let tokenId: string | null = null;
  let validUntil: number | null = null;
  if (credentials.bearer) {
    const found = await findUserByTokenHash(ctx.db, hashSecret(credentials.bearer), now.toISOString());
    if (found) {
      ({ user, tokenId } = found);
      validUntil = found.expiresAt ? Date.parse(found.expiresAt) : null;
      // Resolving skips the database while cached, so this runs about once a minute per token at most.
      if (!found.lastUsedAt || Date.parse(found.lastUsedAt) < now.getTime() - AUTH_CACHE_MS) {
        await touchApiToken(ctx.db, found.tokenId, now.toISOString());
      }
    }
  } else if (credentials.sessionToken) {
    const id = hashSecret(credentials.sessionToken);
    const found = await findUserBySession(ctx.db, id, now.toISOString());
    if (found) {
      user = found.user;
      sessionId = id;
      validUntil = Date.parse(found.expiresAt);
    }
  }
  if (!user) return null;
  const memberships = await listMembershipsWithOrganization(ctx.db, user.id);
  if (memberships.length === 0) return null;
  const chosen = credentials.orgId
    ? memberships.find((m) => m.membership.orgId === credentials.orgId)
    : memberships[0];
  if (!chosen) throw new AppError("organization.not_found");
  if (chosen.membership.status !== "active") throw new AppError("auth.deactivated");
  const org = chosen.organization;
  const orgGeneration = ctx.generations.get(structureScope(org.id));
  return {
    orgGeneration,
    validUntil,
    auth: {
      user,
      org,
      settings: parseSettings(org),
      membership: { ...chosen.membership, email: user.email, name: user.name },
      actor: { userId: user.id, role: chosen.membership.role },
      sessionId,
      tokenId,
    },
  };
}
