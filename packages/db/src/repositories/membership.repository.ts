import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { MembershipTable, OrganizationTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type MemberRow = Selectable<MembershipTable> & { email: string; name: string };

function selectMembers(db: Executor) {
  return db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.userId")
    .selectAll("membership")
    .select(["user.email", "user.name"]);
}

export async function listMembers(db: Executor, orgId: string): Promise<MemberRow[]> {
  return selectMembers(db).where("membership.orgId", "=", orgId).orderBy("user.name").execute();
}

/** What `GET /members` narrows to: a part of the name or email (any case), a department. */
export type MemberFilter = {
  q?: string | undefined;
  departmentId?: string | undefined;
  /** Only these users (a bounded set: the names a screen shows). */
  userIds?: readonly string[] | undefined;
};

/**
 * The organization's members matching the filter, by name then user id, strictly after `after` and at most
 * `limit`. `q` is matched as a plain substring: `%`, `_` and `\` in it match themselves.
 */
export async function listMembersPage(
  db: Executor,
  orgId: string,
  filter: MemberFilter,
  range: { limit: number; after?: { name: string; userId: string } | undefined },
): Promise<MemberRow[]> {
  let query = selectMembers(db).where("membership.orgId", "=", orgId);
  if (filter.departmentId !== undefined)
    query = query.where("membership.departmentId", "=", filter.departmentId);
  if (filter.userIds !== undefined)
    query = filter.userIds.length
      ? query.where("membership.userId", "in", [...filter.userIds])
      : query.where("membership.userId", "=", "");
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref("user.name")}) like ${pattern} escape '\\'`,
        sql<boolean>`lower(${eb.ref("user.email")}) like ${pattern} escape '\\'`,
      ]),
    );
  }
  const after = range.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("user.name", ">", after.name),
        eb.and([eb("user.name", "=", after.name), eb("membership.userId", ">", after.userId)]),
      ]),
    );
  }
  return query.orderBy("user.name").orderBy("membership.userId").limit(range.limit).execute();
}

export async function findMember(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  return selectMembers(db)
    .where("membership.orgId", "=", orgId)
    .where("membership.userId", "=", userId)
    .executeTakeFirst();
}

/**
 * The organization's active owners, in one order (user id) so that two transactions lock them alike.
 * With `forUpdate` (PostgreSQL) the rows stay locked until the transaction ends: a concurrent change of
 * an owner waits, then finds the owners as they are after it (the last-owner rule reads them).
 */
export async function listActiveOwners(
  db: Executor,
  orgId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Array<Selectable<MembershipTable>>> {
  let query = db
    .selectFrom("membership")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("role", "=", "owner")
    .where("status", "=", "active")
    .orderBy("userId");
  if (options.forUpdate) query = query.forUpdate();
  return query.execute();
}

/** Organizations a user belongs to, oldest membership first. */
export async function listMembershipsOfUser(
  db: Executor,
  userId: string,
): Promise<Array<Selectable<MembershipTable> & { orgName: string }>> {
  return db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.orgId")
    .selectAll("membership")
    .select("organization.name as orgName")
    .where("membership.userId", "=", userId)
    .orderBy("membership.createdAt")
    .execute();
}

export async function insertMembers(db: Executor, rows: Insertable<MembershipTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("membership").values(rows).execute();
}

export async function updateMember(
  db: Executor,
  orgId: string,
  userId: string,
  version: number,
  patch: Updateable<MembershipTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("membership")
    .set({ ...patch, version: version + 1 })
    .where("orgId", "=", orgId)
    .where("userId", "=", userId)
    .where("version", "=", version)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** A user's memberships with their organizations, oldest first, in one query (every request reads it). */
export async function listMembershipsWithOrganization(
  db: Executor,
  userId: string,
): Promise<Array<{ membership: Selectable<MembershipTable>; organization: Selectable<OrganizationTable> }>> {
  const rows = await db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.orgId")
    .select([
      "membership.orgId",
      "membership.userId",
      "membership.role",
      "membership.departmentId",
      "membership.managerId",
      "membership.title",
      "membership.status",
      "membership.version",
      "membership.createdAt",
      "membership.updatedAt",
      "organization.name as oName",
      "organization.locale as oLocale",
      "organization.timezone as oTimezone",
      "organization.mission as oMission",
      "organization.vision as oVision",
      "organization.strategy as oStrategy",
      "organization.settings as oSettings",
      "organization.version as oVersion",
      "organization.createdAt as oCreatedAt",
      "organization.updatedAt as oUpdatedAt",
    ])
    .where("membership.userId", "=", userId)
    .orderBy("membership.createdAt")
    .execute();
  return rows.map((r) => ({
    membership: {
      orgId: r.orgId,
      userId: r.userId,
      role: r.role,
      departmentId: r.departmentId,
      managerId: r.managerId,
      title: r.title,
      status: r.status,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    },
    organization: {
      id: r.orgId,
      name: r.oName,
      locale: r.oLocale,
      timezone: r.oTimezone,
      mission: r.oMission,
      vision: r.oVision,
      strategy: r.oStrategy,
      settings: r.oSettings,
      version: r.oVersion,
      createdAt: r.oCreatedAt,
      updatedAt: r.oUpdatedAt,
    },
  }));
}
