import { CsvError, parse } from "csv-parse/sync";
import { type DraftOkr, LintInputError } from "./draft.ts";
import {
  type ColumnIndex,
  indexColumns,
  normalizeType,
  type OkrColumnKey,
  parseMeasure,
} from "./okr-columns.ts";
import { groupRows, type OkrRow } from "./okr-rows.ts";

type ParsedRecord = { record: string[]; raw: string; info: { lines: number } };

/** The delimiter of the header line: the most frequent of comma, semicolon and tab. */
function sniffDelimiter(text: string): string {
  const header = text.split("\n").find((line) => line.trim() !== "") ?? "";
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

/** The line a record starts on: where it ends, minus the line breaks inside it. */
function startLine({ raw, info }: ParsedRecord): number {
  const body = raw.replace(/^\n+/, "").replace(/\n$/, "");
  return info.lines - (body.match(/\n/g)?.length ?? 0);
}

function cell(record: readonly string[], index: ColumnIndex, key: OkrColumnKey): string {
  const position = index[key];
  return position === undefined ? "" : (record[position] ?? "");
}

/**
 * Reads CSV drafts: a header row naming the columns (English or Chinese, see `OKR_COLUMNS`), then one
 * row per key result. Line numbers are those of the line each record starts on.
 */
export function parseCsvDrafts(text: string): DraftOkr[] {
  const normalized = text.replace(/\r\n?/g, "\n");
  let records: ParsedRecord[];
  try {
    records = parse(normalized, {
      delimiter: sniffDelimiter(normalized),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count_less: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw new LintInputError(`malformed CSV: ${error.message}`);
    throw error;
  }
  const [header, ...body] = records;
  if (header === undefined) throw new LintInputError("the CSV file is empty: expected a header row");
  const index = indexColumns(header.record);
  const rows: OkrRow[] = body
    .filter(({ record }) => record.some((value) => value.trim() !== ""))
    .map((parsed) => {
      const { record } = parsed;
      const unit = cell(record, index, "unit").trim();
      return {
        line: startLine(parsed),
        objective: cell(record, index, "objective"),
        keyResult: cell(record, index, "keyResult"),
        type: normalizeType(cell(record, index, "type")),
        startValue: parseMeasure(cell(record, index, "start")),
        targetValue: parseMeasure(cell(record, index, "target")),
        unit: unit === "" ? null : unit,
      };
    });
  return groupRows(rows);
}
