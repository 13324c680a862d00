import { AppError, type CalendarEvent, canViewMeeting, type Locale, termOf, toICalendar } from "@luodi/core";
import {
  deleteCalendarFeed,
  findCalendarFeed,
  findUser,
  listCycles,
  listMeetingAttendees,
  listMembershipsWithOrganization,
  type MeetingRow,
  meetingsOfPerson,
  openActionItemsOf,
  readJson,
  upsertCalendarFeed,
} from "@luodi/db";
import { parseSettings } from "../auth/resolve-auth.ts";
import { hashSecret, newSecret } from "../auth/tokens.ts";
import type { AppContext, Caller } from "../context.ts";
import { graphOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { groupBy } from "../services/group-by.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadMeetingFor, policyMeetingOf } from "./meeting-access.ts";

/** A meeting lasts an hour in calendars until it has really ended. */
const MEETING_MINUTES = 60;
/** Where the feed is read: the secret goes in the query, since calendar apps send no headers of ours. */
const FEED_PATH = "/api/v1/me/calendar.ics";

const WORDS = {
  en: {
    feed: "Luodi",
    phaseEnds: (cycle: string, phase: string) => `${cycle}: ${phase} ends`,
    due: (title: string) => `Due: ${title}`,
    from: (meeting: string) => `From the meeting “${meeting}”`,
  },
  "zh-CN": {
    feed: "落地",
    phaseEnds: (cycle: string, phase: string) => `${cycle}：「${phase}」阶段截止`,
    due: (title: string) => `到期：${title}`,
    from: (meeting: string) => `来自会议「${meeting}」`,
  },
} satisfies Record<Locale, unknown>;

function linkTo(ctx: AppContext, path: string): string | null {
  return ctx.config.publicUrl ? `${ctx.config.publicUrl.replace(/\/$/, "")}${path}` : null;
}

function meetingEvent(ctx: AppContext, meeting: MeetingRow): CalendarEvent {
  const end =
    meeting.endedAt ??
    new Date(new Date(meeting.scheduledAt).getTime() + MEETING_MINUTES * 60_000).toISOString();
  return {
    uid: `meeting-${meeting.id}@luodi`,
    summary: meeting.title,
    stamp: meeting.startedAt ?? meeting.createdAt,
    start: meeting.startedAt ?? meeting.scheduledAt,
    end,
    url: linkTo(ctx, `/meetings/${meeting.id}`),
  };
}

/** `GET /meetings/:id/calendar.ics`: one meeting as iCalendar (404 when hidden). */
export async function meetingCalendar(caller: Caller, id: string): Promise<string> {
  const { meeting } = await loadMeetingFor(caller, caller.ctx.db, id);
  return toICalendar(meeting.title, [meetingEvent(caller.ctx, meeting)]);
}

/** Whether the caller has a calendar feed, and since when. */
export async function calendarFeedOf(caller: Caller): Promise<{ active: boolean; createdAt: string | null }> {
  const feed = await findCalendarFeed(caller.ctx.db, {
    orgId: caller.auth.org.id,
    userId: caller.auth.user.id,
  });
  return { active: feed !== undefined, createdAt: feed?.createdAt ?? null };
}

/**
 * Makes the caller a new feed secret, ending any earlier one (its link stops working). The secret is shown
 * this once; only its hash is kept.
 */
export async function rotateCalendarFeed(
  caller: Caller,
): Promise<{ token: string; path: string; createdAt: string }> {
  const { ctx, auth } = caller;
  const token = newSecret("cal_");
  const now = ctx.config.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await upsertCalendarFeed(trx, auth.org.id, auth.user.id, hashSecret(token), now);
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "calendar_feed.rotate",
        entityType: "user",
        entityId: auth.user.id,
        at: now,
      },
    ]);
  });
  return { token, path: `${FEED_PATH}?token=${token}`, createdAt: now };
}

/** Turns the caller's feed off: its link stops working. */
export async function stopCalendarFeed(caller: Caller): Promise<void> {
  const { ctx, auth } = caller;
  await inTransaction(ctx, async (trx) => {
    await deleteCalendarFeed(trx, auth.org.id, auth.user.id);
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "calendar_feed.delete",
        entityType: "user",
        entityId: auth.user.id,
        at: ctx.config.now().toISOString(),
      },
    ]);
  });
}

/** The person a feed secret belongs to, as a caller in its organization; 404 when it opens nothing. */
async function feedCaller(ctx: AppContext, token: string): Promise<Caller> {
  const feed = token ? await findCalendarFeed(ctx.db, { tokenHash: hashSecret(token) }) : undefined;
  const notFound = new AppError("calendar.feed_not_found");
  if (!feed) throw notFound;
  const [user, memberships] = await Promise.all([
    findUser(ctx.db, feed.userId),
    listMembershipsWithOrganization(ctx.db, feed.userId),
  ]);
  const chosen = memberships.find((m) => m.membership.orgId === feed.orgId);
  // A deactivated member's feed stops with their access.
  if (!user || !chosen || chosen.membership.status !== "active") throw notFound;
  const org = chosen.organization;
  const locale: Locale = user.locale ?? org.locale;
  return {
    ctx,
    locale,
    auth: {
      user,
      org,
      settings: parseSettings(org),
      membership: { ...chosen.membership, email: user.email, name: user.name },
      actor: { userId: user.id, role: chosen.membership.role },
      sessionId: null,
      tokenId: null,
    },
  };
}

/**
 * `GET /me/calendar.ics?token=`: the person's meetings (those they attend or organized, still visible to
 * them), the due dates of the phases of the cycles not yet closed, and their open action items' due dates.
 */
export async function personalCalendar(
  ctx: AppContext,
  token: string,
): Promise<{ text: string; locale: Locale }> {
  const caller = await feedCaller(ctx, token);
  const { auth, locale } = caller;
  const orgId = auth.org.id;
  const words = WORDS[locale];
  const [meetings, cycles, items, graph] = await Promise.all([
    meetingsOfPerson(ctx.db, orgId, auth.user.id),
    listCycles(ctx.db, orgId),
    openActionItemsOf(ctx.db, orgId, auth.user.id),
    graphOf(caller),
  ]);
  const attendees = groupBy(
    await listMeetingAttendees(
      ctx.db,
      orgId,
      meetings.map((m) => m.id),
    ),
    (a) => a.meetingId,
  );
  const events: CalendarEvent[] = meetings
    .filter((m) =>
      canViewMeeting(
        auth.actor,
        policyMeetingOf(
          m,
          (attendees.get(m.id) ?? []).map((a) => a.userId),
        ),
        graph,
      ),
    )
    .map((m) => meetingEvent(ctx, m));
  for (const cycle of cycles) {
    if (cycle.phase === "closed") continue;
    for (const [phase, date] of Object.entries(readJson(cycle.phaseDue))) {
      if (!date) continue;
      events.push({
        uid: `cycle-${cycle.id}-${phase}@luodi`,
        summary: words.phaseEnds(cycle.name, termOf("phase", phase, locale)),
        stamp: cycle.updatedAt,
        date,
        url: linkTo(ctx, "/"),
      });
    }
  }
  for (const item of items) {
    if (!item.dueDate) continue;
    events.push({
      uid: `action-item-${item.id}@luodi`,
      summary: words.due(item.title),
      description: words.from(item.meetingTitle),
      stamp: item.createdAt,
      date: item.dueDate,
      url: linkTo(ctx, `/meetings/${item.meetingId}`),
    });
  }
  return { text: toICalendar(`${words.feed} · ${auth.user.name}`, events), locale };
}
