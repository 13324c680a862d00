import { EN_BASELINE_INTRO, EN_CURRENT_PATTERN, ZH_CURRENT_MARKERS } from "./lexicon.ts";
import { findQuantities, latinWordsOf, type Quantity } from "./numbers.ts";
import { type Predicate, readClause } from "./predicate.ts";
import { type Language, normalizeText, type Span, splitClauses, textLanguage } from "./segment.ts";

/** Everything the rules need to know about one text, computed once. */
export type TextAnalysis = {
  /** The text as written. */
  original: string;
  /** The normalised text all offsets refer to. */
  text: string;
  /** The language the rules read this text in. */
  language: Language;
  /** The Latin words of the text, lower-cased, for rules that look for a word. */
  latinWords: string[];
  /** Every figure that counts as an amount. */
  quantities: Quantity[];
  /**
   * Figures that state an amount to reach or hold: no populations or labels, ranks only when they close the
   * sentence, and a time window only when nothing else is measured.
   */
  values: Quantity[];
  /** Whether the text states where a measure starts (从 X 到 Y, from X to Y, X → Y, currently X). */
  hasBaseline: boolean;
  /** The clauses of the text, split at clause punctuation. */
  clauses: Span[];
  /** The governing verb of the first clause. */
  predicate: Predicate;
};

/** Reads one objective or key result title. */
export function analyzeText(original: string): TextAnalysis {
  const text = normalizeText(original);
  const language = textLanguage(text);
  const clauses = splitClauses(text);
  const latinWords = latinWordsOf(text);
  const quantities = findQuantities(text, language, latinWords);
  const stated = quantities.filter((quantity) => quantity.role === "value" || isRankTarget(text, quantity));
  // A time window is what is measured when nothing else is: "工单 24 小时内响应", "Fix flaky tests within 1 day".
  const measured =
    stated.length > 0
      ? stated
      : quantities.filter((quantity) => quantity.kind === "duration" && quantity.role === "qualifier");
  const predicate = readPredicate(text, clauses, language);
  const isTaskLike = predicate.kind === "deliver" || predicate.kind === "activity";
  const values = language === "en" && isTaskLike ? withoutAsideFigures(text, measured) : measured;
  return {
    original,
    text,
    language,
    latinWords,
    quantities,
    values,
    hasBaseline: values.some((quantity) => isBaseline(text, quantity, values, language)),
    clauses,
    predicate,
  };
}

/**
 * "Update key meetings (with 11 cross-functional initiatives)", "Success plan defined for each account (to
 * achieve 100% logo retention)": a to-do whose only figures sit in an aside of several words states no target
 * of its own; the aside describes or justifies it. A figure in parentheses that opens it or stands alone ("(10x)",
 * "(1 Senior, 1 Lead)", "(a 28% increase)") restates the target.
 */
// An aside that says what for, with what or where: "(to achieve…)", "(with 11 initiatives)", "(e.g. …)".
const EN_ASIDE_OPENING =
  /^(?:to|with|for|in|on|across|within|including|such as|see|so that|e\.g\.?|i\.e\.?|eg|ie)\b/i;

function withoutAsideFigures(text: string, values: Quantity[]): Quantity[] {
  if (values.length === 0) return values;
  const asides = [...text.matchAll(/\(([^()]*)\)/g)]
    .filter((match) => {
      const aside = (match[1] ?? "").trim();
      return aside.split(/\s+/).length >= 3 && EN_ASIDE_OPENING.test(aside);
    })
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const isAside = (value: Quantity) =>
    asides.some((aside) => value.start >= aside.start && value.end <= aside.end);
  return values.every(isAside) ? [] : values;
}

/**
 * The predicate of the first clause — unless that clause is only the first item of a list that is the
 * subject of the sentence ("Sales, engineering, and product have a working process…"): then the sentence up
 * to its first stop is read whole.
 */
function readPredicate(text: string, clauses: TextAnalysis["clauses"], language: Language): Predicate {
  const first = readClause(clauses[0]?.text ?? "", language);
  if (language !== "en" || clauses.length < 2) return first;
  const head = clauses[0]?.text.trim() ?? "";
  if (head.split(/\s+/).length > 3 || /[.;:]/.test(head)) return first;
  const sentence = text.split(/[.;](?:\s|$)/)[0] ?? text;
  if (!/,\s*(?:[\w&/-]+\s+){0,3}and\s/i.test(sentence)) return first;
  const whole = readClause(sentence.replace(/,/g, ""), language);
  return whole.kind === "none" && whole.core === "" ? first : whole;
}

/**
 * A rank is a target when it closes the clause ("进入行业前十", "finish in the top 3"); before a noun it
 * names a population ("前 10 大客户", "top 10 accounts").
 */
function isRankTarget(text: string, quantity: Quantity): boolean {
  if (quantity.role !== "rank") return false;
  return /^\s?(?:名|位|强|行列)?\s?(?:$|[,.;:!?)。，；、]|(?:in|on|among|of|within|across)\b)/.test(
    text.slice(quantity.end),
  );
}

const ZH_CURRENT_BEFORE = new RegExp(`(?:${ZH_CURRENT_MARKERS.join("|")})[为是:：\\s]*$`);

const ARROW = /^\s?(?:→|->|=>|⇒|➝|➔|—>|-->|~>)/;
const ZH_CHANGE_TO =
  /^\s?(?:提升|提高|增长|增加|降低|减少|缩短|下降|上升|压缩|缩减|降|减|增|升|提)\s?(?:到|至|为)/;

/** Whether a figure is the starting point of a change stated in the text. */
export function isBaseline(
  text: string,
  quantity: Quantity,
  values: readonly Quantity[],
  language: Language,
): boolean {
  // Windows around the figure: every marker below sits within these.
  const before = text.slice(Math.max(0, quantity.start - 40), quantity.start);
  const after = text.slice(quantity.end, quantity.end + 24);
  // Values are in text order: a later one exists when the last starts after this one ends.
  const hasLaterValue = (values[values.length - 1]?.start ?? -1) >= quantity.end;
  if (hasLaterValue && ARROW.test(after)) return true;
  if (language === "zh" || /\p{Script=Han}/u.test(before.slice(-3))) {
    if (isChineseFromMarker(before)) return true;
    if (ZH_CURRENT_BEFORE.test(before)) return true;
    if (hasLaterValue && ZH_CHANGE_TO.test(after)) return true;
  }
  if (isEnglishFromMarker(before)) return true;
  if (EN_CURRENT_PATTERN.test(before.toLowerCase())) return true;
  // "8% to 12%": a percentage or amount followed by another one after "to" is a start and an end.
  if (
    hasLaterValue &&
    /^\s(?:to|→)\s/.test(after) &&
    (["percent", "currency", "duration"].includes(quantity.kind) || /(?::|\b[A-Z]{2,6})\s?$/.test(before)) &&
    !/\b(?:by|up|down)\s$/i.test(before)
  ) {
    return true;
  }
  return false;
}

function isChineseFromMarker(before: string): boolean {
  let rest = before.replace(/[\s±~约]+$/, "");
  // "从每小时 80 件", "由每季度 9 起": a rate's period sits between 从 and the figure.
  for (let i = 0; i < 3; i++) {
    const next = rest.replace(/每[^\d从由到至，,。；;\s]{0,4}\s?$/, "").replace(/\s+$/, "");
    if (next === rest) break;
    rest = next;
  }
  return /(?:从|由|自)$/.test(rest);
}

function isEnglishFromMarker(before: string): boolean {
  const words = before
    .toLowerCase()
    .replace(/[±~\s]+$/, "")
    .split(/\s+/);
  // Up to four words may sit between "from" and the figure ("from a baseline of 60%").
  for (let i = words.length - 1, skipped = 0; i >= 0 && skipped <= 4; i--, skipped++) {
    const word = words[i] ?? "";
    if (word === "from") return true;
    if (!EN_BASELINE_INTRO.has(word)) return false;
  }
  return false;
}
