import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LintInputError } from "./draft.ts";
import { parseXlsxDrafts } from "./xlsx.ts";
import { OKR_XLSX_LAYOUT, xlsxHeaderRow } from "./xlsx-layout.ts";

/** Writes a workbook the way the export does: the layout's sheet, header row, then one row per KR. */
async function workbook(
  locale: "en" | "zh-CN",
  rows: ExcelJS.CellValue[][],
  sheetName: string = OKR_XLSX_LAYOUT.sheetName,
) {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Notes").addRow(["not OKRs"]);
  const sheet = book.addWorksheet(sheetName);
  sheet.getRow(OKR_XLSX_LAYOUT.headerRow).values = xlsxHeaderRow(locale);
  rows.forEach((row, index) => {
    sheet.getRow(OKR_XLSX_LAYOUT.firstDataRow + index).values = row;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("OKR_XLSX_LAYOUT", () => {
  it("has the CSV columns in both languages on a sheet named OKRs", () => {
    expect(OKR_XLSX_LAYOUT.sheetName).toBe("OKRs");
    expect(xlsxHeaderRow("en")).toEqual(["objective", "key_result", "type", "start", "target", "unit"]);
    expect(xlsxHeaderRow("zh-CN")).toEqual(["目标", "关键结果", "类型", "起始值", "目标值", "单位"]);
  });
});

describe("parseXlsxDrafts", () => {
  it("reads the layout back with spreadsheet row numbers and number cells", async () => {
    const data = await workbook("zh-CN", [
      ["让新客户第一个月就用起来", "首月活跃率从 45% 提升到 70%", "百分比", 45, 70, "%"],
      [],
      [
        "让新客户第一个月就用起来",
        { richText: [{ text: "工单量从每周 80 张" }, { text: "降到 30 张" }] },
        "数值",
        80,
        30,
        "张",
      ],
      ["成为客户最信赖的顾问", null, null, null, null, null],
    ]);
    const drafts = await parseXlsxDrafts(data);
    expect(drafts).toEqual([
      {
        objective: { title: "让新客户第一个月就用起来", line: 2 },
        keyResults: [
          {
            title: "首月活跃率从 45% 提升到 70%",
            line: 2,
            type: "percentage",
            startValue: 45,
            targetValue: 70,
            unit: "%",
          },
          {
            title: "工单量从每周 80 张降到 30 张",
            line: 4,
            type: "number",
            startValue: 80,
            targetValue: 30,
            unit: "张",
          },
        ],
      },
      { objective: { title: "成为客户最信赖的顾问", line: 5 }, keyResults: [] },
    ]);
  });

  it("falls back to the first sheet when none is named OKRs", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Q1");
    sheet.addRow(xlsxHeaderRow("en"));
    sheet.addRow(["Delight users", "NPS from 30 to 45"]);
    const drafts = await parseXlsxDrafts(Buffer.from(await book.xlsx.writeBuffer()));
    expect(drafts[0]?.keyResults).toEqual([{ title: "NPS from 30 to 45", line: 2 }]);
  });

  it("refuses bytes that are not a workbook", async () => {
    await expect(parseXlsxDrafts(Buffer.from("objective,key_result\n"))).rejects.toThrow(LintInputError);
  });
});
