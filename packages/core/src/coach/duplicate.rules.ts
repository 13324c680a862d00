import type { KeyResultContext, OkrContext, RawFinding } from "./context.ts";
import { EN_VERB_LIST, ZH_VERB_LIST } from "./lexicon.ts";
import type { TextAnalysis } from "./text-analysis.ts";

const ZH_CHANGE_WORDS = new RegExp(
  ZH_VERB_LIST.filter((entry) => entry.kind === "change")
    .map((entry) => entry.word)
    .join("|"),
  "g",
);
const EN_CHANGE_WORDS = new Set(
  EN_VERB_LIST.filter((entry) => entry.kind === "change").map((entry) => entry.word),
);
const EN_STOPWORDS = new Set([
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
  "reach",
  "reaches",
  "get",
  "keep",
  "kept",
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

/**
 * Two key results with the same figures say the same thing when the words of one are contained in the
 * other's and overlap at least this much: "公众号粉丝" and "公众号粉丝数" do, "iOS crash-free sessions" and
 * "Android crash-free sessions" do not — the word that tells them apart is what matters.
 */
const DUPLICATE_SIMILARITY = 0.8;

/** What a key result measures, stripped of its figures and of the verb that moves it. */
type MeasureSignature = { figures: string; terms: Set<string> };

function blankQuantities(analysis: TextAnalysis): string {
  let text = analysis.text;
  for (const quantity of [...analysis.quantities].reverse()) {
    text = `${text.slice(0, quantity.start)} ${text.slice(quantity.end)}`;
  }
  return text.toLowerCase();
}

function englishStem(word: string): string | null {
  if (EN_STOPWORDS.has(word)) return null;
  const candidates = [
    word,
    word.replace(/s$/, ""),
    word.replace(/d$/, ""),
    word.replace(/ed$/, ""),
    word.replace(/ing$/, ""),
  ];
  if (candidates.some((candidate) => EN_CHANGE_WORDS.has(candidate))) return null;
  return word.replace(/(?:ing|ed|es|s)$/, "") || word;
}

/** Reads the measure of a key result: its figures and the words that name what is measured. */
function measureSignature(keyResult: KeyResultContext): MeasureSignature {
  const { analysis, input } = keyResult;
  const figures = analysis.values.map((value) => String(value.value ?? value.raw));
  if (keyResult.structured.hasStart) figures.push(`s${String(input.startValue)}`);
  if (keyResult.structured.hasTarget) figures.push(`t${String(input.targetValue)}`);
  const text = blankQuantities(analysis);
  const terms = new Set<string>();
  if (analysis.language === "zh") {
    const rest = text.replace(ZH_CHANGE_WORDS, " ");
    // 率, 数, 量 only say "as a rate/count": 流失率 and 流失 name the same measure.
    const letters = rest
      .replace(/[从由到至的将把为了在率数量]/g, " ")
      .replace(/[^\p{Script=Han}a-z0-9]+/gu, "");
    for (let i = 0; i < letters.length - 1; i++) terms.add(letters.slice(i, i + 2));
    if (letters.length === 1) terms.add(letters);
  } else {
    for (const word of text.match(/[a-z0-9][a-z0-9'+#-]*/g) ?? []) {
      const stem = englishStem(word);
      if (stem) terms.add(stem);
    }
  }
  return { figures: figures.sort().join("|"), terms };
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

/** Pairs of key results (0-based) that state the same measure in near-identical words. */
export function findDuplicatePairs(keyResults: readonly KeyResultContext[]): Array<[number, number]> {
  const signatures = keyResults.map(measureSignature);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < signatures.length; i++) {
    for (let j = i + 1; j < signatures.length; j++) {
      const a = signatures[i];
      const b = signatures[j];
      if (!a || !b) continue;
      const sameWords = a.terms.size >= 2 && similarity(a.terms, b.terms) === 1;
      const nearWords = isContained(a.terms, b.terms) && similarity(a.terms, b.terms) >= DUPLICATE_SIMILARITY;
      // The same measure with other figures is still the same key result; near-identical words need equal figures.
      if (sameWords || (nearWords && a.figures === b.figures)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** `set.duplicate_krs`: two key results say the same thing. */
export function checkDuplicates(context: OkrContext): RawFinding[] {
  const pair = findDuplicatePairs(context.keyResults)[0];
  if (!pair) return [];
  return [{ code: "set.duplicate_krs", target: "set", params: { first: pair[0] + 1, second: pair[1] + 1 } }];
}
