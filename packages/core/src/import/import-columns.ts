import type { KeyResultType, Locale, ObjectiveLevel } from "../domain/types.ts";

/** The fields one import row carries (api.md *Data in and out*): one key result of one objective. */
export type ImportColumnKey =
  | "externalId"
  | "objectiveExternalId"
  | "cycle"
  | "level"
  | "owner"
  | "objective"
  | "keyResult"
  | "type"
  | "start"
  | "target"
  | "unit";

/** A column of the import template: its header in each language and other names people write. */
export type ImportColumn = {
  key: ImportColumnKey;
  header: Record<Locale, string>;
  aliases: readonly string[];
};

/**
 * The template's columns, in order. The first ten are the contract's; `objective_external_id` is an
 * addition (extend, never rename): it names the objective a row's key result belongs to, so an objective
 * whose title changes is still the same one.
 */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: "externalId", header: { en: "external_id", "zh-CN": "外部编号" }, aliases: ["external id", "id"] },
  { key: "cycle", header: { en: "cycle", "zh-CN": "周期" }, aliases: [] },
  { key: "level", header: { en: "level", "zh-CN": "层级" }, aliases: [] },
  { key: "owner", header: { en: "owner", "zh-CN": "负责人" }, aliases: [] },
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
  {
    key: "objectiveExternalId",
    header: { en: "objective_external_id", "zh-CN": "目标外部编号" },
    aliases: [],
  },
];

/** The contract's ten column headers in English, in the template's order (tests and tools write them). */
export const CONTRACT_HEADERS: readonly string[] = IMPORT_COLUMNS.slice(0, 10).map((c) => c.header.en);

/**
 * Columns Luodi's own export writes beside the template's (what a key result reached, who owns it):
 * read back, they are ignored, so an export imports as it is.
 */
const EXPORT_ONLY_HEADERS = [
  "current",
  "progress",
  "confidence",
  "key_result_owner",
  "kind",
  "当前值",
  "进度",
  "信心指数",
  "关键结果负责人",
  "目标类型",
];

function normalizeHeader(name: string): string {
  return name
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

const COLUMN_BY_NAME: ReadonlyMap<string, ImportColumnKey> = new Map(
  IMPORT_COLUMNS.flatMap((column) =>
    [column.header.en, column.header["zh-CN"], ...column.aliases].map(
      (name) => [normalizeHeader(name), column.key] as const,
    ),
  ),
);
const IGNORED = new Set(EXPORT_ONLY_HEADERS.map(normalizeHeader));

/** What a header row says: where each known column is, and the headers that are wrong. */
export type HeaderIndex = {
  /** 0-based position of each known column. */
  positions: Partial<Record<ImportColumnKey, number>>;
  /** Each known column's header as the file writes it, to name it in errors. */
  names: Partial<Record<ImportColumnKey, string>>;
  unknown: Array<{ position: number; name: string }>;
  duplicate: Array<{ position: number; name: string }>;
};

/** Finds the known columns of a header row; empty headers are ignored, Luodi's export columns too. */
export function indexHeaders(headers: readonly string[]): HeaderIndex {
  const index: HeaderIndex = { positions: {}, names: {}, unknown: [], duplicate: [] };
  headers.forEach((raw, position) => {
    const name = raw.trim();
    if (name === "") return;
    const normalized = normalizeHeader(name);
    const key = COLUMN_BY_NAME.get(normalized);
    if (key === undefined) {
      if (!IGNORED.has(normalized)) index.unknown.push({ position, name });
    } else if (index.positions[key] !== undefined) {
      index.duplicate.push({ position, name });
    } else {
      index.positions[key] = position;
      index.names[key] = name;
    }
  });
  return index;
}

/** A column's header in a language. */
export function columnHeader(key: ImportColumnKey, locale: Locale): string {
  return IMPORT_COLUMNS.find((c) => c.key === key)?.header[locale] ?? key;
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
  ["完成/未完成", "boolean"],
  ["汇总", "rollup"],
  ["下级汇总", "rollup"],
]);

const KNOWN_TYPES = new Set<string>(["number", "percentage", "currency", "milestone", "boolean", "rollup"]);

/** A key result type written in English or Chinese (`数值`, `percentage`), or null when it is none. */
export function parseKeyResultType(value: string): KeyResultType | null {
  const text = value.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");
  const name = TYPE_NAMES.get(text) ?? text;
  return KNOWN_TYPES.has(name) ? (name as KeyResultType) : null;
}

const LEVEL_NAMES: ReadonlyMap<string, ObjectiveLevel> = new Map([
  ["company", "company"],
  ["department", "department"],
  ["personal", "personal"],
  ["公司", "company"],
  ["公司级", "company"],
  ["部门", "department"],
  ["部门级", "department"],
  ["个人", "personal"],
  ["个人级", "personal"],
]);

/** An objective level written in English or Chinese (`部门`, `personal`), or null when it is none. */
export function parseLevel(value: string): ObjectiveLevel | null {
  return LEVEL_NAMES.get(value.normalize("NFKC").trim().toLowerCase()) ?? null;
}

/**
 * A start or target as people write it: "1,200", "35%", "¥ 3.5" read as numbers; null when the text is
 * not a number.
 */
export function parseNumberText(value: string): number | null {
  const text = value
    .normalize("NFKC")
    .trim()
    .replace(/^[¥$€£]\s*/, "")
    .replace(/,/g, "")
    .replace(/%$/, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}
