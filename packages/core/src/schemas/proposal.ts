import { z } from "zod";
import {
  PROPOSAL_INVOLVEMENTS,
  PROPOSAL_PITCH_MAX_LENGTH,
  PROPOSAL_SORTS,
  PROPOSAL_STATUSES,
  SPIN_OFF_MAX_MEMBERS,
} from "../domain/proposal.ts";
import { OBJECTIVE_LEVELS } from "../domain/types.ts";
import { idSchema, lineSchema, multilineSchema, pageQuerySchema, textSchema, titleSchema } from "./common.ts";
import { keyResultInputSchema, MAX_KEY_RESULTS_PER_OBJECTIVE } from "./objective.ts";
import { coachReviewSchema } from "./output.ts";

/*
 * Horse racing (赛马), api.md *Horse racing*: proposals, their decision, the race of the proposals that
 * serve one parent, and the spin-off of a grown initiative into its own department.
 */

/**
 * A draft KR of a proposal: what a KR input says, without sum links (those are made on the objective once
 * it exists). `ownerUserId`, when given, must be the proposer or on the team when the proposal is accepted.
 */
const proposalKeyResultInputSchema = keyResultInputSchema
  .omit({ aggregation: true, parentKeyResultId: true })
  .strict();

/** `POST /proposals`: an initiative in a cycle, serving a parent KR or a parent objective (exactly one). */
export const proposalInputSchema = z
  .object({
    cycleId: idSchema,
    title: titleSchema,
    pitch: multilineSchema(PROPOSAL_PITCH_MAX_LENGTH * 4)
      .optional()
      .meta({ description: "Markdown, at most 20,000 characters (422 text.too_long)." }),
    parentKeyResultId: idSchema.optional(),
    parentObjectiveId: idSchema.optional(),
    keyResults: z.array(proposalKeyResultInputSchema).max(MAX_KEY_RESULTS_PER_OBJECTIVE).optional(),
  })
  .strict();
export type ProposalInput = z.infer<typeof proposalInputSchema>;

/** `POST /proposals/:id/reject`: why, which the proposer, backers and team are told. */
export const proposalRejectInputSchema = z.object({ reason: textSchema.min(1) }).strict();

/** `POST /proposals/:id/spin-off`: the new department, where it hangs, and who moves into it. */
export const spinOffInputSchema = z
  .object({
    departmentName: lineSchema(100).refine((name) => name.trim().length > 0, {
      params: { code: "text.blank" },
    }),
    parentDepartmentId: idSchema,
    moveMemberIds: z.array(idSchema).max(SPIN_OFF_MAX_MEMBERS),
  })
  .strict();
export type SpinOffInput = z.infer<typeof spinOffInputSchema>;

/**
 * `GET /proposals`: a cycle's board. `parentKeyResultId` / `parentObjectiveId` keep those serving one
 * parent, `departmentId` those whose parent belongs to a department's subtree, `userId` + `involvement`
 * those a person made, backed, joined or spun off.
 */
export const proposalListQuerySchema = pageQuerySchema
  .extend({
    cycleId: idSchema.optional(),
    status: z.enum(PROPOSAL_STATUSES).optional(),
    parentKeyResultId: idSchema.optional(),
    parentObjectiveId: idSchema.optional(),
    departmentId: idSchema.optional(),
    userId: idSchema.optional(),
    involvement: z.enum(PROPOSAL_INVOLVEMENTS).optional(),
    sort: z.enum(PROPOSAL_SORTS).optional(),
  })
  .strict();

/** `GET /races`: the proposals racing for one parent KR (or objective). */
export const raceQuerySchema = z
  .object({ parentKeyResultId: idSchema.optional(), parentObjectiveId: idSchema.optional() })
  .strict();

const id = z.string().min(1);
const timestamp = z.iso.datetime();
const person = z.object({ id, name: z.string() }).strict();

const proposalAbilitiesSchema = z
  .object({
    back: z.boolean(),
    unback: z.boolean(),
    join: z.boolean(),
    leave: z.boolean(),
    withdraw: z.boolean(),
    /** Accept or reject. */
    decide: z.boolean(),
    spinOff: z.boolean(),
  })
  .strict()
  .meta({ id: "ProposalAbilities" });

/** What a proposal serves: its parent objective, and the parent KR when it serves one. */
const proposalParentSchema = z
  .object({
    objective: z.object({ id, title: z.string(), level: z.enum(OBJECTIVE_LEVELS) }).strict(),
    keyResult: z.object({ id, title: z.string() }).strict().nullable(),
    /** The department the parent belongs to (its approvers lead it or a department above). */
    department: z.object({ id, name: z.string() }).strict().nullable(),
  })
  .strict()
  .meta({ id: "ProposalParent" });

/** A draft KR as the proposal keeps it. */
const proposalKeyResultSchema = z
  .object({
    title: z.string(),
    type: proposalKeyResultInputSchema.shape.type,
    unit: z.string().nullable(),
    startValue: z.string().nullable(),
    targetValue: z.string().nullable(),
    owner: person.nullable(),
  })
  .strict()
  .meta({ id: "ProposalKeyResult" });

/** A proposal (提案). */
export const proposalSchema = z
  .object({
    id,
    cycleId: id,
    title: z.string(),
    pitch: z.string(),
    /** The pitch rendered to HTML and sanitised. */
    pitchHtml: z.string(),
    status: z.enum(PROPOSAL_STATUSES),
    proposer: person,
    parent: proposalParentSchema,
    keyResults: z.array(proposalKeyResultSchema),
    /** The coach's review of the title and draft KRs. */
    coach: coachReviewSchema,
    backerCount: z.number().int().min(0),
    backedByMe: z.boolean(),
    /** Who joined (the proposer leads and is not listed). */
    team: z.array(person),
    joinedByMe: z.boolean(),
    decision: z.object({ by: person, at: timestamp, reason: z.string().nullable() }).strict().nullable(),
    /** The objective it became once accepted. */
    objectiveId: id.nullable(),
    spinOff: z
      .object({ department: z.object({ id, name: z.string() }).strict(), at: timestamp, by: person })
      .strict()
      .nullable(),
    createdAt: timestamp,
    abilities: proposalAbilitiesSchema,
  })
  .strict()
  .meta({ id: "Proposal" });

export const proposalPageSchema = z
  .object({ items: z.array(proposalSchema), nextCursor: z.string().nullable() })
  .strict()
  .meta({ id: "ProposalPage" });

/** One horse of a race: an accepted proposal's objective (or an open one, not yet running). */
const raceEntrySchema = z
  .object({
    proposal: z
      .object({ id, title: z.string(), status: z.enum(PROPOSAL_STATUSES), proposer: person })
      .strict(),
    objectiveId: id.nullable(),
    /** The objective's progress in [0, 1] (0 until accepted). */
    progress: z.number(),
    /** The lowest confidence of its KRs' latest check-ins, or null before any. */
    confidence: z.number().int().nullable(),
    /** Share of the weeks since acceptance in which every KR was checked in, in [0, 1]. */
    checkInRate: z.number().nullable(),
    backerCount: z.number().int().min(0),
    teamSize: z.number().int().min(1),
    /** Progress over time, one point per day with a check-in, oldest first. */
    series: z.array(z.object({ date: z.string(), progress: z.number() }).strict()),
    /** 1 for the leader; entries are in leaderboard order. */
    rank: z.number().int().min(1),
  })
  .strict()
  .meta({ id: "RaceEntry" });

export const raceSchema = z
  .object({
    parent: proposalParentSchema,
    entries: z.array(raceEntrySchema),
  })
  .strict()
  .meta({ id: "Race" });

/** `POST /proposals/:id/spin-off` answers the new department and the proposal. */
export const spinOffResultSchema = z
  .object({
    department: z.object({ id, name: z.string(), parentId: id, leaderUserId: id }).strict(),
    movedUserIds: z.array(id),
    proposal: proposalSchema,
  })
  .strict()
  .meta({ id: "SpinOffResult" });

export type ProposalAnswer = z.output<typeof proposalSchema>;
export type ProposalPageAnswer = z.output<typeof proposalPageSchema>;
export type RaceAnswer = z.output<typeof raceSchema>;
export type SpinOffResultAnswer = z.output<typeof spinOffResultSchema>;
