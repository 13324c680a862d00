import {
  AppError,
  coachImportedObjective,
  type ImportIssue,
  type ImportRead,
  type ImportReport,
  type KeyResultSaveInput,
  readImportTable,
  renderImportIssue,
} from "@luodi/core";
import { type Executor, listKeyResultsOfObjectives, setExternalIds } from "@luodi/db";
import type { Caller } from "../context.ts";
import { createObjective } from "../objectives/create-objective.ts";
import { saveObjective } from "../objectives/save-objective.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";
import { type ObjectivePlan, planImport } from "./plan-import.ts";
import { readUpload } from "./read-upload.ts";

/** Limits of one import: beyond them the file is refused before anything is planned. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  fileBytes: 20 * 1024 * 1024,
  /** Data rows (key results, or objectives without any). */
  rows: 100_000,
  /** Errors listed in an answer (all are counted). */
  errors: 1_000,
  /** Objectives listed in an answer with their coach review (all are imported). */
  objectives: 2_000,
};

/** Options of `importOkrs`. */
type ImportOptions = {
  /** Check and report only; write nothing. */
  dryRun: boolean;
  /** The cycle of rows that name none (and of Markdown outlines, which cannot). */
  cycleId: string | null;
};

/** The uploaded file. */
type ImportUpload = { name: string; data: Buffer };

/**
 * Imports OKRs from a file (api.md *Data in and out*): reads it, checks every row by the API's rules,
 * resolves cycles, owners and departments, and — unless it is a dry run or a row is wrong — writes all of
 * it in one transaction through the same services as the API: new objectives are drafts created by
 * `createObjective`, changed ones are saved by `saveObjective` (an adjustment past aligning). Importing
 * the same file again changes nothing: rows are matched by external id (or, without one, by title within
 * the same owner and cycle). An import adds and updates; it never deletes.
 */
export async function importOkrs(
  caller: Caller,
  upload: ImportUpload,
  options: ImportOptions,
): Promise<ImportReport> {
  const { format, read, headerRow } = await readFile(caller, upload, options);
  const run = async (db: Executor) => {
    const planned = read.issues.some((i) => i.row === headerRow && i.code.startsWith("import.column"))
      ? { plans: [], issues: [] }
      : await planImport(caller, db, read, { defaultCycleId: options.cycleId });
    const issues = [...read.issues, ...planned.issues].sort((a, b) => a.row - b.row);
    if (options.dryRun || issues.length > 0) return { plans: planned.plans, issues, written: false };
    await writeImport(caller, db, planned.plans, upload.name);
    return { plans: planned.plans, issues, written: true };
  };
  const outcome = options.dryRun ? await run(caller.ctx.db) : await inTransaction(caller.ctx, run);
  if (!options.dryRun && outcome.issues.length > 0) throw invalid(outcome.issues, caller);
  return report(caller, format, read, outcome.plans, outcome.issues, options.dryRun);
}

/** The file's rows read and checked; the raw table is left behind here, so it is not kept while writing. */
async function readFile(caller: Caller, upload: ImportUpload, options: ImportOptions) {
  const { format, table } = await readUpload(upload.name, upload.data, { maxRows: IMPORT_LIMITS.rows });
  const read = readImportTable(table, {
    locale: caller.locale,
    requireCycle: options.cycleId === null && format !== "markdown",
  });
  return { format, read, headerRow: table.headerRow };
}

/** A real run with wrong rows: 422, nothing written, the first rows named in the details. */
function invalid(issues: readonly ImportIssue[], caller: Caller): AppError {
  return new AppError(
    "import.invalid",
    { count: issues.length },
    issues.slice(0, 50).map((issue) => ({
      path: `${issue.sheet ? `${issue.sheet}.` : ""}row.${issue.row}.${issue.column}`,
      message: renderImportIssue(issue, caller.locale).message,
    })),
  );
}

function countOf(plans: readonly ObjectivePlan[], action: "create" | "update" | "unchanged") {
  return {
    objectives: plans.filter((p) => p.action === action).length,
    keyResults: plans.reduce((n, p) => n + p.keyResults.filter((kr) => kr.action === action).length, 0),
  };
}

/**
 * The answer: counts, errors, and each objective as the preview shows it — those the organization refused
 * (an unknown owner…) too, marked `invalid`, so that their rows can be shown beside their errors.
 */
function report(
  caller: Caller,
  format: ImportReport["format"],
  read: ImportRead,
  plans: readonly ObjectivePlan[],
  issues: readonly ImportIssue[],
  dryRun: boolean,
): ImportReport {
  const planOf = new Map(plans.map((plan) => [plan.draft, plan]));
  const entries: ImportReport["objectives"] = [];
  for (const draft of read.objectives) {
    if (entries.length >= IMPORT_LIMITS.objectives) break;
    const plan = planOf.get(draft);
    if (!plan) {
      entries.push({
        ...(draft.sheet ? { sheet: draft.sheet } : {}),
        row: draft.row,
        externalId: draft.externalId,
        id: null,
        cycle: draft.cycle,
        level: draft.level,
        owner: draft.owner,
        title: draft.title,
        action: "invalid",
        keyResults: draft.keyResults.map((kr) => ({
          row: kr.row,
          externalId: kr.externalId,
          title: kr.title,
          type: kr.type,
          startValue: kr.startValue,
          targetValue: kr.targetValue,
          unit: kr.unit,
          action: "invalid",
        })),
        coach: coachImportedObjective(draft, caller.locale, null),
      });
      continue;
    }
    entries.push(presentPlan(caller, plan));
  }
  return {
    dryRun,
    format,
    rows: read.rowCount,
    created: countOf(plans, "create"),
    updated: countOf(plans, "update"),
    unchanged: countOf(plans, "unchanged"),
    errors: issues.slice(0, IMPORT_LIMITS.errors).map((issue) => renderImportIssue(issue, caller.locale)),
    errorCount: issues.length,
    objectives: entries,
    objectiveCount: read.objectives.length,
  };
}

function presentPlan(caller: Caller, plan: ObjectivePlan): ImportReport["objectives"][number] {
  return {
    ...(plan.draft.sheet ? { sheet: plan.draft.sheet } : {}),
    row: plan.draft.row,
    externalId: plan.draft.externalId,
    id: plan.existing?.id ?? plan.createdId ?? null,
    cycle: plan.cycle.name,
    level: plan.level,
    owner: plan.draft.owner,
    title: plan.draft.title,
    action: plan.action,
    keyResults: plan.keyResults.map(({ draft, action }) => ({
      row: draft.row,
      externalId: draft.externalId,
      title: draft.title,
      type: draft.type,
      startValue: draft.startValue,
      targetValue: draft.targetValue,
      unit: draft.unit,
      action,
    })),
    coach: coachImportedObjective(plan.draft, caller.locale, plan.ownerObjectiveCount),
  };
}

function keyResultInput(plan: ObjectivePlan["keyResults"][number]): KeyResultSaveInput {
  const { draft } = plan;
  return {
    ...(plan.existing ? { id: plan.existing.id } : {}),
    title: draft.title,
    type: draft.type,
    startValue: draft.startValue,
    targetValue: draft.targetValue,
    unit: draft.unit,
  };
}

/**
 * Writes a checked plan inside the import's transaction; the services called join it, so a failure
 * anywhere leaves nothing written. New rows get the external ids they were imported under.
 */
async function writeImport(
  caller: Caller,
  db: Executor,
  plans: ObjectivePlan[],
  fileName: string,
): Promise<void> {
  const orgId = caller.auth.org.id;
  const objectiveIds: Array<{ id: string; externalId: string }> = [];
  const keyResultIds: Array<{ id: string; externalId: string }> = [];
  for (const plan of plans) {
    if (plan.action === "unchanged") continue;
    const newKeyResults = plan.keyResults.filter((kr) => !kr.existing);
    let addedIds: string[];
    if (!plan.existing) {
      const created = await createObjective(caller, {
        cycleId: plan.cycle.id,
        level: plan.level,
        ...(plan.level === "personal" ? { ownerUserId: plan.ownerUserId } : {}),
        ...(plan.level === "department" ? { ownerDepartmentId: plan.ownerDepartmentId } : {}),
        title: plan.draft.title,
        keyResults: newKeyResults.map((kr) => {
          const { id: _id, ...input } = keyResultInput(kr);
          return input;
        }),
      });
      plan.createdId = created.id;
      addedIds = created.keyResultIds;
      if (plan.draft.externalId) objectiveIds.push({ id: created.id, externalId: plan.draft.externalId });
    } else {
      const objectiveId = plan.existing.id;
      const before = new Set(plan.existingKeyResults.map((kr) => kr.id));
      const changed = new Map(plan.keyResults.filter((kr) => kr.existing).map((kr) => [kr.existing?.id, kr]));
      await saveObjective(
        caller,
        objectiveId,
        {
          title: plan.draft.title,
          reason: `import: ${fileName}`.slice(0, 500),
          keyResults: [
            // An import never deletes: the objective's other key results are saved as they are.
            ...plan.existingKeyResults.map((row): KeyResultSaveInput => {
              const step = changed.get(row.id);
              return step ? keyResultInput(step) : { id: row.id, title: row.title, type: row.type };
            }),
            ...newKeyResults.map(keyResultInput),
          ],
        },
        plan.existing.version,
      );
      // New key results take positions after the ones there were, in the file's order.
      addedIds = (await listKeyResultsOfObjectives(db, orgId, [objectiveId]))
        .filter((kr) => !before.has(kr.id))
        .sort((a, b) => a.position - b.position)
        .map((kr) => kr.id);
    }
    newKeyResults.forEach((kr, i) => {
      const id = addedIds[i];
      if (id && kr.draft.externalId) keyResultIds.push({ id, externalId: kr.draft.externalId });
    });
  }
  await setExternalIds(db, orgId, "objective", objectiveIds);
  await setExternalIds(db, orgId, "keyResult", keyResultIds);
  await recordAudit(db, [
    {
      orgId,
      actorId: caller.auth.user.id,
      action: "data.import",
      entityType: "organization",
      entityId: orgId,
      after: {
        file: fileName,
        created: countOf(plans, "create"),
        updated: countOf(plans, "update"),
      },
      at: caller.ctx.config.now().toISOString(),
    },
  ]);
}
