import { z } from "zod";
import { MAX_TITLE } from "../domain/limits.ts";
import { MAX_MILESTONES_PER_KEY_RESULT } from "../domain/progress.ts";
import {
  AGGREGATIONS,
  DIRECTIONS,
  KEY_RESULT_TYPES,
  LOCALES,
  OBJECTIVE_KINDS,
  OBJECTIVE_LEVELS,
  OBJECTIVE_STATUSES,
  VISIBILITIES,
} from "../domain/types.ts";
import {
  confidenceSchema,
  decimalInputSchema,
  idSchema,
  lineSchema,
  textSchema,
  titleSchema,
  versionSchema,
  weightSchema,
} from "./common.ts";

/**
 * The most key results one objective holds, however they arrive (a whole save, or one at a time): a
 * handful is the practice (the coach advises 2–5); beyond 20 the objective is a task list.
 */
export const MAX_KEY_RESULTS_PER_OBJECTIVE = 20;

/**
 * A milestone list. Its limit (MAX_MILESTONES_PER_KEY_RESULT) is documented here and refused by core's KR
 * definition rule with 422 `kr.milestone_limit`, as the contract says of limits — a schema bound would be a 400.
 */
function milestoneListSchema<T extends z.ZodType>(item: T) {
  return z.array(item).meta({
    description:
      `At most ${MAX_MILESTONES_PER_KEY_RESULT} milestones (MAX_MILESTONES_PER_KEY_RESULT); ` +
      "more is refused with 422 `kr.milestone_limit`.",
  });
}

const milestoneInputSchema = z.object({ title: titleSchema, weight: weightSchema.optional() }).strict();

export const keyResultInputSchema = z
  .object({
    title: titleSchema,
    type: z.enum(KEY_RESULT_TYPES),
    unit: lineSchema(32).nullable().optional(),
    startValue: decimalInputSchema.nullable().optional(),
    targetValue: decimalInputSchema.nullable().optional(),
    direction: z.enum(DIRECTIONS).optional(),
    weight: weightSchema.optional(),
    confidence: confidenceSchema.optional(),
    ownerUserId: idSchema.nullable().optional(),
    milestones: milestoneListSchema(milestoneInputSchema).optional(),
    aggregation: z.enum(AGGREGATIONS).optional(),
    parentKeyResultId: idSchema.nullable().optional(),
  })
  .strict();
export type KeyResultInput = z.infer<typeof keyResultInputSchema>;

/**
 * POST /objectives/:id/key-results: a KR input, and the `reason` an addition needs once it is an
 * adjustment (a published objective, its cycle past aligning).
 */
export const keyResultCreateSchema = keyResultInputSchema
  .extend({ reason: textSchema.min(1).optional() })
  .strict();

/** DELETE /key-results/:id: `?reason=` says why, required once the deletion is an adjustment. */
export const reasonQuerySchema = z.object({ reason: textSchema.min(1).optional() }).strict();

export const keyResultPatchSchema = z
  .object({
    title: titleSchema,
    unit: lineSchema(32).nullable(),
    startValue: decimalInputSchema,
    targetValue: decimalInputSchema,
    direction: z.enum(DIRECTIONS),
    weight: weightSchema,
    ownerUserId: idSchema.nullable(),
    parentKeyResultId: idSchema.nullable(),
    reason: textSchema.min(1),
    version: versionSchema,
  })
  .partial()
  .strict();

export const objectiveInputSchema = z
  .object({
    cycleId: idSchema,
    level: z.enum(OBJECTIVE_LEVELS),
    ownerUserId: idSchema.nullable().optional(),
    ownerDepartmentId: idSchema.nullable().optional(),
    title: titleSchema,
    description: textSchema.optional(),
    weight: weightSchema.optional(),
    visibility: z.enum(VISIBILITIES).optional(),
    kind: z.enum(OBJECTIVE_KINDS).optional().meta({
      description: "committed (承诺型, expected to reach 1.0) or aspirational (挑战型, the default).",
    }),
    keyResults: z.array(keyResultInputSchema).max(MAX_KEY_RESULTS_PER_OBJECTIVE).optional(),
  })
  .strict();
export type ObjectiveInput = z.infer<typeof objectiveInputSchema>;

export const objectivePatchSchema = z
  .object({
    title: titleSchema,
    description: textSchema,
    weight: weightSchema,
    visibility: z.enum(VISIBILITIES),
    kind: z.enum(OBJECTIVE_KINDS),
    reason: textSchema.min(1),
    version: versionSchema,
  })
  .partial()
  .strict();

/** A milestone in a whole-objective save: with `id`, that milestone kept (check-ins name it); without, a new one. */
const milestoneSaveSchema = milestoneInputSchema.extend({ id: idSchema.optional() }).strict();

/**
 * A KR in a whole-objective save. With `id`: that KR, updated; the fields left out keep their value
 * (`null` clears `unit`, `ownerUserId` or `parentKeyResultId`), `milestones` given are the whole list.
 * Without `id`: a new KR, as on create. `confidence` only sets a new KR's starting value.
 */
export const keyResultSaveSchema = keyResultInputSchema
  .extend({ id: idSchema.optional(), milestones: milestoneListSchema(milestoneSaveSchema).optional() })
  .strict();
export type KeyResultSaveInput = z.infer<typeof keyResultSaveSchema>;

/** Ids must name one KR (or one milestone of a KR) once: issues at the repeated ones. */
function refuseRepeatedIds(
  ids: ReadonlyArray<string | undefined>,
  path: Array<string | number>,
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    if (seen.has(id)) {
      ctx.addIssue({ code: "custom", path: [...path, i, "id"], message: "Each id may appear once" });
    }
    seen.add(id);
  });
}

/**
 * PUT /objectives/:id: the whole objective with its KRs, saved at once. KRs with an id are updated, those
 * without are created, the objective's KRs left out are deleted. Fields of the objective left out keep
 * their value; `reason` is needed when the save is an adjustment (past aligning, published).
 */
export const objectiveSaveSchema = z
  .object({
    title: titleSchema,
    description: textSchema.optional(),
    weight: weightSchema.optional(),
    visibility: z.enum(VISIBILITIES).optional(),
    kind: z.enum(OBJECTIVE_KINDS).optional(),
    reason: textSchema.min(1).optional(),
    keyResults: z.array(keyResultSaveSchema).max(MAX_KEY_RESULTS_PER_OBJECTIVE),
  })
  .strict()
  .superRefine((save, ctx) => {
    refuseRepeatedIds(
      save.keyResults.map((kr) => kr.id),
      ["keyResults"],
      ctx,
    );
    save.keyResults.forEach((kr, i) => {
      refuseRepeatedIds(
        (kr.milestones ?? []).map((m) => m.id),
        ["keyResults", i, "milestones"],
        ctx,
      );
    });
  });
export type ObjectiveSaveInput = z.infer<typeof objectiveSaveSchema>;

/** `limit` and `cursor` of a list that pages only when asked (the first clients read it whole). */
const optInPageShape = {
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: lineSchema(200).optional(),
};

/**
 * The most objectives `GET /objectives` answers without `limit` or `cursor` (a bare array, oldest first):
 * past it, page (`{ items, nextCursor }`).
 */
export const MAX_OBJECTIVES_UNPAGED = 1000;

/** The most entries `GET /objectives/:id/history` answers without `limit` or `cursor`: the newest ones. */
export const MAX_HISTORY_UNPAGED = 500;

/**
 * `GET /objectives`: with `limit` or `cursor`, one page `{ items, nextCursor }` in the list's order (oldest
 * first); with neither, at most MAX_OBJECTIVES_UNPAGED as a bare array, as the first clients read it.
 */
export const objectiveListQuerySchema = z
  .object({
    ...optInPageShape,
    cycleId: idSchema.optional(),
    level: z.enum(OBJECTIVE_LEVELS).optional(),
    ownerUserId: idSchema.optional(),
    ownerDepartmentId: idSchema.optional(),
    /** Objectives where this person owns at least one KR (their check-in list). */
    keyResultOwnerUserId: idSchema.optional(),
    status: z.enum(OBJECTIVE_STATUSES).optional(),
    includeDeleted: z.enum(["true", "false"]).optional(),
    /** `true`: only the objectives the caller answers for (their home and check-in screens). */
    mine: z
      .enum(["true", "false"])
      .optional()
      .describe(
        "`true`: only the objectives the caller answers for — their own, those of the departments they lead, " +
          "and those where they own a key result.",
      ),
    /** `me`: the submitted objectives whose decision waits for the caller (their approvals to-do). */
    approver: z
      .literal("me")
      .optional()
      .describe(
        "`me`: the submitted objectives whose decision waits for the caller — those whose one approver they " +
          "are, and, for admins, those that name no approver.",
      ),
    /** A part of the objective's title or of one of its KRs' (any case): pickers search on the server. */
    q: lineSchema(100)
      .trim()
      .optional()
      .describe("Objectives whose title, or one of whose key results' titles, holds this text (any case)."),
    /** Personal objectives of this department's own members (a department's page). */
    memberDepartmentId: idSchema
      .optional()
      .describe(
        "The personal objectives of the members of this department (not of the departments below it).",
      ),
  })
  .strict();

/**
 * `GET /objectives/:id/history`: with `limit` or `cursor`, one page `{ items, nextCursor }`, newest first;
 * with neither, `{ entries }` oldest first — the newest MAX_HISTORY_UNPAGED of them, never the whole log.
 */
export const objectiveHistoryQuerySchema = z.object(optInPageShape).strict();

export const rejectInputSchema = z.object({ reason: textSchema.min(1) }).strict();

export const alignmentInputSchema = z
  .object({
    parentObjectiveId: idSchema.nullable().optional(),
    parentKeyResultId: idSchema.nullable().optional(),
    supports: z.array(idSchema).max(50).optional(),
  })
  .strict();

export const checkInInputSchema = z
  .object({
    value: decimalInputSchema.optional(),
    milestonesDone: z.array(idSchema).max(50).optional(),
    confidence: confidenceSchema,
    note: textSchema.optional(),
  })
  .strict();
export type CheckInInput = z.infer<typeof checkInInputSchema>;

/** The most check-ins `GET /key-results/:id/check-ins` answers without `limit` or `cursor` (a bare array). */
export const MAX_CHECK_INS_UNPAGED = 200;

/**
 * `GET /key-results/:id/check-ins`: with `limit` or `cursor`, one page `{ items, nextCursor }`; with
 * neither, the newest MAX_CHECK_INS_UNPAGED as a bare array, as the first clients read it. The cursor is
 * opaque (the last check-in answered).
 */
export const checkInListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: lineSchema(200).optional(),
  })
  .strict();

/**
 * `Idempotency-Key` on a create: the same key from the same person within 24 hours answers the first answer
 * again and creates nothing. 1 to 255 visible ASCII characters (a UUID, say).
 */
export const idempotencyHeadersSchema = z.object({
  "idempotency-key": lineSchema(255)
    .superRefine((key, ctx) => {
      if (!/^[\x21-\x7E]{1,255}$/.test(key)) {
        ctx.addIssue({
          code: "custom",
          message: "Not 1 to 255 visible ASCII characters",
          params: { code: "idempotency.key_invalid" },
        });
      }
    })
    .optional(),
});

const scoreSchema = z.number().finite().min(0).max(1);
export const scoreInputSchema = z
  .object({
    keyResults: z
      .array(
        z
          .object({
            id: idSchema,
            selfScore: scoreSchema.nullable().optional(),
            managerScore: scoreSchema.nullable().optional(),
            comment: textSchema.nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict();

export const reviewInputSchema = z
  .object({
    wentWell: textSchema,
    wentBadly: textSchema,
    lessons: textSchema,
    nextSteps: textSchema,
  })
  .strict();
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const idParamsSchema = z.object({ id: idSchema }).strict();
export const userIdParamsSchema = z.object({ userId: idSchema }).strict();
export const departmentQuerySchema = z.object({ departmentId: idSchema.optional() }).strict();

/**
 * `GET /cycles/:id/tree/nodes`: one page of the alignment map's nodes — the children of `parentId`, or the
 * roots without it; with `q` instead, the objectives whose title holds `q`, in the map's order.
 */
export const treeNodesQuerySchema = z
  .object({
    departmentId: idSchema.optional(),
    parentId: idSchema.optional(),
    q: lineSchema(100).min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: lineSchema(200).optional(),
  })
  .strict();

/** `GET /cycles/:id/tree/path`: the objectives above one on the alignment map. */
export const treePathQuerySchema = z
  .object({ objectiveId: idSchema, departmentId: idSchema.optional() })
  .strict();

/** My team in a cycle: the caller's direct reports, or with `indirect=true` everyone below them too. */
export const teamQuerySchema = z
  .object({ cycleId: idSchema, indirect: z.enum(["true", "false"]).optional() })
  .strict();

/**
 * The coach's size budget: the most characters it reads in one review — the objective's title and
 * description and its KRs' titles together. More answers 413 `coach.too_large` (an objective saved with
 * more gets its answer without `coach`).
 */
export const COACH_MAX_CHARACTERS = 20_000;
/**
 * The coach's time budget per review, in milliseconds, from when the coach can take it (waiting behind
 * other reviews included) to its findings. It runs off the server's main thread; a review that takes
 * longer is stopped and answers 422 `coach.over_budget` (an objective's save still succeeds, without `coach`).
 */
export const COACH_TIME_BUDGET_MS = 2_000;

/** The characters a review reads, counted against {@link COACH_MAX_CHARACTERS}. */
export function coachTextLength(okr: {
  objective: { title: string; description?: string | null | undefined };
  keyResults: ReadonlyArray<{ title: string }>;
}): number {
  return (
    okr.objective.title.length +
    (okr.objective.description?.length ?? 0) +
    okr.keyResults.reduce((sum, kr) => sum + kr.title.length, 0)
  );
}

export const coachReviewInputSchema = z
  .object({
    objective: z
      .object({ title: lineSchema(MAX_TITLE), description: textSchema.nullable().optional() })
      .strict(),
    keyResults: z
      .array(
        z
          .object({
            title: lineSchema(MAX_TITLE),
            type: z.enum(KEY_RESULT_TYPES).nullable().optional(),
            startValue: decimalInputSchema.nullable().optional(),
            targetValue: decimalInputSchema.nullable().optional(),
          })
          .strict(),
      )
      .max(50),
    locale: z.enum(LOCALES).optional(),
    ownerObjectiveCount: z.number().int().min(0).max(1000).optional(),
    /** The objective's kind: with it, the coach says where the key results contradict it. */
    kind: z.enum(OBJECTIVE_KINDS).optional(),
  })
  .strict()
  .meta({
    description:
      "At most 20,000 characters in the title, the description and the KR titles together (413 coach.too_large); " +
      "a review that cannot finish within 2 seconds answers 422 coach.over_budget.",
  });

/** Carrying a KR into the next cycle (复盘): into which objective. */
export const carryForwardInputSchema = z
  .object({ objectiveId: idSchema, reason: textSchema.min(1).optional() })
  .strict();
