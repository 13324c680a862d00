import { LintInputError } from "./draft.ts";

/** The fields one row of a CSV or xlsx draft carries: one key result of one objective. */
export type OkrColumnKey = "objective" | "keyResult" | "type" | "start" | "target" | "unit";

/** A column of the tabular layout: its header in each language and the other names a reader accepts. */
export type OkrColumn = {
  key: OkrColumnKey;
  header: { en: string; "zh-CN": string };
  aliases: readonly string[];
};

/** The columns of CSV drafts and of the xlsx export, in order. */
export const OKR_COLUMNS: readonly OkrColumn[] = [
  {
    key: "objective",
    header: { en: "objective", "zh-CN": "目标" },
    aliases: ["o", "objective title", "objectives", "目标名称"],
  },
  {
    key: "keyResult",
    header: { en: "key_result", "zh-CN": "关键结果" },
    aliases: ["kr", "key result title", "key results", "关键成果"],
  },
  { key: "type", header: { en: "type", "zh-CN": "类型" }, aliases: ["kr type", "关键结果类型"] },
  {
    key: "start",
    header: { en: "start", "zh-CN": "起始值" },
    aliases: ["start value", "baseline", "起点", "基线", "初始值", "基准值"],
  },
  { key: "target", header: { en: "target", "zh-CN": "目标值" }, aliases: ["target value"] },
  { key: "unit", header: { en: "unit", "zh-CN": "单位" }, aliases: [] },
];

/** Where each known column sits in a header row (0-based); unknown columns are ignored. */
export type ColumnIndex = Partial<Record<OkrColumnKey, number>>;

function normalizeHeader(name: string): string {
  return name
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

const COLUMN_BY_NAME: ReadonlyMap<string, OkrColumnKey> = new Map(
  OKR_COLUMNS.flatMap((column) =>
    [column.header.en, column.header["zh-CN"], ...column.aliases].map(
      (name) => [normalizeHeader(name), column.key] as const,
    ),
  ),
);

/** Finds the known columns in a header row; throws when the objective or key result column is missing. */
export function indexColumns(headers: readonly string[]): ColumnIndex {
  const index: ColumnIndex = {};
  headers.forEach((header, position) => {
    const key = COLUMN_BY_NAME.get(normalizeHeader(header));
    if (key !== undefined && index[key] === undefined) index[key] = position;
  });
  for (const key of ["objective", "keyResult"] as const) {
    if (index[key] === undefined) {
      const column = OKR_COLUMNS.find((c) => c.key === key);
      throw new LintInputError(
        `the header row has no ${column?.header.en} column (expected "${column?.header.en}" or "${column?.header["zh-CN"]}")`,
      );
    }
  }
  return index;
}

const TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ["数值", "number"],
  ["数字", "number"],
  ["百分比", "percentage"],
  ["金额", "currency"],
  ["货币", "currency"],
  ["里程碑", "milestone"],
  ["是否", "boolean"],
  ["布尔", "boolean"],
  ["汇总", "rollup"],
]);

/** A key result type as the coach knows it (`milestone`, `boolean`, …), accepting Chinese names. */
export function normalizeType(value: string): string | null {
  const text = value.normalize("NFKC").trim().toLowerCase();
  if (text === "") return null;
  return TYPE_NAMES.get(text) ?? text;
}

/** A start or target cell: a number when it reads as one ("1,200", "35%"), otherwise the text, or null. */
export function parseMeasure(value: string | number | null | undefined): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = value.normalize("NFKC").trim();
  if (text === "") return null;
  const number = Number(text.replace(/,/g, "").replace(/%$/, ""));
  return Number.isFinite(number) ? number : text;
}
