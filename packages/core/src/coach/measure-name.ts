/**
 * What a key result measures, normalised so that the same measure said in other words is recognised: figures
 * are compared by value (5 万 = 50000 = 五万), synonyms share one form (签约/新签, 占比/比例, 时长/时间/用时,
 * 每月/月均/月度), and word order does not matter (门店缺货率 = 缺货率（门店）). Used to find duplicate key
 * results and to match a key result with the same measure last cycle.
 */
import { EN_CURRENT_MARKERS_WORDS, ZH_CURRENT_MARKERS } from "./lexicon.ts";
import { isHan } from "./segment.ts";
import type { TextAnalysis } from "./text-analysis.ts";
import { EN_VERB_LIST, ZH_VERB_LIST } from "./verb-lexicon.ts";

/** A measure as compared: its figures and the words that name it. */
export type MeasureSignature = {
  /** Every figure by value, sorted, with structured start (s…) and target (t…) values. */
  figures: string[];
  /** The last figure stated in the words: the target. */
  target: string | null;
  /** Chinese: the characters of the measure's name; English: word stems. Order-free. */
  terms: Set<string>;
};

// Variants of one word, mapped to one form before comparing.
const ZH_SYNONYM_GROUPS: ReadonlyArray<[string, string]> = [
  ["新签约|新签|签下|签订|签署", "签约"],
  ["比例|比率|比重", "占比"],
  ["时间|用时|耗时|时效", "时长"],
  ["每个月|每月|月均|月度|单月", "月"],
  ["每年|年均|年度|全年", "年"],
  ["每日|每天|日均|单日", "日"],
  ["每周|周均", "周"],
  ["每季度|季均|季度", "季"],
  ["平均", "均"],
  ["顾客", "客户"],
  ["营业收入|营收", "收入"],
  ["营业额|销售额|销售收入", "销售额"],
  ["满意率", "满意度"],
  ["数量|个数|总数|数目", "数"],
];
// Every rewrite of a Chinese measure name by its first character, longest first: synonyms become their one
// form; change verbs ("提升到"), markers of start and end ("从", "当前") and hedges ("左右") say nothing about
// what is measured and go.
const ZH_REWRITES_BY_FIRST_CHAR: ReadonlyMap<string, ReadonlyArray<[string, string]>> = (() => {
  const rewrites: Array<[string, string]> = [
    ...ZH_SYNONYM_GROUPS.flatMap(([variants, form]) =>
      variants.split("|").map((variant): [string, string] => [variant, form]),
    ),
    ...ZH_VERB_LIST.filter((entry) => entry.kind === "change" || entry.word === "达到").map(
      (entry): [string, string] => [entry.word, ""],
    ),
    ...[
      ...ZH_CURRENT_MARKERS,
      "控制在",
      "不超过",
      "不低于",
      "低于",
      "高于",
      "超过",
      "以内",
      "以下",
      "以上",
      "左右",
      "之内",
    ].map((word): [string, string] => [word, ""]),
  ];
  const index = new Map<string, Array<[string, string]>>();
  for (const rewrite of rewrites) {
    const first = rewrite[0][0] ?? "";
    index.set(first, [...(index.get(first) ?? []), rewrite]);
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
  return index;
})();
// 率, 数, 量 only say "as a rate/count": 流失率 and 流失 name the same measure; particles carry nothing.
const ZH_GENERIC = new Set("的将把为了在率数量和与及、约从由自到至");

/** The characters that name a Chinese measure, in no order. */
function chineseTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (let i = 0; i < text.length; ) {
    const char = text[i] ?? "";
    const rewrite = ZH_REWRITES_BY_FIRST_CHAR.get(char)?.find(([word]) => text.startsWith(word, i));
    if (rewrite) {
      for (const kept of rewrite[1]) if (!ZH_GENERIC.has(kept)) terms.add(kept);
      i += rewrite[0].length;
      continue;
    }
    if (!ZH_GENERIC.has(char) && (isHan(char) || /[a-z0-9]/.test(char))) terms.add(char);
    i++;
  }
  return terms;
}

const EN_CHANGE_WORDS = new Set([
  ...EN_VERB_LIST.filter((entry) => entry.kind === "change").map((entry) => entry.word),
  ...["reach", "hit", "achieve", "attain", "exceed", "surpass"],
]);
const EN_STOPWORDS = new Set([
  ...EN_CURRENT_MARKERS_WORDS,
  "from",
  "to",
  "the",
  "a",
  "an",
  "of",
  "per",
  "by",
  "in",
  "on",
  "for",
  "and",
  "with",
  "at",
  "our",
  "its",
  "their",
  "than",
  "least",
  "most",
  "is",
  "are",
  "be",
  "up",
  "down",
  "get",
  "keep",
  "kept",
  "below",
  "above",
  "under",
  "over",
  "less",
  "more",
  "within",
  // Generic measure words: "churn" and "churn rate" name the same measure.
  "rate",
  "number",
  "count",
  "total",
  "level",
  "amount",
  "share",
  "percentage",
  "ratio",
]);
const EN_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ["clients", "customer"],
  ["client", "customer"],
  ["customers", "customer"],
  ["average", "avg"],
  ["mean", "avg"],
  ["duration", "time"],
  ["monthly", "month"],
  ["weekly", "week"],
  ["daily", "day"],
  ["yearly", "year"],
  ["annual", "year"],
  ["quarterly", "quarter"],
]);

// Stems of words already seen: measure names reuse few words. Bounded so a long-running server cannot grow it.
const EN_STEMS = new Map<string, string | null>();

function englishStem(word: string): string | null {
  const known = EN_STEMS.get(word);
  if (known !== undefined) return known;
  if (EN_STEMS.size > 4096) EN_STEMS.clear();
  const stem = stemOf(word);
  EN_STEMS.set(word, stem);
  return stem;
}

function stemOf(word: string): string | null {
  const synonym = EN_SYNONYMS.get(word) ?? word;
  if (EN_STOPWORDS.has(synonym)) return null;
  const candidates = [
    synonym,
    synonym.replace(/s$/, ""),
    synonym.replace(/e?d$/, ""),
    synonym.replace(/ing$/, ""),
  ];
  if (candidates.some((candidate) => EN_CHANGE_WORDS.has(candidate))) return null;
  return synonym.replace(/(?:ing|ed|es|s)$/, "") || synonym;
}

/** The text with its figures blanked out, so only the words that name the measure remain. */
function blankQuantities(analysis: TextAnalysis): string {
  const parts: string[] = [];
  let at = 0;
  for (const quantity of analysis.quantities) {
    parts.push(analysis.text.slice(at, quantity.start));
    at = Math.max(at, quantity.end);
  }
  parts.push(analysis.text.slice(at));
  return parts.join(" ").toLowerCase();
}

/** Reads the measure of a key result. */
export function measureSignature(
  analysis: TextAnalysis,
  structured?: { startValue?: unknown; targetValue?: unknown },
): MeasureSignature {
  const stated = analysis.values.map((value) => String(value.value ?? value.raw));
  const figures = [...stated];
  if (structured?.startValue !== undefined && structured.startValue !== null)
    figures.push(`s${String(structured.startValue)}`);
  if (structured?.targetValue !== undefined && structured.targetValue !== null)
    figures.push(`t${String(structured.targetValue)}`);
  const text = blankQuantities(analysis);
  const terms = new Set<string>();
  if (analysis.language === "zh") {
    for (const term of chineseTerms(text)) terms.add(term);
  } else {
    for (const word of text.match(/[a-z0-9][a-z0-9'+#-]*/g) ?? []) {
      const stem = englishStem(word);
      if (stem) terms.add(stem);
    }
  }
  return { figures: figures.sort(), target: stated[stated.length - 1] ?? null, terms };
}

function isContained(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const term of small) if (!large.has(term)) return false;
  return true;
}

/** Dice similarity of two term sets. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Two signatures name the same measure when their words are the same, or when one's words are contained in the
 * other's and overlap at least this much: "公众号粉丝" and "公众号粉丝数" do, "华北区续约率" and "华南区续约率"
 * do not — the word that tells them apart is what matters.
 */
const NEAR_SIMILARITY = 0.75;

/** Whether two key results name the same measure, whatever their figures. */
export function isSameMeasureName(a: MeasureSignature, b: MeasureSignature): boolean {
  const smaller = Math.min(a.terms.size, b.terms.size);
  if (smaller < 2) return false;
  const score = similarity(a.terms, b.terms);
  return score === 1 || (isContained(a.terms, b.terms) && score >= NEAR_SIMILARITY && smaller >= 3);
}

/**
 * Whether two key results say the same thing: the same measure in the same words (whatever the figures), or in
 * near-identical words with the same figures — the same target counts when one of them states no start.
 */
export function isDuplicateMeasure(a: MeasureSignature, b: MeasureSignature): boolean {
  const same = similarity(a.terms, b.terms) === 1;
  if (same && (a.terms.size >= 2 || a.figures.join("|") === b.figures.join("|"))) return true;
  if (!isSameMeasureName(a, b)) return false;
  const sameFigures = a.figures.join("|") === b.figures.join("|");
  const sameTarget =
    a.target !== null && a.target === b.target && (a.figures.length === 1 || b.figures.length === 1);
  return sameFigures || sameTarget;
}
