import { z } from "zod";
import { MAX_MEMBER_IDS } from "../domain/limits.ts";
import { CYCLE_KINDS, CYCLE_PHASES, MEMBER_STATUSES, ROLES } from "../domain/types.ts";
import {
  dateSchema,
  emailSchema,
  idSchema,
  instantSchema,
  lineSchema,
  localeSchema,
  newPasswordSchema,
  refusePersonalPassword,
  textSchema,
  timezoneSchema,
  titleSchema,
  versionSchema,
} from "./common.ts";

/** Settings an organization may change. Unknown keys are refused so typos do not pass silently. */
export const orgSettingsSchema = z
  .object({
    /** How scores are shown; stored scores are always 0..1. */
    scoreScale: z.enum(["0-1", "0-100"]),
    /** Weekday (1 = Monday … 7 = Sunday) and hour of the weekly check-in reminder. */
    checkInWeekday: z.number().int().min(1).max(7),
    checkInHour: z.number().int().min(0).max(23),
    /** Objectives go through the manager's approval before publishing, and so do adjustments. */
    approvalRequired: z.boolean(),
    /** Most objectives one owner may have in a cycle. */
    maxObjectivesPerOwner: z.number().int().min(1).max(50),
    /**
     * Password sign-in is off: members sign in through single sign-on (only while it is configured), and
     * owners keep their password as the break-glass for a broken identity provider.
     */
    passwordLoginDisabled: z.boolean(),
    /** Where single sign-on puts people it signs in for the first time; null: the root department. */
    ssoDefaultDepartmentId: idSchema.nullable(),
  })
  .strict();
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  scoreScale: "0-1",
  checkInWeekday: 5,
  checkInHour: 16,
  approvalRequired: false,
  maxObjectivesPerOwner: 10,
  passwordLoginDisabled: false,
  ssoDefaultDepartmentId: null,
};

export const setupInputSchema = z
  .object({
    organization: z.object({ name: titleSchema, locale: localeSchema, timezone: timezoneSchema }).strict(),
    admin: z
      .object({
        email: emailSchema,
        name: titleSchema,
        password: newPasswordSchema,
      })
      .strict()
      .superRefine(refusePersonalPassword("password", (admin) => admin)),
  })
  .strict();

export const loginInputSchema = z
  .object({ email: lineSchema(254).min(1), password: lineSchema(200).min(1) })
  .strict();
/**
 * `GET /audit`: a page of the organization's log (`limit`, and the `cursor` the page before answered),
 * narrowed by who acted, what was acted on, the action, and a time range (`from` inclusive, `to` exclusive).
 */
export const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: lineSchema(200).optional(),
    actorId: idSchema.optional(),
    subjectType: idSchema.optional(),
    subjectId: idSchema.optional(),
    action: idSchema.optional(),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
  })
  .strict();

/** A personal API token: its name, and when it stops working (never, when left out). */
export const tokenInputSchema = z.object({ name: titleSchema, expiresAt: instantSchema.optional() }).strict();

export const orgPatchSchema = z
  .object({
    name: titleSchema,
    locale: localeSchema,
    timezone: timezoneSchema,
    mission: textSchema,
    vision: textSchema,
    strategy: textSchema,
    settings: orgSettingsSchema.partial().strict(),
    version: versionSchema,
  })
  .partial()
  .strict();

export const departmentInputSchema = z
  .object({ name: titleSchema, parentId: idSchema, leaderId: idSchema.nullable().optional() })
  .strict();
export const departmentPatchSchema = z
  .object({ name: titleSchema, parentId: idSchema, leaderId: idSchema.nullable(), version: versionSchema })
  .partial()
  .strict();

/** The most members `GET /members` answers without `limit` or `cursor` (a bare array, by name). */
export const MAX_MEMBERS_UNPAGED = 10_000;

/**
 * `GET /members`: `q` finds members by name or email (any part, any case), `departmentId` keeps that
 * department's (not its subtree's). With `limit` or `cursor`, one page `{ items, nextCursor }` by name;
 * with neither, at most MAX_MEMBERS_UNPAGED as a bare array, as the first clients read it.
 */
export const memberListQuerySchema = z
  .object({
    q: lineSchema(100).trim().optional(),
    departmentId: idSchema.optional(),
    /** A comma-separated set of user ids (at most MAX_MEMBER_IDS): the names of the people a screen shows. */
    ids: lineSchema(MAX_MEMBER_IDS * 100)
      .transform((text) => [...new Set(text.split(","))])
      .pipe(z.array(idSchema).min(1).max(MAX_MEMBER_IDS))
      .optional()
      .describe(
        `Only these members: user ids separated by commas, at most ${MAX_MEMBER_IDS} (ids of no member are left out).`,
      ),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: lineSchema(400).optional(),
  })
  .strict();

export const memberInputSchema = z
  .object({
    email: emailSchema,
    name: titleSchema,
    password: newPasswordSchema.optional(),
    role: z.enum(ROLES),
    departmentId: idSchema,
    managerId: idSchema.nullable().optional(),
    title: lineSchema(200).nullable().optional(),
  })
  .strict()
  .superRefine(refusePersonalPassword("password", (member) => member));
const { password: _password, ...invitationShape } = memberInputSchema.shape;
/** One person to invite: a member without a password; they choose it through the invitation's link. */
export const invitationInputSchema = z.object(invitationShape).strict();
/** Most people one request invites (a pasted list or a CSV). */
const MAX_INVITATIONS = 200;
/** One invitation, or several at once (`{ items: [...] }`), all or none. */
export const invitationsInputSchema = z.union([
  invitationInputSchema,
  z.object({ items: z.array(invitationInputSchema).min(1).max(MAX_INVITATIONS) }).strict(),
]);
/** The one-time secret of an invitation or password link, as its URL carries it. */
export const linkTokenParamsSchema = z
  .object({
    token: z
      .string()
      .min(16)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();
export const invitationAcceptInputSchema = z
  .object({ password: newPasswordSchema, name: titleSchema.optional() })
  .strict();
export const passwordResetRequestSchema = z.object({ email: lineSchema(254).trim().min(1) }).strict();
export const passwordResetConfirmSchema = z
  .object({ token: linkTokenParamsSchema.shape.token, password: newPasswordSchema })
  .strict();

export const memberPatchSchema = z
  .object({
    role: z.enum(ROLES),
    departmentId: idSchema,
    managerId: idSchema.nullable(),
    title: lineSchema(200).nullable(),
    status: z.enum(MEMBER_STATUSES),
    version: versionSchema,
  })
  .partial()
  .strict();

export const profilePatchSchema = z
  .object({
    name: titleSchema,
    locale: localeSchema.nullable(),
    currentPassword: lineSchema(200),
    newPassword: newPasswordSchema,
  })
  .partial()
  .strict();

export const cycleInputSchema = z
  .object({
    name: titleSchema,
    kind: z.enum(CYCLE_KINDS),
    startDate: dateSchema,
    endDate: dateSchema,
    parentId: idSchema.nullable().optional(),
    phaseDue: z.partialRecord(z.enum(CYCLE_PHASES), dateSchema).optional(),
  })
  .strict();
export const cyclePatchSchema = z
  .object({
    name: titleSchema,
    startDate: dateSchema,
    endDate: dateSchema,
    phaseDue: z.partialRecord(z.enum(CYCLE_PHASES), dateSchema),
    version: versionSchema,
  })
  .partial()
  .strict();
export const cyclePhaseInputSchema = z.object({ phase: z.enum(CYCLE_PHASES) }).strict();
