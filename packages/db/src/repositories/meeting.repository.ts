import type { Insertable, Selectable, Updateable } from "kysely";
import type { MeetingActionItemTable, MeetingTable } from "../schema.ts";
import type { Executor } from "./executor.ts";

export type MeetingRow = Selectable<MeetingTable>;
export type MeetingActionItemRow = Selectable<MeetingActionItemTable> & { ownerName: string };

/** Stores a meeting and its attendees. */
export async function insertMeeting(
  db: Executor,
  row: Insertable<MeetingTable>,
  attendeeIds: readonly string[],
): Promise<void> {
  await db.insertInto("meeting").values(row).execute();
  if (attendeeIds.length > 0)
    await db
      .insertInto("meetingAttendee")
      .values(attendeeIds.map((userId) => ({ orgId: row.orgId, meetingId: row.id, userId })))
      .execute();
}

/** One meeting, or undefined. */
export async function findMeeting(db: Executor, orgId: string, id: string): Promise<MeetingRow | undefined> {
  return db
    .selectFrom("meeting")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The organization's meetings, newest first (ids are time-ordered); `cycleId` keeps one cycle's. */
export async function listMeetings(
  db: Executor,
  orgId: string,
  filter: { cycleId?: string | undefined },
): Promise<MeetingRow[]> {
  let query = db.selectFrom("meeting").selectAll().where("orgId", "=", orgId);
  if (filter.cycleId) query = query.where("cycleId", "=", filter.cycleId);
  return query.orderBy("id", "desc").execute();
}

/** Who attends each meeting, with their names. */
export async function listMeetingAttendees(
  db: Executor,
  orgId: string,
  meetingIds: readonly string[],
): Promise<Array<{ meetingId: string; userId: string; name: string }>> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom("meetingAttendee")
    .innerJoin("user", "user.id", "meetingAttendee.userId")
    .select(["meetingAttendee.meetingId", "meetingAttendee.userId", "user.name"])
    .where("meetingAttendee.orgId", "=", orgId)
    .where("meetingAttendee.meetingId", "in", [...meetingIds])
    .orderBy("user.name")
    .execute();
}

/** Changes a meeting. */
export async function updateMeeting(
  db: Executor,
  orgId: string,
  id: string,
  patch: Updateable<MeetingTable>,
): Promise<void> {
  await db.updateTable("meeting").set(patch).where("orgId", "=", orgId).where("id", "=", id).execute();
}

/**
 * When the last meeting of the same kind, scope and cycle started, before `beforeId`: biggest changes are
 * counted from then. Null when there was none.
 */
export async function lastMeetingStart(
  db: Executor,
  orgId: string,
  meeting: Pick<MeetingRow, "id" | "kind" | "cycleId" | "departmentId">,
): Promise<string | null> {
  let query = db
    .selectFrom("meeting")
    .select("startedAt")
    .where("orgId", "=", orgId)
    .where("kind", "=", meeting.kind)
    .where("cycleId", "=", meeting.cycleId)
    .where("id", "<", meeting.id)
    .where("startedAt", "is not", null);
  query =
    meeting.departmentId === null
      ? query.where("departmentId", "is", null)
      : query.where("departmentId", "=", meeting.departmentId);
  const row = await query.orderBy("startedAt", "desc").limit(1).executeTakeFirst();
  return row?.startedAt ?? null;
}

/**
 * What an agenda is made of, for one cycle: its objectives that are submitted or published, with their
 * key results (none for an objective without any) and the owners' names.
 */
export async function agendaKeyResultsOf(db: Executor, orgId: string, cycleId: string) {
  return db
    .selectFrom("objective as o")
    .leftJoin("keyResult as kr", (join) =>
      join
        .onRef("kr.orgId", "=", "o.orgId")
        .onRef("kr.objectiveId", "=", "o.id")
        .on("kr.deletedAt", "is", null),
    )
    .select([
      "o.id as objectiveId",
      "o.title as objectiveTitle",
      "o.level",
      "o.visibility",
      "o.status",
      "o.ownerUserId as objectiveOwnerId",
      "o.ownerDepartmentId",
      "kr.id as keyResultId",
      "kr.title as keyResultTitle",
      "kr.ownerUserId as keyResultOwnerId",
      "kr.progress",
      "kr.confidence",
      "kr.lastCheckInAt",
    ])
    .where("o.orgId", "=", orgId)
    .where("o.cycleId", "=", cycleId)
    .where("o.deletedAt", "is", null)
    .where("o.status", "in", ["submitted", "published"])
    .orderBy("o.id")
    .orderBy("kr.position")
    .execute();
}

/** The progress of each of these KRs' check-ins, oldest first. */
export async function checkInProgressOf(
  db: Executor,
  orgId: string,
  keyResultIds: readonly string[],
): Promise<Array<{ keyResultId: string; progress: number; createdAt: string }>> {
  if (keyResultIds.length === 0) return [];
  return db
    .selectFrom("checkIn")
    .select(["keyResultId", "progress", "createdAt"])
    .where("orgId", "=", orgId)
    .where("keyResultId", "in", [...keyResultIds])
    .orderBy("createdAt")
    .execute();
}

/** Stores an action item. */
export async function insertMeetingActionItem(
  db: Executor,
  row: Insertable<MeetingActionItemTable>,
): Promise<void> {
  await db.insertInto("meetingActionItem").values(row).execute();
}

/** A meeting's action items in the order they were written (`meetingId`), or one (`id`), with owners' names. */
export async function listMeetingActionItems(
  db: Executor,
  orgId: string,
  filter: { meetingId?: string; id?: string },
): Promise<MeetingActionItemRow[]> {
  let query = db
    .selectFrom("meetingActionItem")
    .innerJoin("user", "user.id", "meetingActionItem.ownerUserId")
    .selectAll("meetingActionItem")
    .select("user.name as ownerName")
    .where("meetingActionItem.orgId", "=", orgId);
  if (filter.meetingId) query = query.where("meetingActionItem.meetingId", "=", filter.meetingId);
  if (filter.id) query = query.where("meetingActionItem.id", "=", filter.id);
  return query.orderBy("meetingActionItem.id").execute();
}

/** Changes an action item. */
export async function updateMeetingActionItem(
  db: Executor,
  orgId: string,
  id: string,
  patch: Updateable<MeetingActionItemTable>,
): Promise<void> {
  await db
    .updateTable("meetingActionItem")
    .set(patch)
    .where("orgId", "=", orgId)
    .where("id", "=", id)
    .execute();
}
