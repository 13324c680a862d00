import { z } from "zod";
import type { ImportTable, RawImportRow } from "./import-rows.ts";
import type { OutlineOkr } from "./outline.ts";

/** The template's column order, as tables built from outlines and JSON name them. */
const TABLE_HEADERS = [
  "objective_external_id",
  "external_id",
  "cycle",
  "level",
  "owner",
  "objective",
  "key_result",
  "type",
  "start",
  "target",
  "unit",
] as const;

/**
 * A Markdown outline as an import table: each key result a row on its own line, an objective without key
 * results a row on its heading's line. Outlines name no cycle or owner: the import's defaults apply.
 */
export function outlineToTable(outline: readonly OutlineOkr[]): ImportTable {
  const rows: RawImportRow[] = [];
  for (const okr of outline) {
    const head = ["", "", "", "", "", okr.objective.title];
    if (okr.keyResults.length === 0) rows.push({ row: okr.objective.line, cells: head });
    for (const kr of okr.keyResults) rows.push({ row: kr.line, cells: [...head, kr.title] });
  }
  return { headerRow: 1, headers: [...TABLE_HEADERS], rows };
}

const measure = z.union([z.string(), z.number()]).nullable().optional();

/** The JSON export's shape (GET /cycles/:id/export?format=json), as far as an import reads it. */
const exportedJsonSchema = z.object({
  cycle: z.object({ name: z.string() }).optional(),
  objectives: z.array(
    z.object({
      id: z.string().optional(),
      externalId: z.string().nullable().optional(),
      level: z.string().nullable().optional(),
      owner: z.string().nullable().optional(),
      title: z.string(),
      keyResults: z
        .array(
          z.object({
            id: z.string().optional(),
            externalId: z.string().nullable().optional(),
            title: z.string(),
            type: z.string().nullable().optional(),
            unit: z.string().nullable().optional(),
            startValue: measure,
            targetValue: measure,
          }),
        )
        .optional(),
    }),
  ),
});

/** Why a JSON document is not an export: the first problem zod found, with its path. */
export class ImportJsonShapeError extends Error {
  override name = "ImportJsonShapeError";
}

/**
 * Luodi's JSON export as an import table, so that export → import round-trips: objectives and key results
 * keep their ids as external ids. Rows are numbered in reading order (the first entry is row 2, as under
 * a header): JSON has no rows of its own to point at.
 */
export function exportedJsonToTable(document: unknown): ImportTable {
  const parsed = exportedJsonSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportJsonShapeError(`${issue?.path.join(".") || "(document)"}: ${issue?.message ?? ""}`);
  }
  const cycle = parsed.data.cycle?.name ?? "";
  const rows: RawImportRow[] = [];
  let line = 1;
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? "" : value;
  for (const objective of parsed.data.objectives) {
    const objectiveId = objective.externalId ?? objective.id ?? "";
    const head = [objectiveId, cycle, objective.level ?? "", objective.owner ?? "", objective.title];
    const keyResults = objective.keyResults ?? [];
    if (keyResults.length === 0) rows.push({ row: ++line, cells: [head[0] ?? "", "", ...head.slice(1)] });
    for (const kr of keyResults) {
      rows.push({
        row: ++line,
        cells: [
          head[0] ?? "",
          kr.externalId ?? kr.id ?? "",
          ...head.slice(1),
          kr.title,
          kr.type ?? "",
          text(kr.startValue),
          text(kr.targetValue),
          kr.unit ?? "",
        ],
      });
    }
  }
  return { headerRow: 1, headers: [...TABLE_HEADERS], rows };
}
