import { z } from "zod";
import { TALENT_FLAGS, TALENT_REVIEW_STATUSES } from "../domain/talent.ts";
import { CYCLE_KINDS, CYCLE_PHASES, OBJECTIVE_KINDS, OBJECTIVE_LEVELS } from "../domain/types.ts";
import { idSchema, pageQuerySchema, textSchema, titleSchema } from "./common.ts";

/*
 * People and talent density (人才密度), api.md *People and talent density*: each person's OKR record across
 * cycles and a department's team insights — evidence for leaders, never a rating.
 */

/** `GET /people/:userId/record`: the cycles from one to another (by start date), both included. */
export const recordQuerySchema = z
  .object({ fromCycleId: idSchema.optional(), toCycleId: idSchema.optional() })
  .strict();

/** `GET /departments/:id/insights`: the cycle to read. */
export const insightsQuerySchema = z.object({ cycleId: idSchema }).strict();

const id = z.string().min(1);
const share = z.number().min(0).max(1);
const person = z.object({ id, name: z.string() }).strict();
const cycleRef = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(CYCLE_KINDS),
    startDate: z.string(),
    endDate: z.string(),
    phase: z.enum(CYCLE_PHASES),
  })
  .strict();

const recordObjectiveSchema = z
  .object({
    id,
    title: z.string(),
    kind: z.enum(OBJECTIVE_KINDS),
    level: z.enum(OBJECTIVE_LEVELS),
    progress: share,
    score: share.nullable(),
    /** How the score reads for its kind: committed succeeds at 1.0, aspirational at 0.6–0.7; null unscored. */
    reading: z.enum(["short", "success", "above"]).nullable(),
  })
  .strict()
  .meta({ id: "RecordObjective" });

const recordCycleSchema = z
  .object({
    cycle: cycleRef,
    objectives: z.array(recordObjectiveSchema),
    /** The weighted mean of the scored objectives' final scores; null when none is scored. */
    averageScore: share.nullable(),
    /** Share of the cycle's check-in weeks so far with at least one check-in; null without KRs of theirs. */
    checkInRegularity: share.nullable(),
    /** Share of their objectives whose alignment leads up to the company's OKRs; null without objectives. */
    alignedShare: share.nullable(),
    proposals: z
      .object({
        made: z.number().int().min(0),
        backed: z.number().int().min(0),
        joined: z.number().int().min(0),
        accepted: z.number().int().min(0),
        spunOff: z.number().int().min(0),
      })
      .strict(),
    praiseReceived: z.number().int().min(0),
    /** Objectives with a 复盘 written. */
    reviewsWritten: z.number().int().min(0),
  })
  .strict()
  .meta({ id: "RecordCycle" });

export const recordSchema = z
  .object({ person, cycles: z.array(recordCycleSchema) })
  .strict()
  .meta({ id: "PersonRecord" });

const kindResultSchema = z
  .object({ count: z.number().int().min(0), averageScore: share.nullable() })
  .strict();

const flagSchema = z
  .object({
    flag: z.enum(TALENT_FLAGS),
    /** The scored cycles the pattern held in (sandbagging, overreach). */
    cycleIds: z.array(id),
    lastCheckInAt: z.string().nullable(),
  })
  .strict()
  .meta({ id: "TalentFlagFinding" });

/** Score buckets of the distribution: [0, 0.3), [0.3, 0.6), [0.6, 0.7], (0.7, 0.95), [0.95, 1]. */
export const SCORE_BUCKETS = [
  "below_0_3",
  "0_3_to_0_6",
  "0_6_to_0_7",
  "0_7_to_0_95",
  "0_95_and_above",
] as const;

export const insightsSchema = z
  .object({
    department: z.object({ id, name: z.string() }).strict(),
    cycle: cycleRef,
    /** How many scored objectives of each kind fall in each bucket. */
    distribution: z
      .object({
        committed: z.record(z.enum(SCORE_BUCKETS), z.number().int().min(0)),
        aspirational: z.record(z.enum(SCORE_BUCKETS), z.number().int().min(0)),
      })
      .strict(),
    people: z.array(
      z
        .object({
          person,
          department: z.object({ id, name: z.string() }).strict().nullable(),
          averageScore: share.nullable(),
          committed: kindResultSchema,
          aspirational: kindResultSchema,
          checkInRegularity: share.nullable(),
          flags: z.array(flagSchema),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: "TeamInsights" });

export type RecordAnswer = z.output<typeof recordSchema>;
export type InsightsAnswer = z.output<typeof insightsSchema>;

/** `POST /talent-reviews`: a review of a department's subtree in a cycle. */
export const talentReviewInputSchema = z
  .object({ cycleId: idSchema, departmentId: idSchema, title: titleSchema })
  .strict();

/** A person's place on the grid: performance and potential from 1 (low) to 3 (high), why, and on what. */
const talentPlacementInputSchema = z
  .object({
    userId: idSchema,
    performance: z.number().int().min(1).max(3),
    potential: z.number().int().min(1).max(3),
    reason: textSchema.min(1),
    /** The objectives (of the person's record) the placement rests on. */
    evidence: z.array(idSchema).max(20).default([]),
  })
  .strict();

/** `PATCH /talent-reviews/:id`: a new title, the next status, people placed (each replacing their place). */
export const talentReviewPatchSchema = z
  .object({
    title: titleSchema.optional(),
    status: z.enum(TALENT_REVIEW_STATUSES).optional(),
    placements: z
      .array(talentPlacementInputSchema)
      .max(500)
      .superRefine((placements, ctx) => {
        const seen = new Set<string>();
        placements.forEach((p, i) => {
          if (seen.has(p.userId))
            ctx.addIssue({ code: "custom", path: [i, "userId"], message: "Each person may be placed once" });
          seen.add(p.userId);
        });
      })
      .optional(),
  })
  .strict();

export const talentReviewListQuerySchema = pageQuerySchema.extend({ cycleId: idSchema.optional() }).strict();

const placementSchema = z
  .object({
    person,
    performance: z.number().int().min(1).max(3),
    potential: z.number().int().min(1).max(3),
    reason: z.string(),
    evidence: z.array(z.object({ id, title: z.string() }).strict()),
    placedBy: person,
    placedAt: z.string(),
  })
  .strict()
  .meta({ id: "TalentPlacement" });

export const talentReviewSchema = z
  .object({
    id,
    cycleId: id,
    department: z.object({ id, name: z.string() }).strict(),
    title: z.string(),
    status: z.enum(TALENT_REVIEW_STATUSES),
    createdBy: person,
    createdAt: z.string(),
    finalizedAt: z.string().nullable(),
    finalizedBy: person.nullable(),
    /** Who the review places: the subtree's active members, but those who run it. */
    placeable: z.array(person),
    placements: z.array(placementSchema),
    /** Every placement made, oldest first: calibration keeps its trail. */
    history: z.array(placementSchema.omit({ evidence: true })),
    abilities: z.object({ update: z.boolean() }).strict(),
  })
  .strict()
  .meta({ id: "TalentReview" });

export const talentReviewPageSchema = z
  .object({
    items: z.array(talentReviewSchema.omit({ placeable: true, placements: true, history: true })),
    nextCursor: z.string().nullable(),
  })
  .strict()
  .meta({ id: "TalentReviewPage" });

export type TalentReviewAnswer = z.output<typeof talentReviewSchema>;
export type TalentReviewPageAnswer = z.output<typeof talentReviewPageSchema>;
