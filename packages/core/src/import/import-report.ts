import { z } from "zod";
import { reviewOkr } from "../coach/review.ts";
import type { CoachLocale } from "../coach/types.ts";
import type { Locale } from "../domain/types.ts";
import { messageOf } from "../errors/error-codes.ts";
import { coachReviewSchema } from "../schemas/output.ts";
import type { ImportIssue, ImportObjectiveDraft } from "./import-rows.ts";

const count = z.number().int().min(0);
const counts = z.object({ objectives: count, keyResults: count }).strict();

const importErrorSchema = z
  .object({
    sheet: z.string().optional(),
    row: z.number().int().min(1),
    column: z.string(),
    code: z.string(),
    message: z.string(),
  })
  .strict()
  .meta({ id: "ImportError" });

/** What the import does; `invalid`: a row of it has an error, so nothing would be written for it. */
const importActionSchema = z.enum(["create", "update", "unchanged", "invalid"]);

/** One objective of an import as the preview shows it: its rows, what the import does, the coach's findings. */
const importObjectiveSchema = z
  .object({
    sheet: z.string().optional(),
    row: z.number().int().min(1),
    externalId: z.string().nullable(),
    /** The objective's id once it exists (an update, or after a real run). */
    id: z.string().nullable(),
    cycle: z.string().nullable(),
    level: z.enum(["company", "department", "personal"]).nullable(),
    owner: z.string(),
    title: z.string(),
    action: importActionSchema,
    keyResults: z.array(
      z
        .object({
          row: z.number().int().min(1),
          externalId: z.string().nullable(),
          title: z.string(),
          type: z.string(),
          startValue: z.string().nullable(),
          targetValue: z.string().nullable(),
          unit: z.string().nullable(),
          action: importActionSchema,
        })
        .strict(),
    ),
    coach: coachReviewSchema,
  })
  .strict()
  .meta({ id: "ImportObjective" });

/**
 * The answer of `POST /import` (api.md *Data in and out*): what was (or, in a dry run, would be) created
 * and updated, every error with its row and column, and each objective with the coach's findings.
 */
export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    format: z.enum(["xlsx", "csv", "json", "markdown"]),
    /** Rows that carried something (or, for JSON, key results and objectives read). */
    rows: count,
    created: counts,
    updated: counts,
    unchanged: counts,
    errors: z.array(importErrorSchema),
    /** More errors than the answer lists (the first `errors.length` are listed). */
    errorCount: count,
    objectives: z.array(importObjectiveSchema),
    /** More objectives than the answer lists. */
    objectiveCount: count,
  })
  .strict()
  .meta({ id: "ImportReport" });
export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportReportObjective = z.infer<typeof importObjectiveSchema>;

/** An issue as the answer lists it, its message in the caller's language. */
export function renderImportIssue(issue: ImportIssue, locale: Locale): ImportReport["errors"][number] {
  return {
    ...(issue.sheet ? { sheet: issue.sheet } : {}),
    row: issue.row,
    column: issue.column,
    code: issue.code,
    message: messageOf(issue.code, locale, issue.params),
  };
}

/** The coach's review of an imported objective, in the caller's language. */
export function coachImportedObjective(
  draft: ImportObjectiveDraft,
  locale: CoachLocale,
  ownerObjectiveCount: number | null,
): z.infer<typeof coachReviewSchema> {
  return reviewOkr(
    {
      objective: { title: draft.title },
      keyResults: draft.keyResults.map((kr) => ({
        title: kr.title,
        type: kr.type,
        startValue: kr.startValue,
        targetValue: kr.targetValue,
      })),
      ownerObjectiveCount,
    },
    { locale },
  );
}
