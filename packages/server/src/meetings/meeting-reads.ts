import {
  type AgendaAnswer,
  type AgendaRecord,
  canRunMeeting,
  canViewMeeting,
  type MeetingAnswer,
  type MeetingPageAnswer,
} from "@luodi/core";
import {
  type Executor,
  listDepartments,
  listMeetingAttendees,
  listMeetings,
  type MeetingRow,
  readJson,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { groupBy } from "../services/group-by.ts";
import { renderMarkdown } from "../services/markdown.ts";
import { mustExist } from "../services/must-exist.ts";
import { loadMeetingFor, policyMeetingOf } from "./meeting-access.ts";
import { computeAgenda, presentAgenda, questionsSection } from "./meeting-agenda.ts";

/** One page of the meetings the caller may see, newest first. */
export async function listMeetingsFor(
  caller: Caller,
  page: { limit: number; cursor?: string | undefined; cycleId?: string | undefined },
): Promise<MeetingPageAnswer> {
  const { db } = caller.ctx;
  const orgId = caller.auth.org.id;
  const rows = (await listMeetings(db, orgId, { cycleId: page.cycleId })).filter(
    (row) => page.cursor === undefined || row.id < page.cursor,
  );
  const attendees = groupBy(
    await listMeetingAttendees(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    (a) => a.meetingId,
  );
  const graph = await graphOf(caller);
  const visible = rows.filter((row) =>
    canViewMeeting(
      caller.auth.actor,
      policyMeetingOf(
        row,
        (attendees.get(row.id) ?? []).map((a) => a.userId),
      ),
      graph,
    ),
  );
  const items = await presentMeetings(caller, db, visible.slice(0, page.limit));
  return { items, nextCursor: visible.length > page.limit ? (items.at(-1)?.id ?? null) : null };
}

/** One meeting as the caller sees it (404 when hidden). */
export async function meetingFor(
  caller: Caller,
  id: string,
  db: Executor = caller.ctx.db,
): Promise<MeetingAnswer> {
  const { meeting } = await loadMeetingFor(caller, db, id);
  const [answer] = await presentMeetings(caller, db, [meeting]);
  return mustExist(answer, "meeting");
}

const MINUTE_MS = 60_000;

/**
 * A meeting's live agenda as computed for everyone: kept, like the tree and the dashboard (read-cache.ts),
 * until the next write in the organization or the clock's minute turns, so the people looking at one
 * agenda share one computation over the whole cycle. A planning meeting's coach speaks the caller's language.
 */
async function liveAgendaOf(caller: Caller, meeting: MeetingRow): Promise<AgendaRecord> {
  const { ctx, auth } = caller;
  const minute = Math.floor(ctx.config.now().getTime() / MINUTE_MS);
  const locale = meeting.kind === "planning" ? caller.locale : "";
  const key = `agenda|${auth.org.id}|${ctx.generations.get(auth.org.id)}|${minute}|${meeting.id}|${locale}`;
  const hit = ctx.readCache.get(key);
  if (hit !== undefined) {
    const record = JSON.parse(hit.toString("utf8")) as AgendaRecord;
    if (meeting.kind !== "ceo_qa") return record;
    // Votes refresh no cached read: the questions are read fresh.
    const questions = await questionsSection(ctx.db, auth.org.id);
    return { ...record, sections: record.sections.map((s) => (s.kind === "questions" ? questions : s)) };
  }
  // The key's generation was read before computing, so whatever the computation read is at least that new.
  const record = await computeAgenda(caller, ctx.db, meeting);
  const bytes = Buffer.from(JSON.stringify(record));
  ctx.readCache.set(key, bytes, bytes.length);
  return record;
}

/** A meeting's agenda: live until it starts, then as frozen; filtered for the caller either way. */
export async function agendaFor(caller: Caller, id: string): Promise<AgendaAnswer> {
  const { db } = caller.ctx;
  const { meeting } = await loadMeetingFor(caller, db, id);
  if (meeting.agenda !== null) return presentAgenda(caller, db, readJson(meeting.agenda), true);
  return presentAgenda(caller, db, await liveAgendaOf(caller, meeting), false);
}

async function presentMeetings(caller: Caller, db: Executor, rows: MeetingRow[]): Promise<MeetingAnswer[]> {
  const orgId = caller.auth.org.id;
  const [attendees, departments, graph] = await Promise.all([
    listMeetingAttendees(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    rows.some((r) => r.departmentId !== null) ? listDepartments(db, orgId) : Promise.resolve([]),
    graphOf(caller, db),
  ]);
  const attendeesOf = groupBy(attendees, (a) => a.meetingId);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  return rows.map((row) => {
    const theirs = attendeesOf.get(row.id) ?? [];
    const policy = policyMeetingOf(
      row,
      theirs.map((a) => a.userId),
    );
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      cycleId: row.cycleId,
      department:
        row.departmentId === null
          ? null
          : { id: row.departmentId, name: departmentNames.get(row.departmentId) ?? "" },
      scheduledAt: row.scheduledAt,
      status: row.status,
      organizer: { id: row.createdBy, name: graph.members.get(row.createdBy)?.name ?? "" },
      attendees: theirs.map((a) => ({ id: a.userId, name: a.name })),
      minutes: row.minutes,
      minutesHtml: renderMarkdown(row.minutes),
      decisions: row.decisions,
      decisionsHtml: renderMarkdown(row.decisions),
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      createdAt: row.createdAt,
      abilities: { update: canRunMeeting(caller.auth.actor, policy, graph) },
    };
  });
}
