import { IMPORT_COLUMNS, type ImportColumnKey, type Locale } from "@luodi/core";
import ExcelJS from "exceljs";

/** The formats the template comes in. */
export const TEMPLATE_FORMATS = {
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  csv: { type: "text/csv; charset=utf-8", extension: "csv" },
} as const;

/** What each column takes, in both languages: the instructions sheet. */
const COLUMN_NOTES: Record<ImportColumnKey, { required: boolean; en: string; "zh-CN": string }> = {
  externalId: {
    required: false,
    en: "The key result's id in your own system. Give one, and importing the file again updates this key result instead of adding one.",
    "zh-CN": "关键结果在你们自己系统中的编号。填写后，再次导入同一文件会更新该关键结果，而不会重复添加。",
  },
  cycle: {
    required: true,
    en: "The cycle's name exactly as in Luodi, such as 2027 Q2.",
    "zh-CN": "周期名称，须与落地中的完全一致，例如 2027 Q2。",
  },
  level: {
    required: false,
    en: "company, department or personal (公司, 部门, 个人). Empty: personal when the owner is an email, department when it is a path.",
    "zh-CN":
      "公司、部门 或 个人（company、department、personal）。留空时：负责人是邮箱则为个人，是部门路径则为部门。",
  },
  owner: {
    required: false,
    en: "Personal: the owner's email. Department: the department's path below the company, such as 研发中心/平台部. Company: leave empty. Empty personal owner: you.",
    "zh-CN":
      "个人目标填负责人邮箱；部门目标填公司以下的部门路径，例如 研发中心/平台部；公司目标留空。个人目标留空表示你自己。",
  },
  objective: {
    required: true,
    en: "The objective's title, repeated on each of its key results' rows (or merged down the rows).",
    "zh-CN": "目标名称，在其每个关键结果的行上重复填写（或向下合并单元格）。",
  },
  keyResult: {
    required: true,
    en: "One key result per row. Leave it empty for an objective without key results.",
    "zh-CN": "每行一个关键结果。目标暂无关键结果时留空。",
  },
  type: {
    required: false,
    en: "number, percentage, currency or boolean (数值, 百分比, 金额, 是否). Empty: number when a target is given, else boolean.",
    "zh-CN":
      "数值、百分比、金额 或 是否（number、percentage、currency、boolean）。留空时：填了目标值为数值，否则为是否。",
  },
  start: {
    required: false,
    en: "Where the measure starts (0 when empty). Numbers only: 1,200 and 35% are read; dates and formulas without a value are refused.",
    "zh-CN": "起始值（留空为 0）。只填数字：1,200 和 35% 可以识别；日期和没有计算结果的公式会被拒绝。",
  },
  target: {
    required: false,
    en: "Where the measure should end; required for number, percentage and currency.",
    "zh-CN": "目标值；数值、百分比、金额类型必填。",
  },
  unit: {
    required: false,
    en: "The unit shown after the numbers, such as %, 家, users.",
    "zh-CN": "数字后显示的单位，例如 %、家、用户。",
  },
  objectiveExternalId: {
    required: false,
    en: "The objective's id in your own system: rows with the same one belong to one objective, and its title may change between imports.",
    "zh-CN": "目标在你们自己系统中的编号：编号相同的行属于同一目标，再次导入时目标名称可以修改。",
  },
};

const EXAMPLES: Record<Locale, Array<Array<string | number>>> = {
  en: [
    [
      "KR-1",
      "2027 Q2",
      "personal",
      "you@example.com",
      "Make onboarding effortless",
      "Raise activation from 40% to 60%",
      "percentage",
      40,
      60,
      "%",
      "O-1",
    ],
    [
      "KR-2",
      "2027 Q2",
      "personal",
      "you@example.com",
      "Make onboarding effortless",
      "Cut time to first value from 7 days to 2",
      "number",
      7,
      2,
      "days",
      "O-1",
    ],
  ],
  "zh-CN": [
    [
      "KR-1",
      "2027 Q2",
      "部门",
      "研发中心/平台部",
      "让新客户顺利上手",
      "激活率从 40% 提升到 60%",
      "百分比",
      40,
      60,
      "%",
      "O-1",
    ],
    [
      "KR-2",
      "2027 Q2",
      "部门",
      "研发中心/平台部",
      "让新客户顺利上手",
      "首次见效时间从 7 天缩短到 2 天",
      "数值",
      7,
      2,
      "天",
      "O-1",
    ],
  ],
};

const GENERAL_NOTES = [
  [
    "One row per key result. Headers may be in English or Chinese. A dry run checks every row before anything is written; an import writes all rows or none.",
    "每行一个关键结果。表头可用中文或英文。试运行会先检查每一行；正式导入要么全部写入，要么一行也不写入。",
  ],
  [
    "Imported objectives are drafts: review them with the coach's advice, then submit or publish as usual.",
    "导入的目标为草稿：参考教练的建议修改后，再按常规提交或发布。",
  ],
  [
    "CSV: save as “CSV UTF-8”; GB18030 (Excel's Chinese “CSV”) is read too.",
    "CSV：请另存为“CSV UTF-8”；也可读取 GB18030 编码（中文版 Excel 的“CSV”）。",
  ],
];

/** The template's header row and example rows in a language. */
function templateRows(locale: Locale): { header: string[]; rows: Array<Array<string | number>> } {
  return { header: IMPORT_COLUMNS.map((c) => c.header[locale]), rows: EXAMPLES[locale] };
}

/** The import template: the OKRs sheet in the caller's language, and instructions in both languages. */
export async function importTemplate(format: "xlsx" | "csv", locale: Locale): Promise<Buffer> {
  const { header, rows } = templateRows(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Luodi";
  const sheet = workbook.addWorksheet("OKRs", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 20;
  });
  if (format === "csv") {
    const body = Buffer.from(await workbook.csv.writeBuffer());
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
  }
  const notes = workbook.addWorksheet("说明 Instructions");
  notes.addRow(["column", "列", "required / 必填", "English", "中文"]).font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    const note = COLUMN_NOTES[column.key];
    notes.addRow([
      column.header.en,
      column.header["zh-CN"],
      note.required ? "yes / 是" : "",
      note.en,
      note["zh-CN"],
    ]);
  }
  notes.addRow([]);
  for (const [en, zh] of GENERAL_NOTES) notes.addRow(["", "", "", en, zh]);
  notes.columns.forEach((column, i) => {
    column.width = i < 3 ? 22 : 70;
    column.alignment = { wrapText: true, vertical: "top" };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
