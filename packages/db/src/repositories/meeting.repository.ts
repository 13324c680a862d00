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

/** The confidence and note of each of these KRs' check-ins, oldest first: the agenda's trends and notes. */
export async function checkInTrendsOf(
  db: Executor,
  orgId: string,
  keyResultIds: readonly string[],
): Promise<Array<{ keyResultId: string; confidence: number; note: string }>> {
  if (keyResultIds.length === 0) return [];
  return db
    .selectFrom("checkIn")
    .select(["keyResultId", "confidence", "note"])
    .where("orgId", "=", orgId)
    .where("keyResultId", "in", [...keyResultIds])
    .orderBy("keyResultId")
    .orderBy("createdAt")
    .execute();
}

/** Replaces a meeting's attendees. */
export async function replaceMeetingAttendees(
  db: Executor,
  orgId: string,
  meetingId: string,
  userIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom("meetingAttendee")
    .where("orgId", "=", orgId)
    .where("meetingId", "=", meetingId)
    .execute();
  if (userIds.length > 0)
    await db
      .insertInto("meetingAttendee")
      .values(userIds.map((userId) => ({ orgId, meetingId, userId })))
      .execute();
}

/**
 * A person's action items not yet done, the soonest due first (those without a date last), with their
 * meetings' titles: their home page lists them.
 */
export async function openActionItemsOf(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<Array<MeetingActionItemRow & { meetingTitle: string }>> {
  const rows = await db
    .selectFrom("meetingActionItem")
    .innerJoin("user", "user.id", "meetingActionItem.ownerUserId")
    .innerJoin("meeting", (join) =>
      join
        .onRef("meeting.orgId", "=", "meetingActionItem.orgId")
        .onRef("meeting.id", "=", "meetingActionItem.meetingId"),
    )
    .selectAll("meetingActionItem")
    .select(["user.name as ownerName", "meeting.title as meetingTitle"])
    .where("meetingActionItem.orgId", "=", orgId)
    .where("meetingActionItem.ownerUserId", "=", userId)
    .where("meetingActionItem.done", "=", 0)
    .orderBy("meetingActionItem.id")
    .execute();
  return rows.sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"));
}

/** The meetings a person attends or organized, in the given cycles' or any: their calendar feed lists them. */
export async function meetingsOfPerson(db: Executor, orgId: string, userId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom("meeting")
    .selectAll()
    .where("orgId", "=", orgId)
    .where((eb) =>
      eb.or([
        eb("createdBy", "=", userId),
        eb(
          "id",
          "in",
          eb
            .selectFrom("meetingAttendee")
            .select("meetingId")
            .where("orgId", "=", orgId)
            .where("userId", "=", userId),
        ),
      ]),
    )
    .orderBy("scheduledAt")
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

/** Sets (or replaces) a person's calendar feed secret, by its hash. */
export async function upsertCalendarFeed(
  db: Executor,
  orgId: string,
  userId: string,
  tokenHash: string,
  createdAt: string,
): Promise<void> {
  await db.deleteFrom("calendarFeed").where("orgId", "=", orgId).where("userId", "=", userId).execute();
  await db.insertInto("calendarFeed").values({ orgId, userId, tokenHash, createdAt }).execute();
}

/** Ends a person's calendar feed. */
export async function deleteCalendarFeed(db: Executor, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom("calendarFeed").where("orgId", "=", orgId).where("userId", "=", userId).execute();
}

/** Whose feed a secret opens (by its hash), and when it was made; undefined when none does. */
export async function findCalendarFeed(
  db: Executor,
  filter: { tokenHash: string } | { orgId: string; userId: string },
): Promise<{ orgId: string; userId: string; createdAt: string } | undefined> {
  let query = db.selectFrom("calendarFeed").select(["orgId", "userId", "createdAt"]);
  query =
    "tokenHash" in filter
      ? query.where("tokenHash", "=", filter.tokenHash)
      : query.where("orgId", "=", filter.orgId).where("userId", "=", filter.userId);
  return query.executeTakeFirst();
}

/**
 * A cycle's open proposals (赛马) with the objective (and KR) each serves and its proposer's name, oldest
 * first: an agenda lists those whose parent objective lies in the meeting's scope.
 */
export async function openProposalsOfCycle(db: Executor, orgId: string, cycleId: string) {
  return db
    .selectFrom("proposal as p")
    .innerJoin("objective as o", (join) =>
      join.onRef("o.orgId", "=", "p.orgId").onRef("o.id", "=", "p.parentObjectiveId"),
    )
    .leftJoin("keyResult as kr", (join) =>
      join.onRef("kr.orgId", "=", "p.orgId").onRef("kr.id", "=", "p.parentKeyResultId"),
    )
    .leftJoin("user as u", "u.id", "p.proposerId")
    .select([
      "p.id",
      "p.title",
      "p.proposerId",
      "u.name as proposerName",
      "o.id as objectiveId",
      "o.title as objectiveTitle",
      "o.level",
      "o.ownerUserId as objectiveOwnerId",
      "o.ownerDepartmentId",
      "kr.id as keyResultId",
      "kr.title as keyResultTitle",
    ])
    .where("p.orgId", "=", orgId)
    .where("p.cycleId", "=", cycleId)
    .where("p.status", "=", "open")
    .where("o.deletedAt", "is", null)
    .orderBy("p.createdAt")
    .orderBy("p.id")
    .execute();
}
