import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AppError,
  type ImportCell,
  type ImportTable,
  indexHeaders,
  type MergedRange,
  type RawImportRow,
} from "@luodi/core";
import ExcelJS from "exceljs";
import unzipper from "unzipper";

/** How far an import's workbook may unpack: an OKR sheet of 100,000 rows stays well within it. */
const XLSX_LIMITS = {
  /** All entries together, unpacked. */
  unpackedBytes: 256 * 1024 * 1024,
  /** The shared strings, which the reader keeps in memory. */
  sharedStringsBytes: 64 * 1024 * 1024,
  /** Columns read per row: a template has a dozen. */
  columns: 64,
};

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/**
 * Unpacks every entry the way the reader will (the same zip parser, reading local headers in order) and
 * counts the bytes, stopping at the limits: a zip bomb is refused after at most that much work and
 * memory, never unpacked whole. The sheets' merged ranges are noted on the way (the streaming reader
 * skips them), by sheet file number.
 */
async function inspectWorkbook(data: Buffer): Promise<Map<string, MergedRange[]>> {
  const merges = new Map<string, MergedRange[]>();
  const parser = unzipper.Parse({ forceStream: true });
  const input = Readable.from([data]);
  input.pipe(parser);
  let total = 0;
  const tooLarge = (max: number) =>
    new AppError("import.unpacked_too_large", { max: Math.round(max / 1024 / 1024) });
  try {
    for await (const entry of parser as AsyncIterable<unzipper.Entry>) {
      const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.path)?.[1];
      const isSharedStrings = entry.path === "xl/sharedStrings.xml";
      let size = 0;
      let tail = "";
      const ranges: MergedRange[] = [];
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        size += chunk.length;
        total += chunk.length;
        if (total > XLSX_LIMITS.unpackedBytes) throw tooLarge(XLSX_LIMITS.unpackedBytes);
        if (isSharedStrings && size > XLSX_LIMITS.sharedStringsBytes) {
          throw tooLarge(XLSX_LIMITS.sharedStringsBytes);
        }
        if (sheetNo !== undefined) {
          // Merged ranges sit after the rows; a tag may straddle two chunks, so the end of one is kept.
          const text = tail + chunk.toString("latin1");
          for (const match of text.matchAll(MERGE)) {
            const [, left = "A", top = "1", right = "A", bottom = "1"] = match;
            ranges.push({
              top: Number(top),
              left: columnNumber(left),
              bottom: Number(bottom),
              right: columnNumber(right),
            });
          }
          const lastTag = text.lastIndexOf("<");
          tail = lastTag >= 0 && text.length - lastTag < 256 ? text.slice(lastTag) : "";
        }
      }
      if (sheetNo !== undefined && ranges.length > 0) merges.set(sheetNo, ranges);
    }
  } catch (error) {
    input.destroy();
    parser.destroy();
    if (error instanceof AppError) throw error;
    throw new AppError("import.unreadable", { format: "xlsx", reason: (error as Error).message });
  }
  return merges;
}

function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell as the import reads it: a formula's computed value, text of rich text and links, dates kept apart. */
function cellOf(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return { date: dateText(value) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      const formula = "formula" in value ? value.formula : value.sharedFormula;
      return { formula: String(formula ?? "") };
    }
    if (typeof result === "object" && result !== null && "error" in result) {
      return { error: String((result as { error: unknown }).error) };
    }
    return cellOf(result as ExcelJS.CellValue);
  }
  if ("error" in value) return { error: String(value.error) };
  if ("text" in value && typeof value.text === "string") return value.text;
  return null;
}

function textOfCell(cell: ImportCell): string {
  if (cell === null) return "";
  if (typeof cell === "object") return "date" in cell ? cell.date : "";
  return String(cell);
}

/** The parts of exceljs's streaming WorkbookReader that `readXlsx` drives itself (see there why). */
type WorkbookParts = {
  _parseRels(stream: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(stream: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(stream: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(stream: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> & { name?: string } }>;
};

/** Pipes an entry into a file: its size was bounded by `inspectWorkbook` already. */
async function spill(entry: NodeJS.ReadableStream, path: string): Promise<void> {
  await pipeline(entry, createWriteStream(path));
}

/**
 * Reads the OKR rows of a workbook with exceljs's streaming reader, so memory stays bounded by the rows
 * kept, never by the file: the first sheet whose first row names an objective and a key result column is
 * the import's (the template's "OKRs", an export's "Key results"). More than `maxRows` rows is refused.
 *
 * The reader's own loop decodes each chunk of XML on its own (exceljs 4.4, utils/parse-sax.js), which
 * breaks a Chinese character that straddles two chunks into U+FFFD — in every large sheet. So this loop
 * opens the archive itself and hands the reader's parts text decoded as streams (setEncoding), sheets
 * spilled to temporary files first, as the reader does, because shared strings may come after them.
 */
export async function readXlsx(data: Buffer, options: { maxRows: number }): Promise<ImportTable> {
  const merges = await inspectWorkbook(data);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell a date from a number; hyperlinks only change how a cell's text is stored.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const parts = reader as unknown as WorkbookParts;
  const folder = await mkdtemp(join(tmpdir(), "luodi-import-"));
  try {
    const sheets: string[] = [];
    const parser = unzipper.Parse({ forceStream: true });
    Readable.from([data]).pipe(parser);
    for await (const entry of parser as AsyncIterable<unzipper.Entry>) {
      const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.path)?.[1];
      if (sheetNo !== undefined) {
        await spill(entry, join(folder, `${sheetNo}.xml`));
        sheets.push(sheetNo);
        continue;
      }
      const text = entry.setEncoding("utf8");
      if (entry.path === "xl/_rels/workbook.xml.rels") await parts._parseRels(text);
      else if (entry.path === "xl/workbook.xml") await parts._parseWorkbook(text);
      else if (entry.path === "xl/styles.xml") await parts._parseStyles(text);
      else if (entry.path === "xl/sharedStrings.xml") for await (const _ of parts._parseSharedStrings(text));
      else entry.autodrain();
    }
    // Without an OKR sheet, the first sheet's header row is answered, so the report names the missing columns.
    let firstTable: ImportTable | null = null;
    for (const sheetNo of sheets.sort((a, b) => Number(a) - Number(b))) {
      const file = createReadStream(join(folder, `${sheetNo}.xml`), { encoding: "utf8" });
      for (const { value: worksheet } of parts._parseWorksheet(file as AsyncIterable<string>, sheetNo)) {
        const name = worksheet.name ?? `Sheet${sheetNo}`;
        let headers: string[] | null = null;
        let headerRow = 0;
        let isOkrSheet = false;
        const rows: RawImportRow[] = [];
        for await (const row of worksheet) {
          const values = (Array.isArray(row.values) ? row.values : []).slice(1, XLSX_LIMITS.columns + 1);
          const cells = Array.from(values, (v) => cellOf(v as ExcelJS.CellValue));
          if (headers === null) {
            if (cells.every((c) => textOfCell(c).trim() === "")) continue;
            headers = cells.map(textOfCell);
            headerRow = row.number;
            const index = indexHeaders(headers);
            isOkrSheet = index.positions.objective !== undefined && index.positions.keyResult !== undefined;
            if (!isOkrSheet) break;
            continue;
          }
          if (rows.length >= options.maxRows) {
            throw new AppError("import.too_many_rows", { max: options.maxRows });
          }
          rows.push({ row: row.number, cells });
        }
        file.destroy();
        if (headers !== null && isOkrSheet) {
          return { sheet: name, headerRow, headers, rows, merges: merges.get(sheetNo) ?? [] };
        }
        if (headers !== null) firstTable ??= { sheet: name, headerRow, headers, rows: [] };
      }
    }
    if (firstTable) return firstTable;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("import.unreadable", { format: "xlsx", reason: (error as Error).message });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  throw new AppError("import.unreadable", { format: "xlsx", reason: "the workbook has no rows" });
}
