import { z } from "zod";
import { AGENDA_ITEM_KINDS, ONE_ON_ONE_NOTES_MAX_LENGTH, ONE_ON_ONE_STATUSES } from "../domain/one-on-one.ts";
import { HEALTHS } from "../domain/types.ts";
import {
  dateSchema,
  idSchema,
  instantSchema,
  lineSchema,
  multilineSchema,
  pageQuerySchema,
  titleSchema,
} from "./common.ts";
import { pageOf } from "./conversation.ts";

/*
 * 1:1s (一对一) between a manager and a report (api.md, *Conversations and feedback*): what their
 * endpoints take and answer. Notes are Markdown; the server answers them rendered and sanitised.
 */

/** Notes people write: Markdown, empty allowed (clears them); the product's limit is checked by the service. */
const notesSchema = multilineSchema(ONE_ON_ONE_NOTES_MAX_LENGTH * 4).meta({
  description: `Markdown, at most ${ONE_ON_ONE_NOTES_MAX_LENGTH.toLocaleString("en")} characters (422 text.too_long).`,
});

/** `POST /one-on-ones`: with one of my reports (`reportUserId`) or one of my managers (`managerUserId`). */
export const oneOnOneInputSchema = z
  .object({
    reportUserId: idSchema.optional().meta({
      description: "Someone below the caller in the manager chain; the caller is the manager.",
    }),
    managerUserId: idSchema.optional().meta({
      description: "Someone above the caller in the manager chain; the caller is the report.",
    }),
    scheduledAt: instantSchema,
    title: titleSchema.optional(),
  })
  .strict();

/** `GET /one-on-ones`: mine (as manager or as report), newest first; `withUserId` keeps those with that person. */
export const oneOnOneListQuerySchema = pageQuerySchema.extend({ withUserId: idSchema.optional() }).strict();

/** `PATCH /one-on-ones/:id`: the time, the title, the status (scheduled → done), the shared notes. */
export const oneOnOnePatchSchema = z
  .object({
    scheduledAt: instantSchema.optional(),
    title: titleSchema.nullable().optional(),
    status: z.enum(ONE_ON_ONE_STATUSES).optional(),
    sharedNotes: notesSchema.optional().meta({
      description:
        "Markdown both participants read, at most 20,000 characters (422 text.too_long); the text it replaces is kept in the 1:1's notes history.",
    }),
  })
  .strict();

/** `/one-on-ones/:id/agenda/:itemId`, `/one-on-ones/:id/action-items/:itemId`. */
export const oneOnOneItemParamsSchema = z.object({ id: idSchema, itemId: idSchema }).strict();

/** `POST /one-on-ones/:id/agenda`: words of one's own, or a key result of the report's (404 if not visible). */
export const agendaItemInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("free"), text: lineSchema(500).trim().min(1) }).strict(),
  z.object({ kind: z.literal("key_result"), keyResultId: idSchema }).strict(),
]);

/** `PATCH /one-on-ones/:id/agenda/:itemId`: checked off (discussed) or not. */
export const agendaItemPatchSchema = z.object({ discussed: z.boolean() }).strict();

/** `PUT /one-on-ones/:id/private-note`: the caller's own note, which only they ever read (empty clears it). */
export const privateNoteInputSchema = z
  .object({
    body: notesSchema.meta({
      description:
        "Markdown only its writer reads, at most 20,000 characters (422 text.too_long). Never in the other participant's answer, exports or the audit log.",
    }),
  })
  .strict();

/** `POST /one-on-ones/:id/action-items`: something one of the two will do. */
export const actionItemInputSchema = z
  .object({
    title: titleSchema,
    ownerUserId: idSchema.meta({ description: "One of the two participants (else 422)." }),
    dueDate: dateSchema.nullable().optional(),
    keyResultId: idSchema.nullable().optional(),
  })
  .strict();

/** `PATCH /one-on-ones/:id/action-items/:itemId`: any field, and `done`. */
export const actionItemPatchSchema = actionItemInputSchema
  .partial()
  .extend({ done: z.boolean().optional() })
  .strict();

const id = z.string().min(1);
const timestamp = z.iso.datetime();
const person = z.object({ id, name: z.string() }).strict();

const oneOnOneAbilitiesSchema = z
  .object({
    update: z.boolean(),
    markDone: z.boolean(),
    addAgenda: z.boolean(),
    writePrivateNote: z.boolean(),
    addActionItem: z.boolean(),
  })
  .strict()
  .meta({ id: "OneOnOneAbilities" });

/** A 1:1 in a list. */
const oneOnOneSummarySchema = z
  .object({
    id,
    title: z.string().nullable(),
    manager: person,
    report: person,
    scheduledAt: timestamp,
    status: z.enum(ONE_ON_ONE_STATUSES),
    createdAt: timestamp,
  })
  .strict()
  .meta({ id: "OneOnOneSummary" });

export const oneOnOnePageSchema = pageOf(oneOnOneSummarySchema).meta({ id: "OneOnOnePage" });

/** A key result on the agenda, read live: its title, progress, health and latest check-in. */
const agendaKeyResultSchema = z
  .object({
    id,
    objectiveId: id,
    title: z.string(),
    progress: z.number(),
    health: z.enum(HEALTHS).nullable(),
    latestCheckIn: z
      .object({
        value: z.number().nullable(),
        confidence: z.number().int(),
        note: z.string(),
        createdAt: timestamp,
      })
      .strict()
      .nullable(),
  })
  .strict();

const agendaItemSchema = z
  .object({
    id,
    kind: z.enum(AGENDA_ITEM_KINDS),
    /** The words of a free item; null for a key result. */
    text: z.string().nullable(),
    /** The key result, as the viewer may see it now; null for a free item or one no longer visible. */
    keyResult: agendaKeyResultSchema.nullable(),
    discussed: z.boolean(),
    addedBy: person,
    createdAt: timestamp,
  })
  .strict()
  .meta({ id: "OneOnOneAgendaItem" });

const actionItemSchema = z
  .object({
    id,
    title: z.string(),
    owner: person,
    dueDate: z.string().nullable(),
    keyResultId: id.nullable(),
    done: z.boolean(),
    doneAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .strict()
  .meta({ id: "OneOnOneActionItem" });

/** A 1:1 as one of its participants sees it; `myPrivateNote` is the caller's own and nobody else's. */
export const oneOnOneSchema = oneOnOneSummarySchema
  .extend({
    sharedNotes: z.string(),
    /** The shared notes rendered to HTML and sanitised: safe to insert as they are. */
    sharedNotesHtml: z.string(),
    notesUpdatedAt: timestamp.nullable(),
    agenda: z.array(agendaItemSchema),
    actionItems: z.array(actionItemSchema),
    /** The caller's private note (null before they write one); the other participant's is never sent. */
    myPrivateNote: z
      .object({ body: z.string(), bodyHtml: z.string(), updatedAt: timestamp })
      .strict()
      .nullable(),
    abilities: oneOnOneAbilitiesSchema,
  })
  .strict()
  .meta({ id: "OneOnOne" });

export type OneOnOneAnswer = z.output<typeof oneOnOneSchema>;
export type OneOnOneSummaryAnswer = z.output<typeof oneOnOneSummarySchema>;
export type OneOnOnePageAnswer = z.output<typeof oneOnOnePageSchema>;
