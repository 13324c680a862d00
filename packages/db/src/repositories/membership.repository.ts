import type { Insertable, Selectable, Updateable } from "kysely";
import type { MembershipTable } from "../schema.ts";
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

export async function countMembersInDepartment(
  db: Executor,
  orgId: string,
  departmentId: string,
): Promise<number> {
  const row = await db
    .selectFrom("membership")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("department_id", "=", departmentId)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
