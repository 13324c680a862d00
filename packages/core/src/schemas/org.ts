import { z } from "zod";
import { CYCLE_KINDS, CYCLE_PHASES, MEMBER_STATUSES, ROLES } from "../domain/types.ts";
import {
  dateSchema,
  idSchema,
  localeSchema,
  MAX_TEXT,
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
  })
  .strict();
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  scoreScale: "0-1",
  checkInWeekday: 5,
  checkInHour: 16,
  approvalRequired: false,
  maxObjectivesPerOwner: 10,
};

export const setupInputSchema = z
  .object({
    organization: z.object({ name: titleSchema, locale: localeSchema, timezone: timezoneSchema }).strict(),
    admin: z
      .object({
        email: z.email().max(254),
        name: titleSchema,
        password: z.string().min(8).max(200),
      })
      .strict(),
  })
  .strict();

export const loginInputSchema = z
  .object({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) })
  .strict();
export const tokenInputSchema = z.object({ name: titleSchema }).strict();

export const orgPatchSchema = z
  .object({
    name: titleSchema,
    locale: localeSchema,
    timezone: timezoneSchema,
    mission: z.string().max(MAX_TEXT),
    vision: z.string().max(MAX_TEXT),
    strategy: z.string().max(MAX_TEXT),
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

export const memberInputSchema = z
  .object({
    email: z.email().max(254),
    name: titleSchema,
    password: z.string().min(8).max(200).optional(),
    role: z.enum(ROLES),
    departmentId: idSchema,
    managerId: idSchema.nullable().optional(),
    title: z.string().max(200).nullable().optional(),
  })
  .strict();
export const memberPatchSchema = z
  .object({
    role: z.enum(ROLES),
    departmentId: idSchema,
    managerId: idSchema.nullable(),
    title: z.string().max(200).nullable(),
    status: z.enum(MEMBER_STATUSES),
    version: versionSchema,
  })
  .partial()
  .strict();

export const profilePatchSchema = z
  .object({
    name: titleSchema,
    locale: localeSchema.nullable(),
    currentPassword: z.string().max(200),
    newPassword: z.string().min(8).max(200),
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
