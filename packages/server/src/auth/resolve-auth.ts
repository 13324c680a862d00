import { AppError, DEFAULT_ORG_SETTINGS, type OrgSettings, type Role } from "@luodi/core";
import {
  findUserBySession,
  findUserByTokenHash,
  listMembershipsWithOrganization,
  type OrganizationRow,
  type UserRow,
} from "@luodi/db";
import type { AppContext, RequestAuth } from "../context.ts";
import { hashSecret } from "./tokens.ts";

export const SESSION_COOKIE = "luodi_session";

/** Settings as stored, over the defaults (older rows lack newer keys). */
export function parseSettings(org: OrganizationRow): OrgSettings {
  try {
    return { ...DEFAULT_ORG_SETTINGS, ...(JSON.parse(org.settings) as Partial<OrgSettings>) };
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
    ? memberships.find((m) => m.membership.org_id === credentials.orgId)
    : memberships[0];
  if (!chosen) throw new AppError("organization.not_found");
  if (chosen.membership.status !== "active") throw new AppError("auth.deactivated");
  const org = chosen.organization;
  return {
    user,
    org,
    settings: parseSettings(org),
    membership: { ...chosen.membership, email: user.email, name: user.name },
    actor: { userId: user.id, role: chosen.membership.role as Role },
    sessionId,
  };
}
