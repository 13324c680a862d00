import { AppError, DEFAULT_ORG_SETTINGS, type OrgSettings, type Role } from "@luodi/core";
import {
  findApiTokenByHash,
  findOrganization,
  findSession,
  findUser,
  listMembershipsOfUser,
  type OrganizationRow,
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
  let userId: string | undefined;
  let sessionId: string | null = null;
  const now = ctx.config.now().toISOString();
  if (credentials.bearer) {
    const token = await findApiTokenByHash(ctx.db, hashSecret(credentials.bearer));
    userId = token?.user_id;
  } else if (credentials.sessionToken) {
    const id = hashSecret(credentials.sessionToken);
    const session = await findSession(ctx.db, id);
    if (session && session.expires_at > now) {
      userId = session.user_id;
      sessionId = id;
    }
  }
  if (!userId) return null;
  const [user, memberships] = await Promise.all([
    findUser(ctx.db, userId),
    listMembershipsOfUser(ctx.db, userId),
  ]);
  if (!user || memberships.length === 0) return null;
  const chosen = credentials.orgId ? memberships.find((m) => m.org_id === credentials.orgId) : memberships[0];
  if (!chosen) throw new AppError("organization.not_found");
  if (chosen.status !== "active") throw new AppError("auth.deactivated");
  const org = await findOrganization(ctx.db, chosen.org_id);
  if (!org) return null;
  return {
    user,
    org,
    settings: parseSettings(org),
    membership: { ...chosen, email: user.email, name: user.name },
    actor: { userId: user.id, role: chosen.role as Role },
    sessionId,
  };
}
