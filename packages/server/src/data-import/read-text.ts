import {
  AppError,
  exportedJsonToTable,
  ImportJsonShapeError,
  type ImportTable,
  OutlineError,
  outlineToTable,
  parseMarkdownOutline,
  type RawImportRow,
} from "@luodi/core";
import { CsvError, parse } from "csv-parse/sync";

/**
 * Decodes a text file: UTF-8 with or without a byte-order mark, UTF-16 with one, or — when the bytes are
 * not UTF-8 — GB18030 (what Excel on Chinese Windows saves as "CSV", a superset of GBK), decoded by Node's
 * own TextDecoder. Anything else (bytes neither decodes, or binary with NUL bytes) is refused.
 */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  if (data.includes(0)) throw new AppError("import.encoding");
  try {
    // TextDecoder drops a UTF-8 byte-order mark by default.
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(data);
    } catch {
      throw new AppError("import.encoding");
    }
  }
}

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

/** Reads a CSV file's rows with the line each starts on (a quoted cell may span lines). */
export function readCsv(text: string, options: { maxRows: number }): ImportTable {
  const normalized = text.replace(/\r\n?/g, "\n");
  let records: ParsedRecord[];
  try {
    records = parse(normalized, {
      delimiter: sniffDelimiter(normalized),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // One more than allowed, so that too many rows is told apart from exactly enough.
      to: options.maxRows + 2,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError("import.unreadable", { format: "CSV", reason: error.message });
    }
    throw error;
  }
  const [header, ...body] = records;
  if (header === undefined)
    throw new AppError("import.unreadable", { format: "CSV", reason: "the file is empty" });
  if (body.length > options.maxRows) throw new AppError("import.too_many_rows", { max: options.maxRows });
  const rows: RawImportRow[] = body.map((parsed) => ({ row: startLine(parsed), cells: parsed.record }));
  return { headerRow: startLine(header), headers: header.record, rows };
}

/** Reads Luodi's JSON export (or the same shape written by hand). */
export function readJson(text: string): ImportTable {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AppError("import.unreadable", { format: "JSON", reason: (error as Error).message });
  }
  try {
    return exportedJsonToTable(document);
  } catch (error) {
    if (error instanceof ImportJsonShapeError) {
      throw new AppError("import.unreadable", { format: "JSON", reason: error.message });
    }
    throw error;
  }
}

/** Reads a Markdown outline in `luodi lint`'s formats. */
export function readMarkdown(text: string): ImportTable {
  try {
    return outlineToTable(parseMarkdownOutline(text));
  } catch (error) {
    if (error instanceof OutlineError) {
      throw new AppError("import.unreadable", { format: "Markdown", reason: error.message });
    }
    throw error;
  }
}
