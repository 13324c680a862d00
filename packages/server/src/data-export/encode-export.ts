import { PassThrough, type Readable } from "node:stream";
import type { Locale } from "@luodi/core";
import { readJson } from "@luodi/db";
import ExcelJS from "exceljs";
import { type CycleExport, exportTables, type Table } from "./cycle-export.ts";

/** The formats a cycle exports to, with their media type and file extension. */
export const EXPORT_FORMATS = {
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  csv: { type: "text/csv; charset=utf-8", extension: "csv" },
  json: { type: "application/json; charset=utf-8", extension: "json" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

// A spreadsheet runs a cell that starts like a formula; text from people never should (CSV injection).
function inert(value: string | number | null): string | number | null {
  if (typeof value !== "string" || !/^[=+\-@\t\r]/.test(value) || Number.isFinite(Number(value)))
    return value;
  return `'${value}`;
}

/**
 * A workbook of these tables, one sheet each with the header row bold and frozen, written as it is read:
 * exceljs's streaming writer commits each row to the zip at once, so a 10,000-person company's cycle never
 * sits in memory as a spreadsheet model (the whole-workbook writer held gigabytes for it).
 */
export function tablesToXlsx(tables: readonly Table[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Inline strings: a shared-strings table would keep every distinct text in memory until the end.
    useSharedStrings: false,
  });
  workbook.creator = "Luodi";
  (async () => {
    for (const table of tables) {
      const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = table.header.map(() => ({ width: 18 }));
      const head = sheet.addRow(table.header);
      head.font = { bold: true };
      head.commit();
      // Strings stay strings in xlsx: exceljs writes no formula unless given one.
      for (const row of table.rows) sheet.addRow(row).commit();
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** The cycle's workbook: objectives, key results, check-ins, scores and reviews. */
export function exportXlsx(data: CycleExport, locale: Locale): Readable {
  return tablesToXlsx(exportTables(data, locale));
}

/**
 * The key results, one per row in the import template's columns (and what they reached), as CSV in UTF-8
 * with a byte-order mark, so Excel opens Chinese as Chinese.
 */
export async function exportCsv(data: CycleExport, locale: Locale): Promise<Buffer> {
  const table = exportTables(data, locale)[1];
  if (!table) throw new Error("the export has no key results table");
  return tableToCsv(table);
}

/** One table as CSV, UTF-8 with a byte-order mark. */
export async function tableToCsv(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name);
  sheet.addRow(table.header);
  for (const row of table.rows) sheet.addRow(row.map(inert));
  const body = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
}

/** The export as JSON: the cycle and each objective with its KRs, check-ins and 复盘. */
export function exportJson(data: CycleExport): Buffer {
  const { cycle } = data;
  return Buffer.from(
    JSON.stringify({
      cycle: {
        id: cycle.id,
        name: cycle.name,
        kind: cycle.kind,
        startDate: cycle.startDate,
        endDate: cycle.endDate,
        phase: cycle.phase,
      },
      objectives: data.objectives.map(({ row, owner, keyResults, checkIns }) => ({
        id: row.id,
        externalId: row.externalId,
        level: row.level,
        owner,
        title: row.title,
        description: row.description,
        kind: row.kind,
        status: row.status,
        weight: row.weight,
        progress: row.progress,
        score: row.score,
        parentObjectiveId: row.parentObjectiveId,
        parentKeyResultId: row.parentKeyResultId,
        review: row.review === null ? null : readJson(row.review),
        keyResults: keyResults.map(({ row: kr, ownerEmail }) => ({
          id: kr.id,
          externalId: kr.externalId,
          title: kr.title,
          type: kr.type,
          unit: kr.unit,
          startValue: kr.startValue,
          targetValue: kr.targetValue,
          currentValue: kr.currentValue,
          direction: kr.direction,
          weight: kr.weight,
          progress: kr.progress,
          confidence: kr.confidence,
          owner: ownerEmail,
          selfScore: kr.selfScore,
          managerScore: kr.managerScore,
          score: kr.score,
        })),
        checkIns: checkIns.map((c) => ({
          keyResultId: c.keyResultId,
          author: c.authorEmail,
          value: c.value,
          confidence: c.confidence,
          note: c.note,
          createdAt: c.createdAt,
        })),
      })),
    }),
  );
}
