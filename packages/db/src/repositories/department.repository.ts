import type { Insertable, Selectable, Updateable } from "kysely";
import type { DepartmentTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type DepartmentRow = Selectable<DepartmentTable>;

export async function listDepartments(db: Executor, orgId: string): Promise<DepartmentRow[]> {
  return db
    .selectFrom("department")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("deletedAt", "is", null)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

export async function findDepartment(
  db: Executor,
  orgId: string,
  id: string,
): Promise<DepartmentRow | undefined> {
  return db
    .selectFrom("department")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("deletedAt", "is", null)
    .executeTakeFirst();
}

export async function insertDepartments(db: Executor, rows: Insertable<DepartmentTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("department").values(rows).execute();
}

export async function updateDepartment(
  db: Executor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<DepartmentTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("department")
    .set({ ...patch, version: version + 1 })
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .where("deletedAt", "is", null)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Counts what keeps a department from being deleted: sub-departments, active members, live objectives. */
export async function departmentDependents(
  db: Executor,
  orgId: string,
  id: string,
): Promise<{ children: number; members: number; objectives: number }> {
  const [children, members, objectives] = await Promise.all([
    db
      .selectFrom("department")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("orgId", "=", orgId)
      .where("parentId", "=", id)
      .where("deletedAt", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("membership")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("orgId", "=", orgId)
      .where("departmentId", "=", id)
      .where("status", "=", "active")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("objective")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("orgId", "=", orgId)
      .where("ownerDepartmentId", "=", id)
      .where("deletedAt", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return { children: Number(children.n), members: Number(members.n), objectives: Number(objectives.n) };
}
