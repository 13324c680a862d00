import { AppError, DEFAULT_ORG_SETTINGS, type OrgSettings } from "@luodi/core";
import {
  findUserBySession,
  findUserByTokenHash,
  listMembershipsWithOrganization,
  type OrganizationRow,
  readJson,
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
      until: nowMs + AUTH_CACHE_MS,
    });
  }
  return resolved?.auth ?? null;
}

const AUTH_CACHE_MS = 60_000;

async function resolveUncached(
  ctx: AppContext,
  credentials: { sessionToken?: string | undefined; bearer?: string | undefined; orgId?: string | undefined },
): Promise<{ auth: RequestAuth; orgGeneration: number } | null> {
  let user: UserRow | undefined;
  let sessionId: string | null = null;
  if (credentials.bearer) {
    user = await findUserByTokenHash(ctx.db, hashSecret(credentials.bearer));
  } else if (credentials.sessionToken) {
    const id = hashSecret(credentials.sessionToken);
    user = await findUserBySession(ctx.db, id, ctx.config.now().toISOString());
    if (user) sessionId = id;
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
    auth: {
      user,
      org,
      settings: parseSettings(org),
      membership: { ...chosen.membership, email: user.email, name: user.name },
      actor: { userId: user.id, role: chosen.membership.role },
      sessionId,
    },
  };
}
