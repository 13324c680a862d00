import type { Insertable, Selectable, Updateable } from "kysely";
import type { DepartmentTable } from "../schema.ts";
import { affected, type Executor } from "./executor.ts";

export type DepartmentRow = Selectable<DepartmentTable>;

export async function listDepartments(db: Executor, orgId: string): Promise<DepartmentRow[]> {
  return db
    .selectFrom("department")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
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
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
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
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .where("deleted_at", "is", null)
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
      .where("org_id", "=", orgId)
      .where("parent_id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("membership")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", orgId)
      .where("department_id", "=", id)
      .where("status", "=", "active")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("objective")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", orgId)
      .where("owner_department_id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return { children: Number(children.n), members: Number(members.n), objectives: Number(objectives.n) };
}
