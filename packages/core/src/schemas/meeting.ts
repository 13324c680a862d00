import { z } from "zod";
import {
  AGENDA_SECTION_KINDS,
  MEETING_KINDS,
  MEETING_NOTES_MAX_LENGTH,
  MEETING_STATUSES,
  QUESTION_MAX_LENGTH,
} from "../domain/meeting.ts";
import { HEALTHS } from "../domain/types.ts";
import {
  dateSchema,
  idSchema,
  instantSchema,
  multilineSchema,
  pageQuerySchema,
  titleSchema,
} from "./common.ts";

/*
 * Meetings (会议) and their generated agenda (api.md, *Meetings and CEO face-to-face*). Minutes and
 * decisions are Markdown; the server answers them rendered and sanitised.
 */

const notesSchema = multilineSchema(MEETING_NOTES_MAX_LENGTH * 4).meta({
  description: "Markdown, at most 50,000 characters (422 text.too_long).",
});

/** `POST /meetings`: a meeting of the company (no `departmentId`) or of a department's subtree, in a cycle. */
export const meetingInputSchema = z
  .object({
    kind: z.enum(MEETING_KINDS),
    title: titleSchema,
    cycleId: idSchema,
    departmentId: idSchema.optional(),
    scheduledAt: instantSchema,
    attendeeIds: z.array(idSchema).max(500).optional(),
  })
  .strict();

/** `PATCH /meetings/:id`: one step forward (`in_progress` freezes the agenda, `ended`), minutes, decisions. */
export const meetingPatchSchema = z
  .object({
    title: titleSchema.optional(),
    scheduledAt: instantSchema.optional(),
    status: z.enum(MEETING_STATUSES).optional(),
    minutes: notesSchema.optional(),
    decisions: notesSchema.optional(),
    /** Replaces the attendees: active members of the organization. */
    attendeeIds: z.array(idSchema).max(500).optional(),
  })
  .strict();

/** `GET /meetings`: newest first; `cycleId` keeps one cycle's meetings. */
export const meetingListQuerySchema = pageQuerySchema.extend({ cycleId: idSchema.optional() }).strict();

/** `POST /meetings/:id/action-items`: something to do, whose, by when, for which KR. */
export const meetingActionItemInputSchema = z
  .object({
    title: titleSchema,
    ownerUserId: idSchema,
    dueDate: dateSchema.nullable().optional(),
    keyResultId: idSchema.nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict();

/** `PATCH /action-items/:id`: any of its fields; its owner may only mark it done or not. */
export const meetingActionItemPatchSchema = meetingActionItemInputSchema.partial().strict();

/** `POST /questions`: a question for CEO 面对面, optionally anonymous (then no author is kept at all). */
export const questionInputSchema = z
  .object({
    body: multilineSchema(QUESTION_MAX_LENGTH * 4).refine((text) => text.trim().length > 0, {
      params: { code: "text.blank" },
    }),
    anonymous: z.boolean(),
    meetingId: idSchema.optional(),
  })
  .strict();

/** `PUT /questions/:id/answer`: the answer, Markdown. */
export const questionAnswerInputSchema = z.object({ body: questionInputSchema.shape.body }).strict();

/** `GET /questions`: newest first; `meetingId` keeps one meeting's; `open=true` the unanswered, most votes first. */
export const questionListQuerySchema = pageQuerySchema
  .extend({ meetingId: idSchema.optional(), open: z.enum(["true", "false"]).optional() })
  .strict();

const id = z.string().min(1);
const timestamp = z.iso.datetime();
const person = z.object({ id, name: z.string() }).strict();

/** What the caller may do to a meeting; clients show controls from it. */
const meetingAbilitiesSchema = z
  .object({
    /** Start, end, write minutes and decisions. */
    update: z.boolean(),
  })
  .strict()
  .meta({ id: "MeetingAbilities" });

/** A meeting (会议). */
export const meetingSchema = z
  .object({
    id,
    kind: z.enum(MEETING_KINDS),
    title: z.string(),
    cycleId: id,
    /** Its scope: a department and everything below it, or null for the whole company. */
    department: z.object({ id, name: z.string() }).strict().nullable(),
    scheduledAt: timestamp,
    status: z.enum(MEETING_STATUSES),
    organizer: person,
    attendees: z.array(person),
    minutes: z.string(),
    /** The minutes rendered to HTML and sanitised. */
    minutesHtml: z.string(),
    decisions: z.string(),
    decisionsHtml: z.string(),
    startedAt: timestamp.nullable(),
    endedAt: timestamp.nullable(),
    createdAt: timestamp,
    abilities: meetingAbilitiesSchema,
  })
  .strict()
  .meta({ id: "Meeting" });

/** One page of meetings, newest first. */
export const meetingPageSchema = z
  .object({ items: z.array(meetingSchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "MeetingPage" });

/** One thing to discuss: what it links (an objective, a KR, a person) and the numbers behind it. */
const agendaItemSchema = z
  .object({
    objective: z.object({ id, title: z.string() }).strict().nullable(),
    keyResult: z.object({ id, objectiveId: id, title: z.string() }).strict().nullable(),
    person: person.nullable(),
    question: z.object({ id, body: z.string(), voteCount: z.number().int() }).strict().nullable(),
    health: z.enum(HEALTHS).nullable(),
    /** Progress in [0, 1]. */
    progress: z.number().nullable(),
    confidence: z.number().int().nullable(),
    /** How far progress moved since the last meeting of the same kind and scope (or 14 days). */
    progressChange: z.number().nullable(),
    lastCheckInAt: timestamp.nullable(),
    /** The KR's latest check-in note (off-track and at-risk items), else null. */
    note: z.string().nullable(),
    /** The KR's latest confidences (up to 5), oldest first; empty without check-ins. */
    confidenceTrend: z.array(z.number().int()),
    /** An adjustment waiting for decision (pending_approvals), with the reason its requester gave. */
    adjustment: z.object({ id, reason: z.string() }).strict().nullable(),
    /** An open proposal of the scope (proposals). */
    proposal: z.object({ id, title: z.string() }).strict().nullable(),
    /** The coach's errors on a draft objective (coach_errors, planning meetings). */
    coachErrors: z.array(z.object({ code: z.string(), target: z.string(), message: z.string() }).strict()),
  })
  .strict()
  .meta({ id: "AgendaItem" });

/**
 * A meeting's agenda: generated from live data until the meeting starts, frozen after. Only what the
 * viewer may see is listed.
 */
export const agendaSchema = z
  .object({
    frozen: z.boolean(),
    generatedAt: timestamp,
    sections: z.array(
      z.object({ kind: z.enum(AGENDA_SECTION_KINDS), items: z.array(agendaItemSchema) }).strict(),
    ),
  })
  .strict()
  .meta({ id: "Agenda" });

/** An action item of a meeting. */
export const meetingActionItemSchema = z
  .object({
    id,
    meetingId: id,
    title: z.string(),
    owner: person,
    dueDate: z.string().nullable(),
    /** The KR it is for, when the viewer may see it (otherwise null). */
    keyResult: z.object({ id, objectiveId: id, title: z.string() }).strict().nullable(),
    done: z.boolean(),
    createdAt: timestamp,
    abilities: z
      .object({ update: z.boolean(), complete: z.boolean() })
      .strict()
      .meta({ id: "MeetingActionItemAbilities" }),
  })
  .strict()
  .meta({ id: "MeetingActionItem" });

export const meetingActionItemListSchema = z
  .object({ items: z.array(meetingActionItemSchema) })
  .strict()
  .meta({ id: "MeetingActionItemList" });

/** `GET /me/action-items`: the caller's open action items from every meeting, each naming its meeting. */
export const myActionItemListSchema = z
  .object({
    items: z.array(meetingActionItemSchema.extend({ meeting: z.object({ id, title: z.string() }).strict() })),
  })
  .strict()
  .meta({ id: "MyActionItemList" });

/** `GET /me/calendar-feed`: whether the caller has a calendar feed link, and since when. */
export const calendarFeedSchema = z
  .object({ active: z.boolean(), createdAt: timestamp.nullable() })
  .strict()
  .meta({ id: "CalendarFeed" });

/**
 * `POST /me/calendar-feed`: a new feed secret, shown this once (only its hash is kept); any earlier link
 * stops working. `path` is the feed's address on this server, the secret included.
 */
export const calendarFeedSecretSchema = z
  .object({ token: z.string(), path: z.string(), createdAt: timestamp })
  .strict()
  .meta({ id: "CalendarFeedSecret" });

/** `GET /me/calendar.ics?token=`: the feed's secret (base64url, as made). */
export const calendarFeedQuerySchema = z
  .object({
    token: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]*$/),
  })
  .strict();

/** A question for CEO 面对面. An anonymous one names no author, to anyone. */
export const questionSchema = z
  .object({
    id,
    body: z.string(),
    bodyHtml: z.string(),
    anonymous: z.boolean(),
    /** Null when anonymous. */
    author: person.nullable(),
    meetingId: id.nullable(),
    voteCount: z.number().int().min(0),
    votedByMe: z.boolean(),
    answer: z
      .object({ body: z.string(), bodyHtml: z.string(), answeredBy: person, answeredAt: timestamp })
      .strict()
      .nullable(),
    createdAt: timestamp,
    abilities: z
      .object({ vote: z.boolean(), answer: z.boolean() })
      .strict()
      .meta({ id: "QuestionAbilities" }),
  })
  .strict()
  .meta({ id: "Question" });

export const questionPageSchema = z
  .object({ items: z.array(questionSchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "QuestionPage" });

export type MeetingActionItemAnswer = z.output<typeof meetingActionItemSchema>;
export type MyActionItemListAnswer = z.output<typeof myActionItemListSchema>;
export type CalendarFeedAnswer = z.output<typeof calendarFeedSchema>;
export type CalendarFeedSecretAnswer = z.output<typeof calendarFeedSecretSchema>;
export type QuestionAnswer = z.output<typeof questionSchema>;
export type QuestionPageAnswer = z.output<typeof questionPageSchema>;
export type MeetingAnswer = z.output<typeof meetingSchema>;
export type MeetingPageAnswer = z.output<typeof meetingPageSchema>;
export type AgendaAnswer = z.output<typeof agendaSchema>;
