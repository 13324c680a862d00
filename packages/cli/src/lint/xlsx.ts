import ExcelJS from "exceljs";
import { type DraftOkr, LintInputError } from "./draft.ts";
import { indexColumns, normalizeType, type OkrColumnKey, parseMeasure } from "./okr-columns.ts";
import { groupRows, type OkrRow } from "./okr-rows.ts";
import { OKR_XLSX_LAYOUT } from "./xlsx-layout.ts";

/** The text a cell shows, whatever exceljs made of it (rich text, formula, hyperlink, date…). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return "";
  return String(value);
}

function cellMeasure(value: ExcelJS.CellValue): number | string | null {
  if (typeof value === "number") return parseMeasure(value);
  if (value !== null && typeof value === "object" && "result" in value && typeof value.result === "number") {
    return parseMeasure(value.result);
  }
  return parseMeasure(cellText(value));
}

/** Reads drafts from an xlsx workbook in `OKR_XLSX_LAYOUT`; line numbers are spreadsheet rows. */
export async function parseXlsxDrafts(data: Buffer): Promise<DraftOkr[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new LintInputError(`not a readable xlsx workbook (${(error as Error).message})`);
  }
  const sheet = workbook.getWorksheet(OKR_XLSX_LAYOUT.sheetName) ?? workbook.worksheets[0];
  if (sheet === undefined) throw new LintInputError("the workbook has no sheet");
  const headerRow = sheet.getRow(OKR_XLSX_LAYOUT.headerRow);
  const headers: string[] = [];
  // exceljs columns are 1-based; indexColumns works on 0-based positions.
  for (let column = 1; column <= headerRow.cellCount; column++) {
    headers.push(cellText(headerRow.getCell(column).value).trim());
  }
  const index = indexColumns(headers);
  const value = (row: ExcelJS.Row, key: OkrColumnKey): ExcelJS.CellValue => {
    const position = index[key];
    return position === undefined ? null : row.getCell(position + 1).value;
  };
  const rows: OkrRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber < OKR_XLSX_LAYOUT.firstDataRow) return;
    const unit = cellText(value(row, "unit")).trim();
    rows.push({
      line: rowNumber,
      objective: cellText(value(row, "objective")),
      keyResult: cellText(value(row, "keyResult")),
      type: normalizeType(cellText(value(row, "type"))),
      startValue: cellMeasure(value(row, "start")),
      targetValue: cellMeasure(value(row, "target")),
      unit: unit === "" ? null : unit,
    });
  });
  return groupRows(rows);
}
