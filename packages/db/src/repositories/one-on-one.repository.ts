import type { Insertable, Selectable, Updateable } from "kysely";
import type {
  OneOnOneActionItemTable,
  OneOnOneAgendaItemTable,
  OneOnOneNotesEditTable,
  OneOnOnePrivateNoteTable,
  OneOnOneTable,
} from "../schema.ts";
import type { Executor } from "./executor.ts";

export type OneOnOneRow = Selectable<OneOnOneTable> & { managerName: string; reportName: string };
export type AgendaItemRow = Selectable<OneOnOneAgendaItemTable> & { addedByName: string };
export type ActionItemRow = Selectable<OneOnOneActionItemTable> & { ownerName: string };
export type PrivateNoteRow = Selectable<OneOnOnePrivateNoteTable>;

function selectOneOnOnes(db: Executor) {
  return db
    .selectFrom("oneOnOne")
    .innerJoin("user as manager", "manager.id", "oneOnOne.managerId")
    .innerJoin("user as report", "report.id", "oneOnOne.reportId")
    .selectAll("oneOnOne")
    .select(["manager.name as managerName", "report.name as reportName"]);
}

export async function insertOneOnOne(db: Executor, row: Insertable<OneOnOneTable>): Promise<void> {
  await db.insertInto("oneOnOne").values(row).execute();
}

export async function findOneOnOne(
  db: Executor,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OneOnOneRow | undefined> {
  let query = selectOneOnOnes(db).where("oneOnOne.orgId", "=", orgId).where("oneOnOne.id", "=", id);
  if (options.forUpdate) query = query.forUpdate("oneOnOne");
  return query.executeTakeFirst();
}

/**
 * One page of the 1:1s `userId` takes part in (as manager or as report), newest first, before `before`
 * (ids are time-ordered); `withUserId` keeps those with that person.
 */
export async function listOneOnOnes(
  db: Executor,
  orgId: string,
  userId: string,
  page: { limit: number; before?: string | undefined; withUserId?: string | undefined },
): Promise<OneOnOneRow[]> {
  let query = selectOneOnOnes(db)
    .where("oneOnOne.orgId", "=", orgId)
    .where((eb) => eb.or([eb("oneOnOne.managerId", "=", userId), eb("oneOnOne.reportId", "=", userId)]));
  const other = page.withUserId;
  if (other)
    query = query.where((eb) =>
      eb.or([eb("oneOnOne.managerId", "=", other), eb("oneOnOne.reportId", "=", other)]),
    );
  if (page.before) query = query.where("oneOnOne.id", "<", page.before);
  return query.orderBy("oneOnOne.id", "desc").limit(page.limit).execute();
}

export async function updateOneOnOne(
  db: Executor,
  orgId: string,
  id: string,
  changes: Updateable<OneOnOneTable>,
): Promise<void> {
  await db.updateTable("oneOnOne").set(changes).where("orgId", "=", orgId).where("id", "=", id).execute();
}

/** Keeps the shared notes an edit replaces. */
export async function insertOneOnOneNotesEdit(
  db: Executor,
  row: Insertable<OneOnOneNotesEditTable>,
): Promise<void> {
  await db.insertInto("oneOnOneNotesEdit").values(row).execute();
}

export async function listAgendaItems(
  db: Executor,
  orgId: string,
  oneOnOneId: string,
): Promise<AgendaItemRow[]> {
  return db
    .selectFrom("oneOnOneAgendaItem")
    .innerJoin("user", "user.id", "oneOnOneAgendaItem.addedBy")
    .selectAll("oneOnOneAgendaItem")
    .select("user.name as addedByName")
    .where("oneOnOneAgendaItem.orgId", "=", orgId)
    .where("oneOnOneAgendaItem.oneOnOneId", "=", oneOnOneId)
    .orderBy("oneOnOneAgendaItem.id")
    .execute();
}

export async function insertAgendaItem(
  db: Executor,
  row: Insertable<OneOnOneAgendaItemTable>,
): Promise<void> {
  await db.insertInto("oneOnOneAgendaItem").values(row).execute();
}

export async function updateAgendaItem(
  db: Executor,
  orgId: string,
  id: string,
  changes: Updateable<OneOnOneAgendaItemTable>,
): Promise<void> {
  await db
    .updateTable("oneOnOneAgendaItem")
    .set(changes)
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export async function deleteAgendaItem(db: Executor, orgId: string, id: string): Promise<void> {
  await db.deleteFrom("oneOnOneAgendaItem").where("orgId", "=", orgId).where("id", "=", id).execute();
}

export async function listActionItems(
  db: Executor,
  orgId: string,
  oneOnOneId: string,
): Promise<ActionItemRow[]> {
  return db
    .selectFrom("oneOnOneActionItem")
    .innerJoin("user", "user.id", "oneOnOneActionItem.ownerId")
    .selectAll("oneOnOneActionItem")
    .select("user.name as ownerName")
    .where("oneOnOneActionItem.orgId", "=", orgId)
    .where("oneOnOneActionItem.oneOnOneId", "=", oneOnOneId)
    .orderBy("oneOnOneActionItem.id")
    .execute();
}

export async function insertActionItem(
  db: Executor,
  row: Insertable<OneOnOneActionItemTable>,
): Promise<void> {
  await db.insertInto("oneOnOneActionItem").values(row).execute();
}

export async function updateActionItem(
  db: Executor,
  orgId: string,
  id: string,
  changes: Updateable<OneOnOneActionItemTable>,
): Promise<void> {
  await db
    .updateTable("oneOnOneActionItem")
    .set(changes)
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .execute();
}

/** The private note `userId` wrote on the 1:1, if any: only ever read for its writer. */
export async function findPrivateNote(
  db: Executor,
  orgId: string,
  oneOnOneId: string,
  userId: string,
): Promise<PrivateNoteRow | undefined> {
  return db
    .selectFrom("oneOnOnePrivateNote")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("oneOnOneId", "=", oneOnOneId)
    .where("userId", "=", userId)
    .executeTakeFirst();
}

/** Writes the participant's private note, replacing the one they had. */
export async function upsertPrivateNote(
  db: Executor,
  row: Insertable<OneOnOnePrivateNoteTable>,
): Promise<void> {
  await db
    .insertInto("oneOnOnePrivateNote")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["orgId", "oneOnOneId", "userId"]).doUpdateSet({ body: row.body, updatedAt: row.updatedAt }),
    )
    .execute();
}
