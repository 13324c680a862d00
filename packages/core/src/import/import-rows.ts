import { MAX_TITLE } from "../domain/limits.ts";
import { validateKeyResultDefinition } from "../domain/progress.ts";
import type { KeyResultType, Locale, ObjectiveLevel } from "../domain/types.ts";
import { AppError } from "../errors/app-error.ts";
import type { ErrorCode } from "../errors/error-codes.ts";
import { decimalInputSchema, lineSchema, titleSchema } from "../schemas/common.ts";
import { MAX_KEY_RESULTS_PER_OBJECTIVE } from "../schemas/objective.ts";
import {
  columnHeader,
  IMPORT_COLUMNS,
  type ImportColumnKey,
  indexHeaders,
  parseKeyResultType,
  parseLevel,
  parseNumberText,
} from "./import-columns.ts";

/**
 * A cell as a reader hands it over: text or a number (a formula's computed value already taken), or what
 * cannot be taken as a value — a date-formatted cell, a formula the file carries no value for, an error.
 */
export type ImportCell =
  | string
  | number
  | boolean
  | null
  | { date: string }
  | { formula: string }
  | { error: string };

/** One row of a sheet or CSV file: its line in the file (header = 1) and its cells by 0-based column. */
export type RawImportRow = { row: number; cells: readonly ImportCell[] };

/** A rectangle of merged cells, 1-based and inclusive, as a workbook lists them. */
export type MergedRange = { top: number; left: number; bottom: number; right: number };

/** A table read from a file: the header row, the rows below it, and the merged cells of a sheet. */
export type ImportTable = {
  sheet?: string | undefined;
  headerRow: number;
  headers: readonly string[];
  rows: readonly RawImportRow[];
  merges?: readonly MergedRange[] | undefined;
};

/** A problem with one cell (or the header row), in language-neutral form: rendered by `importIssueMessage`. */
export type ImportIssue = {
  sheet?: string | undefined;
  /** The line in the file: the header row is 1 in a CSV file or a template sheet. */
  row: number;
  /** The column's header as the file writes it (or the template's, when the file lacks the column). */
  column: string;
  code: ErrorCode;
  params: Record<string, unknown>;
};

/** A key result as a row describes it, validated by the same rules as the API's create. */
export type ImportKeyResultDraft = {
  row: number;
  externalId: string | null;
  title: string;
  type: KeyResultType;
  startValue: string | null;
  targetValue: string | null;
  unit: string | null;
};

/** An objective gathered from its rows, before the organization is consulted (cycle, owner…). */
export type ImportObjectiveDraft = {
  sheet?: string | undefined;
  /** The first row that names it. */
  row: number;
  externalId: string | null;
  cycle: string | null;
  level: ObjectiveLevel | null;
  owner: string;
  title: string;
  keyResults: ImportKeyResultDraft[];
};

/** What `readImportTable` makes of a table. */
export type ImportRead = {
  objectives: ImportObjectiveDraft[];
  issues: ImportIssue[];
  /** How many rows carried something. */
  rowCount: number;
  /** Each column's name as the file writes it, or the template's in the caller's language. */
  columnNames: Record<ImportColumnKey, string>;
};

/** The longest external id kept: ids of other systems are short, a longer one is a mistake. */
const MAX_EXTERNAL_ID = 200;

type CellResult<T> = { value: T } | { issue: { code: ErrorCode; params: Record<string, unknown> } };

function isEmpty(cell: ImportCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function unreadable(cell: ImportCell): CellResult<never> | null {
  if (cell !== null && typeof cell === "object") {
    if ("formula" in cell)
      return { issue: { code: "import.formula", params: { formula: `=${cell.formula}` } } };
    if ("error" in cell) return { issue: { code: "import.cell_error", params: { value: cell.error } } };
  }
  return null;
}

function textOf(cell: ImportCell | undefined): CellResult<string> {
  if (cell === null || cell === undefined) return { value: "" };
  const refused = unreadable(cell);
  if (refused) return refused;
  if (typeof cell === "object" && "date" in cell) return { value: cell.date };
  if (typeof cell === "object") return { value: "" };
  return { value: String(cell).trim() };
}

function numberOf(cell: ImportCell | undefined): CellResult<string | null> {
  if (isEmpty(cell) || cell === undefined || cell === null) return { value: null };
  const refused = unreadable(cell);
  if (refused) return refused;
  if (typeof cell === "object" && "date" in cell) {
    return { issue: { code: "import.date_as_number", params: { value: cell.date } } };
  }
  const number = typeof cell === "number" ? cell : parseNumberText(String(cell));
  const parsed = number === null ? null : decimalInputSchema.safeParse(number);
  if (!parsed?.success) return { issue: { code: "import.number", params: { value: String(cell) } } };
  return { value: parsed.data };
}

/** A text checked like the API checks it: a title, a unit or an external id. */
function checkText(
  value: string,
  kind: "title" | "unit" | "externalId",
): { code: ErrorCode; params: Record<string, unknown> } | null {
  const max = kind === "title" ? MAX_TITLE : kind === "unit" ? 32 : MAX_EXTERNAL_ID;
  const schema = kind === "title" ? titleSchema : lineSchema(max);
  const result = schema.safeParse(value);
  if (result.success) return null;
  if (result.error.issues.some((issue) => issue.code === "too_big")) {
    return { code: "import.too_long", params: { max } };
  }
  if (result.error.issues.some((issue) => issue.code === "too_small")) {
    return { code: "import.required", params: {} };
  }
  return { code: "import.invalid_text", params: {} };
}

function groupTitle(title: string): string {
  return title.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Spreads each merged range's value over its cells down a column, as the sheet shows it (an objective
 * written once beside its key results); a range across several known columns cannot say which column it
 * belongs to and is refused.
 */
function applyMerges(
  table: ImportTable,
  known: ReadonlySet<number>,
  issue: (row: number, position: number, code: ErrorCode, params: Record<string, unknown>) => void,
): readonly RawImportRow[] {
  // Rows are copied only when a merge is to be spread over them: a large sheet is not held twice.
  if (!table.merges?.length) return table.rows;
  const rows = table.rows.map((r) => ({ row: r.row, cells: [...r.cells] }));
  const byLine = new Map(rows.map((r) => [r.row, r]));
  for (const range of table.merges ?? []) {
    const columns = [];
    for (let c = range.left; c <= range.right; c++) if (known.has(c - 1)) columns.push(c - 1);
    if (columns.length === 0 || range.bottom <= table.headerRow) continue;
    if (columns.length > 1) {
      issue(range.top, columns[0] ?? 0, "import.merged_cells", { range: rangeName(range) });
      continue;
    }
    const position = columns[0] ?? 0;
    const value = byLine.get(range.top)?.cells[position] ?? null;
    for (let line = Math.max(range.top + 1, table.headerRow + 1); line <= range.bottom; line++) {
      const row = byLine.get(line);
      if (row && isEmpty(row.cells[position])) row.cells[position] = value;
    }
  }
  return rows;
}

function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function rangeName(range: MergedRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}

/** Where a KR definition rule's error belongs: a missing or equal target is the target's fault. */
function definitionColumn(error: AppError): ImportColumnKey {
  if (error.code === "kr.fields" && String(error.params.fields) === "startValue") return "start";
  return "target";
}

/**
 * Reads the rows of a table into objectives with their key results, checking every cell by the rules the
 * API applies to a create, and groups rows of one objective: by `objective_external_id` when given, else
 * by title, cycle, level and owner; a row with an empty objective cell continues the objective above.
 * Nothing about the organization is checked here (cycles, owners, permissions): see the server's import.
 */
export function readImportTable(
  table: ImportTable,
  options: { locale: Locale; requireCycle: boolean },
): ImportRead {
  const issues: ImportIssue[] = [];
  const header = indexHeaders(table.headers);
  const columnNames = Object.fromEntries(
    IMPORT_COLUMNS.map((c) => [c.key, header.names[c.key] ?? columnHeader(c.key, options.locale)]),
  ) as Record<ImportColumnKey, string>;
  const push = (row: number, column: string, code: ErrorCode, params: Record<string, unknown> = {}) =>
    issues.push({ ...(table.sheet ? { sheet: table.sheet } : {}), row, column, code, params });

  const expected = IMPORT_COLUMNS.map((c) => `${c.header.en} / ${c.header["zh-CN"]}`).join(", ");
  for (const { name } of header.unknown)
    push(table.headerRow, name, "import.column_unknown", { column: name, expected });
  for (const { name } of header.duplicate)
    push(table.headerRow, name, "import.column_duplicate", { column: name });
  const required: ImportColumnKey[] = [
    "objective",
    "keyResult",
    ...(options.requireCycle ? ["cycle" as const] : []),
  ];
  for (const key of required) {
    if (header.positions[key] === undefined) {
      push(table.headerRow, columnNames[key], "import.column_missing", { column: columnNames[key] });
    }
  }
  if (required.some((key) => header.positions[key] === undefined)) {
    return { objectives: [], issues, rowCount: 0, columnNames };
  }

  const known = new Set(Object.values(header.positions));
  const keyAt = new Map(Object.entries(header.positions).map(([key, position]) => [position, key]));
  const rowsWithMergeIssues = new Set<number>();
  const rows = applyMerges(table, known, (row, position, code, params) => {
    rowsWithMergeIssues.add(row);
    push(row, table.headers[position] ?? "", code, params);
  });

  const byKey = new Map<string, ImportObjectiveDraft>();
  const objectives: ImportObjectiveDraft[] = [];
  const firstRowOf = new Map<
    ImportObjectiveDraft,
    Partial<Record<ImportColumnKey, { row: number; value: string }>>
  >();
  const seenKeyResultIds = new Map<string, number>();
  let previous: ImportObjectiveDraft | undefined;
  let rowCount = 0;

  for (const raw of rows) {
    const cell = (key: ImportColumnKey): ImportCell | undefined => {
      const position = header.positions[key];
      return position === undefined ? undefined : raw.cells[position];
    };
    if ([...keyAt.keys()].every((position) => isEmpty(raw.cells[position]))) continue;
    rowCount += 1;
    const before = issues.length;
    const text = (key: ImportColumnKey): string => {
      const result = textOf(cell(key));
      if ("issue" in result) {
        push(raw.row, columnNames[key], result.issue.code, result.issue.params);
        return "";
      }
      return result.value;
    };
    const number = (key: ImportColumnKey): string | null => {
      const result = numberOf(cell(key));
      if ("issue" in result) {
        push(raw.row, columnNames[key], result.issue.code, result.issue.params);
        return null;
      }
      return result.value;
    };

    const objectiveExternalId = text("objectiveExternalId");
    const cycle = text("cycle");
    const levelText = text("level");
    const owner = text("owner");
    const title = text("objective");
    const keyResultTitle = text("keyResult");
    const externalId = text("externalId");
    const typeText = text("type");
    const startValue = number("start");
    const targetValue = number("target");
    const unit = text("unit");

    let level: ObjectiveLevel | null = null;
    if (levelText !== "") {
      level = parseLevel(levelText);
      if (level === null) push(raw.row, columnNames.level, "import.level", { value: levelText });
    }
    for (const [key, value, kind] of [
      ["objectiveExternalId", objectiveExternalId, "externalId"],
      ["externalId", externalId, "externalId"],
      ["unit", unit, "unit"],
    ] as const) {
      const problem = value === "" ? null : checkText(value, kind);
      if (problem) push(raw.row, columnNames[key], problem.code, problem.params);
    }

    // The objective this row belongs to.
    let objective: ImportObjectiveDraft | undefined;
    const describesObjective = title !== "" || objectiveExternalId !== "";
    if (!describesObjective) {
      if (previous === undefined) {
        push(raw.row, columnNames.objective, "import.no_objective");
        continue;
      }
      objective = previous;
    } else {
      const key =
        objectiveExternalId !== ""
          ? `id:${objectiveExternalId}`
          : `title:${cycle}\u0000${level ?? ""}\u0000${owner.toLowerCase()}\u0000${groupTitle(title)}`;
      objective = byKey.get(key);
      if (objective === undefined) {
        if (title === "") {
          push(raw.row, columnNames.objective, "import.required");
        } else {
          const problem = checkText(title, "title");
          if (problem) push(raw.row, columnNames.objective, problem.code, problem.params);
        }
        objective = {
          ...(table.sheet ? { sheet: table.sheet } : {}),
          row: raw.row,
          externalId: objectiveExternalId === "" ? null : objectiveExternalId,
          cycle: cycle === "" ? null : cycle,
          level,
          owner,
          title,
          keyResults: [],
        };
        byKey.set(key, objective);
        objectives.push(objective);
        firstRowOf.set(objective, {
          cycle: { row: raw.row, value: cycle },
          level: { row: raw.row, value: levelText },
          owner: { row: raw.row, value: owner },
          objective: { row: raw.row, value: title },
        });
      } else {
        // Rows of one objective must agree on what describes it.
        const first = firstRowOf.get(objective) ?? {};
        for (const [column, value] of [
          ["cycle", cycle],
          ["level", levelText],
          ["owner", owner],
          ["objective", title],
        ] as const) {
          const earlier = first[column];
          const differs =
            column === "objective"
              ? groupTitle(value) !== groupTitle(earlier?.value ?? "")
              : value !== earlier?.value;
          if (earlier && value !== "" && differs) {
            push(raw.row, columnNames[column], "import.objective_mismatch", {
              first: earlier.row,
              value: earlier.value,
            });
          }
        }
      }
    }
    previous = objective;

    if (keyResultTitle === "") {
      const stray = (
        [
          ["externalId", externalId],
          ["type", typeText],
          ["unit", unit],
        ] as const
      ).some(([, v]) => v !== "");
      if (stray || startValue !== null || targetValue !== null) {
        push(raw.row, columnNames.keyResult, "import.required");
      }
      continue;
    }
    const titleProblem = checkText(keyResultTitle, "title");
    if (titleProblem) push(raw.row, columnNames.keyResult, titleProblem.code, titleProblem.params);

    if (externalId !== "") {
      const first = seenKeyResultIds.get(externalId);
      if (first !== undefined) {
        push(raw.row, columnNames.externalId, "import.duplicate_external_id", { value: externalId, first });
      } else {
        seenKeyResultIds.set(externalId, raw.row);
      }
    }

    let type: KeyResultType | null = null;
    if (typeText === "") {
      type = startValue !== null || targetValue !== null ? "number" : "boolean";
    } else {
      type = parseKeyResultType(typeText);
      if (type === null) push(raw.row, columnNames.type, "import.type", { value: typeText });
      else if (type === "milestone" || type === "rollup") {
        push(raw.row, columnNames.type, "import.type_unsupported", { type });
        type = null;
      }
    }
    let definition: { startValue: string | null; targetValue: string | null } = {
      startValue: null,
      targetValue: null,
    };
    if (type !== null && issues.length === before && !rowsWithMergeIssues.has(raw.row)) {
      try {
        const checked = validateKeyResultDefinition({ type, startValue, targetValue });
        definition = { startValue: checked.startValue, targetValue: checked.targetValue };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        push(raw.row, columnNames[definitionColumn(error)], error.code, error.params);
      }
    }
    if (objective.keyResults.length >= MAX_KEY_RESULTS_PER_OBJECTIVE) {
      push(raw.row, columnNames.keyResult, "import.too_many_key_results", {
        max: MAX_KEY_RESULTS_PER_OBJECTIVE,
      });
      continue;
    }
    if (type === null) continue;
    objective.keyResults.push({
      row: raw.row,
      externalId: externalId === "" ? null : externalId,
      title: keyResultTitle,
      type,
      ...definition,
      unit: unit === "" ? null : unit,
    });
  }
  return { objectives, issues, rowCount, columnNames };
}
