import { OKR_COLUMNS, type OkrColumn } from "./okr-columns.ts";

/**
 * The layout of Luodi's xlsx OKR export, which `luodi lint` reads back: the single source of truth for
 * the writer and the reader. One sheet named "OKRs"; row 1 holds the headers (English or Chinese, see
 * `OKR_COLUMNS`); from row 2 on, one row per key result with its objective repeated on every row. An
 * objective without key results has one row with an empty key result cell. Start and target are number
 * cells. Readers find columns by header name, so extra columns (owner, progress…) may follow.
 */
export const OKR_XLSX_LAYOUT = {
  sheetName: "OKRs",
  headerRow: 1,
  firstDataRow: 2,
  columns: OKR_COLUMNS,
} as const satisfies {
  sheetName: string;
  headerRow: number;
  firstDataRow: number;
  columns: readonly OkrColumn[];
};

/** The header row the export writes, in the reader's language. */
export function xlsxHeaderRow(locale: "en" | "zh-CN"): string[] {
  return OKR_XLSX_LAYOUT.columns.map((column) => column.header[locale]);
}
