import type { Insertable, Selectable, Updateable } from "kysely";
import type { MembershipTable, OrganizationTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type MemberRow = Selectable<MembershipTable> & { email: string; name: string };

function selectMembers(db: Executor) {
  return db
    .selectFrom("membership")
    .innerJoin("user", "user.id", "membership.user_id")
    .selectAll("membership")
    .select(["user.email", "user.name"]);
}

export async function listMembers(db: Executor, orgId: string): Promise<MemberRow[]> {
  return selectMembers(db).where("membership.org_id", "=", orgId).orderBy("user.name").execute();
}

export async function findMember(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  return selectMembers(db)
    .where("membership.org_id", "=", orgId)
    .where("membership.user_id", "=", userId)
    .executeTakeFirst();
}

/** Organizations a user belongs to, oldest membership first. */
export async function listMembershipsOfUser(
  db: Executor,
  userId: string,
): Promise<Array<Selectable<MembershipTable> & { org_name: string }>> {
  return db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.org_id")
    .selectAll("membership")
    .select("organization.name as org_name")
    .where("membership.user_id", "=", userId)
    .orderBy("membership.created_at")
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
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
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
    .innerJoin("organization", "organization.id", "membership.org_id")
    .select([
      "membership.org_id",
      "membership.user_id",
      "membership.role",
      "membership.department_id",
      "membership.manager_id",
      "membership.title",
      "membership.status",
      "membership.version",
      "membership.created_at",
      "membership.updated_at",
      "organization.name as o_name",
      "organization.locale as o_locale",
      "organization.timezone as o_timezone",
      "organization.mission as o_mission",
      "organization.vision as o_vision",
      "organization.strategy as o_strategy",
      "organization.settings as o_settings",
      "organization.version as o_version",
      "organization.created_at as o_created_at",
      "organization.updated_at as o_updated_at",
    ])
    .where("membership.user_id", "=", userId)
    .orderBy("membership.created_at")
    .execute();
  return rows.map((r) => ({
    membership: {
      org_id: r.org_id,
      user_id: r.user_id,
      role: r.role,
      department_id: r.department_id,
      manager_id: r.manager_id,
      title: r.title,
      status: r.status,
      version: r.version,
      created_at: r.created_at,
      updated_at: r.updated_at,
    },
    organization: {
      id: r.org_id,
      name: r.o_name,
      locale: r.o_locale,
      timezone: r.o_timezone,
      mission: r.o_mission,
      vision: r.o_vision,
      strategy: r.o_strategy,
      settings: r.o_settings,
      version: r.o_version,
      created_at: r.o_created_at,
      updated_at: r.o_updated_at,
    },
  }));
}
