import {
  EN_MULTIPLIER_WORDS,
  EN_NUMBER_WORDS,
  EN_TIME_UNITS,
  EN_WINDOW_WORDS,
  METRIC_ACRONYMS,
  MONTHS,
  NAME_WORDS_BEFORE_NUMBER,
  YEAR_CONTEXT_WORDS,
  ZH_MULTIPLIER_WORDS,
  ZH_NUMBER_CONTINUATIONS,
  ZH_TIME_UNITS,
  ZH_UNITS,
} from "./lexicon.ts";
import { isDigit, isHan, isLatinLetter, type Language } from "./segment.ts";

/** What a figure measures. */
type QuantityKind = "percent" | "currency" | "count" | "multiplier" | "duration" | "number";

/**
 * What a figure does in its sentence: a `value` states an amount to reach or hold; a `qualifier` narrows the
 * window or the base ("30 天内", "within 30 days", "per 1,000 users"); a `label` is part of the name of a
 * measure or population ("7 日留存", "30-day retention", "18-30 岁"); a `rank` places in an order.
 */
type QuantityRole = "value" | "qualifier" | "label" | "rank";

/** A figure found in a (normalised) text. */
export type Quantity = {
  /** Numeric value after magnitudes (万, K, million); null for redacted placeholders like "$N". */
  value: number | null;
  kind: QuantityKind;
  role: QuantityRole;
  /** The unit or measure word as written (%, 家, days), if any. */
  unit: string | null;
  /** Offsets in the normalised text; `end` includes the unit. */
  start: number;
  end: number;
  /** The figure as written, with its unit. */
  raw: string;
};

const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const ZH_NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万亿]+/g;

/**
 * Reads a Chinese numeral such as 三, 两, 十五, 二十, 一百万, 一千二百万, 三亿五千万 or 二〇二七. Returns null
 * when the characters do not form a number (万一, 十四五), so words that merely contain numerals fall out.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text === "") return null;
  const chars = [...text];
  if (chars.every((char) => char in ZH_DIGITS)) {
    // A bare digit string is read digit by digit: 二〇二七 is 2027.
    return chars.length === 1
      ? (ZH_DIGITS[chars[0] ?? ""] ?? null)
      : Number(chars.map((c) => ZH_DIGITS[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const char of chars) {
    const digitValue = ZH_DIGITS[char];
    if (digitValue !== undefined) {
      if (digit !== null && digitValue !== 0 && digit !== 0) return null;
      digit = digitValue;
      continue;
    }
    const small = ZH_SMALL_UNITS[char];
    if (small !== undefined) {
      if (small >= lastUnit && section !== 0) return null;
      // 十五, 百万 and 千万 leave out a leading 一.
      if (digit === null && (section !== 0 || total !== 0)) return null;
      section += (digit ?? 1) * small;
      lastUnit = small;
      digit = null;
      continue;
    }
    const big = char === "万" ? 10_000 : 100_000_000;
    const amount = section + (digit ?? 0);
    if (amount === 0 && total === 0) return null;
    total = char === "亿" ? (total + amount) * big : total + (amount === 0 ? 1 : amount) * big;
    section = 0;
    digit = null;
    lastUnit = Number.POSITIVE_INFINITY;
  }
  return total + section + (digit ?? 0);
}

/**
 * Reads a written amount in either language: "1,500", "1.2万", "一百万", "百分之二十", "$48K", "2.5 million".
 * Returns null when the text is not an amount.
 */
export function readNumber(text: string): number | null {
  const trimmed = text.normalize("NFKC").trim();
  const quantities = findQuantities(trimmed, /\p{Script=Han}/u.test(trimmed) ? "zh" : "en");
  const first = quantities[0];
  if (!first || quantities.length !== 1 || first.start !== 0) return null;
  return first.value;
}

type Builder = {
  text: string;
  language: Language;
  found: Quantity[];
  /** One flag per character of the text: taken by a figure or a URL already. */
  claimed: Uint8Array;
  /** Whether the text has an English number word ("twelve") or multiplier ("double"): their scanners run only then. */
  hasNumberWord: boolean;
  hasMultiplierWord: boolean;
};

/**
 * Finds the figures of a normalised text that count as amounts. Dates, years, quarters, versions, issue
 * numbers, names with digits (SOC 2, P0, K12, 6S, 二期, 双十一) and 一 as an article are left out.
 */
export function findQuantities(
  text: string,
  language: Language,
  latinWords: readonly string[] = latinWordsOf(text),
): Quantity[] {
  let hasNumberWord = false;
  let hasMultiplierWord = false;
  for (const word of latinWords) {
    if (EN_NUMBER_WORDS.has(word)) hasNumberWord = true;
    if (EN_MULTIPLIER_WORDS.has(word) || word === "half") hasMultiplierWord = true;
  }
  const claimed = new Uint8Array(text.length);
  const builder: Builder = { text, language, found: [], claimed, hasNumberWord, hasMultiplierWord };
  scanMultiplierWords(builder);
  scanPercentWords(builder);
  scanPlaceholders(builder);
  scanArabic(builder);
  scanChineseNumerals(builder);
  scanEnglishNumberWords(builder);
  const sorted = builder.found.sort((a, b) => a.start - b.start);
  return mergeRanges(text, sorted);
}

function isClaimed(builder: Builder, start: number, end: number): boolean {
  for (let i = Math.max(0, start); i < end; i++) if (builder.claimed[i]) return true;
  return false;
}

function claim(builder: Builder, start: number, end: number): void {
  builder.claimed.fill(1, Math.max(0, start), end);
}

function push(builder: Builder, quantity: Omit<Quantity, "raw">): void {
  const { value, kind, role, unit, start, end } = quantity;
  builder.found.push({ value, kind, role, unit, start, end, raw: builder.text.slice(start, end) });
  claim(builder, start, end);
}

const HAS_LATIN = /[A-Za-z]/;

/** The Latin words of a text, lower-cased. */
export function latinWordsOf(text: string): string[] {
  return HAS_LATIN.test(text) ? (text.toLowerCase().match(/[a-z]+/g) ?? []) : [];
}
const HAS_MULTIPLIER_CHAR = /[番倍半双腰]/;
const EN_MULTIPLIER_PATTERN = new RegExp(`\\b(?:${[...EN_MULTIPLIER_WORDS.keys()].join("|")})\\b`, "g");

function scanMultiplierWords(builder: Builder): void {
  const { text } = builder;
  for (const [word, value] of HAS_MULTIPLIER_CHAR.test(text) ? ZH_MULTIPLIER_WORDS : []) {
    let index = text.indexOf(word);
    while (index >= 0) {
      if (!isClaimed(builder, index, index + word.length)) {
        push(builder, {
          value,
          kind: "multiplier",
          role: "value",
          unit: word,
          start: index,
          end: index + word.length,
        });
      }
      index = text.indexOf(word, index + word.length);
    }
  }
  if (!builder.hasMultiplierWord) return;
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(EN_MULTIPLIER_PATTERN)) {
    const value = EN_MULTIPLIER_WORDS.get(match[0]);
    if (value === undefined) continue;
    const start = match.index;
    const end = start + match[0].length;
    const after = lower.slice(end);
    // "double-check", "double down" and "double click" are idioms, not targets.
    if (/^-[a-z]/.test(after) || /^ (?:down|click|checks?|edged|standard)\b/.test(after)) continue;
    push(builder, { value, kind: "multiplier", role: "value", unit: match[0], start, end });
  }
  if (!lower.includes("half")) return;
  for (const match of lower.matchAll(/\b(?:in|by) half\b/g)) {
    push(builder, {
      value: 0.5,
      kind: "multiplier",
      role: "value",
      unit: "half",
      start: match.index,
      end: match.index + match[0].length,
    });
  }
}

function scanPercentWords(builder: Builder): void {
  const { text } = builder;
  if (!text.includes("百分")) return;
  for (const match of text.matchAll(/百分之([零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)/g)) {
    const amount = match[1] ?? "";
    const value = isDigit(amount[0]) ? Number(amount) : parseChineseNumeral(amount);
    if (value === null) continue;
    push(builder, {
      value,
      kind: "percent",
      role: "value",
      unit: "%",
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  for (const match of text.matchAll(/百分百/g)) {
    push(builder, {
      value: 100,
      kind: "percent",
      role: "value",
      unit: "%",
      start: match.index,
      end: match.index + 3,
    });
  }
}

function scanPlaceholders(builder: Builder): void {
  // URLs carry ids and paths, never amounts.
  if (builder.text.includes("http") || builder.text.includes("www.")) {
    for (const match of builder.text.matchAll(/\bhttps?:\/\/\S+|\bwww\.\S+/g))
      claim(builder, match.index, match.index + match[0].length);
  }
  if (!/[A-Z]/.test(builder.text)) return;
  // Published OKRs redact confidential figures as "$N", "X%", "N8%", "N2 customers" or a bare numbered "N14";
  // they still state an amount.
  const pattern =
    /(?<![A-Za-z0-9])(?:[$€£¥] ?[A-Z]\d*(?![A-Za-z])|[A-Z]\d* ?%|(?:N\d{0,2}|X{1,3}|Y{2,3}|Z{2,3})(?= (?:[A-Za-z-]+ ){0,3}(?:[A-Za-z-]+s|people|staff)\b| [A-Z]{2,}\b)|N\d{1,2}(?![\w-]| to ))/g;
  for (const match of builder.text.matchAll(pattern)) {
    if (
      /\b(?:project|plan|model|type|series|phase|generation|tier|version)\s$/i.test(
        builder.text.slice(0, match.index),
      )
    )
      continue;
    const raw = match[0];
    push(builder, {
      value: null,
      kind: raw.includes("%") ? "percent" : /^[$€£¥]/.test(raw) ? "currency" : "count",
      role: "value",
      unit: raw.includes("%") ? "%" : /^[$€£¥]/.test(raw) ? (raw[0] ?? null) : null,
      start: match.index,
      end: match.index + raw.length,
    });
  }
}

const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)*/g;

function scanArabic(builder: Builder): void {
  const { text } = builder;
  const skipped = new Set<number>();
  for (const match of text.matchAll(ARABIC)) {
    const start = match.index;
    const end = start + match[0].length;
    if (skipped.has(start) || isClaimed(builder, start, end)) continue;
    const quantity = classifyArabic(builder, start, end, skipped);
    if (quantity) push(builder, quantity);
  }
}

/** The Latin word right before a position, skipping spaces and colons ("Issue 12", "NPS: 40"). */
function previousWord(text: string, start: number): string {
  let end = start;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === ":")) end--;
  let from = end;
  while (from > 0 && /[A-Za-z'’.]/.test(text[from - 1] ?? "")) from--;
  while (from < end && !isLatinLetter(text[from])) from++;
  return text.slice(from, end).replace(/\.$/, "");
}

function nextWord(text: string, end: number): string {
  return /^[\s,]*([A-Za-z][A-Za-z'’]*)/.exec(text.slice(end))?.[1] ?? "";
}

function isClauseEnd(rest: string): boolean {
  return /^\s*(?:$|[,.;:!?)\]。、，；])/.test(rest);
}

function classifyArabic(
  builder: Builder,
  start: number,
  end: number,
  skipped: Set<number>,
): Omit<Quantity, "raw"> | null {
  const { text } = builder;
  const raw = text.slice(start, end);
  // Multi-dot numbers are versions (1.2.3).
  if ((raw.match(/\./g)?.length ?? 0) > 1) return null;
  const prev = text[start - 1];
  // Windows around the figure: every test below looks at most this far.
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 48);
  const digitsOnly = raw.replace(/,/g, "");
  let value = Number(digitsOnly);

  if (start === 0 && /^[.)] /.test(after) && value < 100) return null; // list marker "1. Guide…"
  if (isLatinLetter(prev)) return null; // P0, K12, Q3, FY22, B2B, v2
  if ((prev === "-" || prev === "‐") && isLatinLetter(text[start - 2])) return null; // Sev-1, Top-50, K-12
  const ordinal = /(?:#|第\s?)$/.exec(before);
  if (ordinal && isRankEnding(after) && value <= 100) {
    const rankEnd = end + (/^\s?[名位]/.exec(after)?.[0].length ?? 0);
    return {
      value,
      kind: "number",
      role: "rank",
      unit: null,
      start: start - ordinal[0].length,
      end: rankEnd,
    }; // 排名第 3 名, #1 in G2
  }
  if (ordinal || prev === "№") return null;
  if (prev === "." && isDigit(text[start - 2])) return null;
  if ((prev === ":" || prev === "/") && isDigit(text[start - 2])) return null; // 1:1, second half of 24/7
  if (/^:\d/.test(after)) return null; // 1:1s, 10:30

  // The common case first: a plain percentage ("40%", "99.5 %", "30%+") needs none of the checks below.
  const percent = /^ ?%\+?/.exec(after);
  if (percent && !/^\/\d/.test(after) && !/^[$€£¥]/.test(raw)) {
    const stop = end + percent[0].length;
    const kind: QuantityKind = "percent";
    return { value, kind, role: roleOf(builder, start, stop, kind, "%"), unit: "%", start, end: stop };
  }

  const slash = /^\/(\d+(?:\.\d+)?)/.exec(after);
  if (slash) {
    const denominator = Number(slash[1]);
    skipped.add(end + 1);
    if (raw === "24" && denominator === 7) return null;
    // "over 2/3 of key users": a fraction of a population is a share, not a date.
    if (value < denominator && /^\/\d+(?:\.\d+)?\s+of\b/i.test(after)) {
      const stop = end + 1 + (slash[1]?.length ?? 0);
      return {
        value: (value / denominator) * 100,
        kind: "percent",
        role: "value",
        unit: "%",
        start,
        end: stop,
      };
    }
    const isScale = [5, 10, 100].includes(denominator) && value <= denominator;
    if (!isScale && Number.isInteger(value) && value <= 12 && denominator <= 31) return null; // 3/31
  }

  const suffix = /^[A-Za-z]+/.exec(after)?.[0] ?? "";
  if (/^(?:st|nd|rd|th)$/i.test(suffix)) return null; // ordinals
  if (/^(?:am|pm)$/i.test(suffix)) return null; // times of day

  // Years, quarters and dates
  const isYearShaped = /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100;
  if (/^-\d{1,2}(?:-\d{1,2})?(?!\d)/.test(after) && isYearShaped) {
    const tail = /^-\d{1,2}(?:-\d{1,2})?/.exec(after)?.[0] ?? "";
    for (let i = end; i <= end + tail.length; i++) skipped.add(i);
    return null;
  }
  const zhAfter = after.replace(/^ /, "");
  if (isYearShaped && zhAfter.startsWith("年")) return null;
  if (Number.isInteger(value) && value >= 1 && value <= 12 && /^月(?!度|均|活|费|薪|环|供)/.test(zhAfter))
    return null;
  if (Number.isInteger(value) && value <= 31 && /^[日号]/.test(zhAfter) && /月\s?$/.test(before)) return null;
  if (isYearShaped && builder.language === "en" && isEnglishYear(text, start, end, suffix)) return null;
  if (
    Number.isInteger(value) &&
    value <= 31 &&
    (isMonth(previousWord(text, start)) || isMonth(nextWord(text, end)))
  ) {
    return null;
  }

  // Versions and names
  if (/^\s?版/.test(after) || /(?:版本|\b[vV]er\.?|\b[vV])\s?$/.test(before)) return null;
  // "the 2.0 release", "3.1 SDK": a decimal label in front of what it versions.
  if (
    raw.includes(".") &&
    /^\s(?:release|version|launch|edition|update|upgrade|sdk|api|spec|branch|beta|alpha|milestone)\b/i.test(
      after,
    )
  ) {
    return null;
  }
  const prevWord = previousWord(text, start);
  const hasUnitAfter = /^\s?(?:%|[A-Za-z]|[万亿千])/.test(after);
  const spaceBefore = / $/.test(before) || before === "";
  if (NAME_WORDS_BEFORE_NUMBER.has(prevWord.toLowerCase()) && spaceBefore && !/^\s?%/.test(after))
    return null;
  if (
    /^[A-Z][A-Z0-9&]{1,6}$/.test(prevWord) &&
    / $/.test(before) &&
    !METRIC_ACRONYMS.has(prevWord.toUpperCase()) &&
    !hasUnitAfter &&
    !raw.includes(",")
  ) {
    return null; // SOC 2, ISO 27001, WCAG 2.2
  }

  let end2 = end;
  let unit: string | null = null;
  let kind: QuantityKind = "number";
  let role: QuantityRole = "value";

  if (suffix !== "") {
    const unitSuffix = readLatinSuffix(suffix);
    if (!unitSuffix) return null; // 6S, 5G, 3D
    value *= unitSuffix.factor;
    unit = suffix;
    kind = unitSuffix.kind;
    end2 = end + suffix.length;
  }
  const hyphenUnit = /^-((?:day|week|month|year|hour|minute|quarter|second)s?)\b/i.exec(after);
  if (hyphenUnit) {
    // "5.5-hours total or less" states a limit; "30-day readmissions" names a measure.
    const unitEnd = end + hyphenUnit[0].length;
    if (/^\s(?:total|or less|or fewer|max(?:imum)?|at most|or under)\b/i.test(text.slice(unitEnd))) {
      return { value, kind: "duration", role: "value", unit: hyphenUnit[1] ?? null, start, end: unitEnd };
    }
    return { value, kind: "duration", role: "label", unit: null, start, end }; // 30-day readmissions
  }
  let rest = text.slice(end2, end2 + 48);
  if (rest.startsWith("+")) {
    end2 += 1; // 30+ days, 5k+
    rest = rest.slice(1);
  }
  if (unit === null || kind === "number") {
    const unitMatch = readUnitAfter(rest, value);
    if (unitMatch) {
      value = unitMatch.value;
      unit = unitMatch.unit ?? unit;
      kind = unitMatch.kind;
      end2 += unitMatch.length;
      rest = text.slice(end2, end2 + 48);
    } else if (builder.language === "zh" || isHan(rest.replace(/^ /, "")[0])) {
      const next = rest.replace(/^ /, "")[0];
      if (isHan(next) && !ZH_NUMBER_CONTINUATIONS.has(next ?? "")) return null; // 12345 热线
    }
  }
  if (/^\+/.test(rest)) end2 += 1;

  if (/[$€£¥]\s?$/.test(before) || /(?:US\$|USD|RMB|CNY|EUR)\s?$/.test(before)) kind = "currency";
  if (kind === "number" && /^\s?(?:%|percent\b|per cent\b)/.test(rest)) kind = "percent";

  role = roleOf(builder, start, end2, kind, unit);
  return { value, kind, role, unit, start: /[$€£¥]$/.test(before) ? start - 1 : start, end: end2 };
}

/** After 第 N or #N, whether the ordinal is a place in a ranking ("行业第一", "#1 in G2") rather than a name. */
function isRankEnding(after: string): boolean {
  return /^\s?(?:名|位)?\s?(?:$|[,.;:!?)。，；、]|in\b|on\b|among\b)/.test(after);
}

function isMonth(word: string): boolean {
  return MONTHS.has(word.toLowerCase());
}

function isEnglishYear(text: string, start: number, end: number, suffix: string): boolean {
  if (suffix !== "" || /^\s?(?:%|[kKmMbB]\b)/.test(text.slice(end))) return false;
  if (/[$€£¥]\s?$/.test(text.slice(0, start))) return false;
  const prev = previousWord(text, start).toLowerCase();
  if (YEAR_CONTEXT_WORDS.has(prev) || MONTHS.has(prev)) return true;
  if (/\b(?:[QH][1-4]|FY|CY)\s?$/i.test(text.slice(0, start))) return true;
  const rest = text.slice(end);
  if (isClauseEnd(rest)) return true;
  if (/^\s(?:the|a|an|to|with|and|as|is|was|will|be|for|in|on|at|by|we|our|so|when|if)\b/i.test(rest))
    return true;
  return /^\s(?:roadmap|plan|plans|budget|cohort|season|class|edition|summit|conference|goals?|okrs?|targets?|strategy|annual|fiscal|calendar|q[1-4]|h[12])\b/i.test(
    rest,
  );
}

type LatinSuffix = { kind: QuantityKind; factor: number };

function readLatinSuffix(suffix: string): LatinSuffix | null {
  if (suffix === "x" || suffix === "X") return { kind: "multiplier", factor: 1 };
  if (suffix === "k" || suffix === "K") return { kind: "number", factor: 1_000 };
  if (suffix === "M" || suffix === "MM" || suffix === "mm" || suffix === "mn")
    return { kind: "number", factor: 1_000_000 };
  if (suffix === "B" || suffix === "bn") return { kind: "number", factor: 1_000_000_000 };
  if (/^(?:ms|s|sec|secs|h|hr|hrs|min|mins|d|w|wk|wks|mo|yr|yrs)$/.test(suffix))
    return { kind: "duration", factor: 1 };
  if (/^(?:pp|pt|pts|bps)$/.test(suffix)) return { kind: "percent", factor: 1 };
  if (
    /^(?:GB|TB|MB|KB|PB|kg|km|g|m|mg|ml|cm|l|L|t|kWh|MWh|kW|MW|W|w|mb|gb|tb|px|fps|rps|qps)$/.test(suffix)
  ) {
    return { kind: "count", factor: 1 };
  }
  return null;
}

const ZH_UNITS_BY_LENGTH = [...ZH_UNITS].sort((a, b) => b.length - a.length);

type UnitMatch = { value: number; unit: string | null; kind: QuantityKind; length: number };

function readUnitAfter(rest: string, value: number): UnitMatch | null {
  const space = rest.startsWith(" ") ? 1 : 0;
  const tail = rest.slice(space);
  if (tail.startsWith("%")) return { value, unit: "%", kind: "percent", length: space + 1 };
  const zh = readZhUnit(tail, value);
  if (zh) return { ...zh, length: space + zh.length };
  const en = /^(percentage points?|percent|per cent|points?|pts|thousand|million|billion|trillion)\b/i.exec(
    tail,
  );
  if (en?.[1]) {
    const word = en[1].toLowerCase();
    if (word.startsWith("percent") || word === "per cent") {
      return { value, unit: "%", kind: "percent", length: space + en[1].length };
    }
    if (word.startsWith("point") || word === "pts") {
      return { value, unit: word, kind: "percent", length: space + en[1].length };
    }
    const factor = word === "thousand" ? 1e3 : word === "million" ? 1e6 : word === "billion" ? 1e9 : 1e12;
    return { value: value * factor, unit: word, kind: "number", length: space + en[1].length };
  }
  {
    const unitWord = /^(business days|working days|[a-z]+)\b/i.exec(tail)?.[1]?.toLowerCase();
    if (unitWord && EN_TIME_UNITS.has(unitWord)) {
      return { value, unit: unitWord, kind: "duration", length: space + unitWord.length };
    }
    if (unitWord && /^(?:dollars?|usd|euros?|eur|pounds?|gbp|yuan|rmb|cny)$/.test(unitWord)) {
      return { value, unit: unitWord, kind: "currency", length: space + unitWord.length };
    }
  }
  return null;
}

/** Reads a Chinese measure word or unit, including a magnitude (万, 亿) in front of it. */
function readZhUnit(
  tail: string,
  value: number,
): { value: number; unit: string; kind: QuantityKind; length: number } | null {
  let length = 0;
  let amount = value;
  const magnitude = /^(千万|百万|万|亿|千(?![瓦米克]))/.exec(tail)?.[1];
  if (magnitude) {
    amount *=
      magnitude === "千万"
        ? 1e7
        : magnitude === "百万"
          ? 1e6
          : magnitude === "万"
            ? 1e4
            : magnitude === "亿"
              ? 1e8
              : 1e3;
    length = magnitude.length;
  }
  const rest = tail.slice(length).replace(/^ /, "");
  const gap = tail.length - length - rest.length;
  const unit = ZH_UNITS_BY_LENGTH.find(
    (candidate) => rest.startsWith(candidate) && !/^[万亿千百]$/.test(candidate),
  );
  if (!unit) {
    return magnitude ? { value: amount, unit: magnitude, kind: "number", length } : null;
  }
  if (unit === "成" || unit === "折") {
    // 三成 is 30%; 成 before these is part of another word (成员, 成本, 成为).
    const next = rest[1];
    if (unit === "折" ? isHan(next) && next !== "以" : /^[员本为功果立熟就长交型品]$/.test(next ?? "")) {
      return magnitude ? { value: amount, unit: magnitude, kind: "number", length } : null;
    }
    return { value: unit === "成" ? amount * 10 : amount, unit, kind: "percent", length: length + gap + 1 };
  }
  const after = rest.slice(unit.length);
  // "2 块塑胶跑道": 块 before a noun counts pieces; money is "5 块", "5 块钱".
  if (unit === "块" && isHan(after[0]) && !/^[钱左以]/.test(after)) {
    return { value: amount, unit, kind: "count", length: length + gap + 1 };
  }
  // "每天 20 点后", "8 点前": a time of day, read like a window, not a target.
  if (unit === "点" && /^(?:前|后|以前|以后|之前|之后|钟|半|整)/.test(after)) {
    return { value: amount, unit, kind: "duration", length: length + gap + 1 };
  }
  return { value: amount, unit, kind: zhUnitKind(unit), length: length + gap + unit.length };
}

function zhUnitKind(unit: string): QuantityKind {
  if (unit === "倍") return "multiplier";
  if (/元|块|角/.test(unit)) return "currency";
  if (unit.includes("百分点")) return "percent";
  if (ZH_TIME_UNITS.has(unit)) return "duration";
  return "count";
}

const EN_POPULATION_SIZE_BEFORE =
  /\b(?:teams?|customers?|accounts?|companies|company|users?|orgs?|organi[sz]ations?|enterprises?|businesses|tenants?|plans?|workspaces?)\s(?:under|over|above|below|up to|with (?:more|fewer|less) than|with at least|with up to|larger than|smaller than|of)\s$/i;
const EN_POPULATION_SIZE_AFTER =
  /^\+?\s?(?:seats?|employees?|users?|people|engineers?|developers?|repos|repositories|members?|licen[cs]es?|staff)\b/i;

const EN_SIZED_ITEMS_BEFORE =
  /\b(?:deals?|orders?|contracts?|invoices?|purchases?|transactions?|opportunities|opps)\s(?:under|over|above|below|up to|worth|larger than|smaller than)\s$/i;

function roleOf(
  builder: Builder,
  start: number,
  end: number,
  kind: QuantityKind,
  unit: string | null,
): QuantityRole {
  const { text } = builder;
  const before = text.slice(Math.max(0, start - 40), start).replace(/[$€£¥]$/, "");
  const after = text.slice(end, end + 48);
  const prevWord = previousWord(text, start).toLowerCase();
  if (/每\s?$/.test(before) || prevWord === "per" || /\bper\s?$/.test(before)) return "qualifier";
  // 前 3 ranks; 当前, 目前, 之前 and dates (6 月前) do not.
  if (/(?<![当目之以提此日天月年周底眼空])前\s?$/.test(before)) return "rank";
  if (prevWord === "top" && / $/.test(before)) return "rank";
  // "teams under 20 seats", "customers with more than 500 employees": a figure that sizes the population a key
  // result is about, not its target.
  if (EN_POPULATION_SIZE_BEFORE.test(before) && EN_POPULATION_SIZE_AFTER.test(after)) return "qualifier";
  // "order form for deals under $25k": a figure that sizes the items a deliverable is for.
  if (EN_SIZED_ITEMS_BEFORE.test(before)) return "qualifier";
  // "Newsletter sent every two weeks": the interval of a practice is its cadence, not a target.
  if (
    prevWord === "every" &&
    (kind === "duration" || /^\s?(?:days?|weeks?|months?|quarters?|sprints?|years?|hours?)\b/i.test(after))
  )
    return "label";
  // "the 15 most asked questions", "our 3 largest accounts": a figure before a superlative picks from a ranking.
  if (/^ (?:most|least|biggest|largest|highest|lowest|best|worst)\b/i.test(after)) return "rank";
  if (unit === "岁" || /^\s?(?:years?|yrs?)[- ]old\b/.test(after)) return "label";
  if (unit === "点" && kind === "duration") return "label"; // a time of day: "每天 20 点后"
  if (kind !== "duration") return "value";
  if (builder.language === "zh" || isHan(after.replace(/^ /, "")[0])) {
    const next = after.replace(/^ /, "");
    // "30 天内产生的线索": a window that the sentence goes on from; "控制在 3 天以内" ends on the target.
    const window = /^(?:以内|之内|内)(.*)$/.exec(next);
    if (window) return /^\s*(?:$|[,.;:!?)。，；])/.test(window[1] ?? "") ? "value" : "qualifier";
    const first = next[0];
    if (isHan(first) && !ZH_NUMBER_CONTINUATIONS.has(first ?? "")) return "label"; // 7 日留存, 30 分钟送达率
    if (/^[后前]/.test(next)) return "qualifier";
    return "value";
  }
  if (EN_WINDOW_WORDS.has(prevWord) && / $/.test(before)) return "qualifier";
  if (/^-/.test(after) || /-$/.test(text.slice(start, end))) return "label";
  if (/^\s(?:before|after|ago|earlier|later|prior|of|since|into|from (?:sign|launch|start))\b/.test(after)) {
    return "qualifier";
  }
  return "value";
}

function scanChineseNumerals(builder: Builder): void {
  const { text } = builder;
  for (const match of text.matchAll(ZH_NUMERAL_RUN)) {
    const start = match.index;
    const run = match[0];
    const end = start + run.length;
    if (isClaimed(builder, start, end)) continue;
    const quantity = classifyChineseNumeral(builder, run, start, end);
    if (quantity) push(builder, quantity);
  }
}

function classifyChineseNumeral(
  builder: Builder,
  run: string,
  start: number,
  end: number,
): Omit<Quantity, "raw"> | null {
  const { text } = builder;
  const prev = text[start - 1];
  const next = text.slice(end);
  if (prev === "第" && isRankEnding(next)) {
    const value = parseChineseNumeral(run);
    return value === null ? null : { value, kind: "number", role: "rank", unit: null, start: start - 1, end };
  }
  if (prev === "第" || prev === "双" || prev === "周" || prev === "星") return null; // 第三季度, 双十一, 周三
  if (run === "十" && next.startsWith("分") && isHan(next[1])) return null; // 十分重要
  if (run === "千万" && /^(?:不|别|要|记|注意|小心)/.test(next)) return null;
  if (run === "十一" && /^(?:期间|假期|长假|黄金周|节)/.test(next)) return null;
  if (run === "万" && !isDigit(prev)) return null;
  if (/^[万亿千百十]/.test(run) && isDigit(text[start - 1] ?? text[start - 2])) return null; // "5 万" is read with the digits
  if (/^[万亿千百]/.test(run) && isDigit(text[start - 2]) && prev === " ") return null;
  const value = parseChineseNumeral(run);
  if (value === null) return null;
  // "差错次数为零", "事故零发生": zero as a target; "零差错" on its own is a manner of speaking.
  // "系统零宕机", "违建零增长": zero closing the clause after what it counts is a target too.
  const isZeroTarget =
    /(?:为|至|到|是)\s?$/.test(text.slice(0, start)) ||
    /^(?:发生|出现)/.test(next) ||
    (isHan(prev) &&
      /^[\u4e00-\u9fff]{1,3}\s*(?:$|[,.;!?。，；！])/.test(next) &&
      // "质量零担忧", "服务零距离": a feeling or a figure of speech, not a count to bring to zero.
      !/^(?:担忧|担心|焦虑|烦恼|顾虑|距离|障碍|隔阂|负担|门槛)/.test(next));
  if (run === "零" && isZeroTarget) {
    return { value: 0, kind: "count", role: "value", unit: null, start, end };
  }
  const unit = readZhUnit(next, value);
  // 一 as an article: 一支团队, 每一位, 一线 — but "每周开展一次" counts how often.
  const isCadence = unit?.unit === "次" && /每[天日周月季年][^，,；;。]{0,6}$/.test(text.slice(0, start));
  if (run === "一" && unit?.unit !== "倍" && !isCadence) return null;
  if (/^[百千万亿]$/.test(run)) return null; // 百度, 千方百计
  if (unit?.unit === "期" || unit?.unit === "届") return null; // 二期工程 names a phase
  if (unit?.unit === "级" && !/[万亿千百]/.test(run)) return null; // 等保三级, 一级供应商 name a grade
  let role: QuantityRole = "value";
  if (prev === "每") role = "qualifier";
  if (prev === "前" && !/[当目之以提此日天月年周底眼空]/.test(text[start - 2] ?? "")) role = "rank";
  if (!unit && role === "rank") return { value, kind: "number", role, unit: null, start, end }; // 行业前十
  if (!unit) {
    // Without a measure word only a magnitude stands alone: 突破十亿, 用户破千万.
    if (!/[万亿千百]/.test(run)) return null;
    const following = next[0];
    if (isHan(following) && !ZH_NUMBER_CONTINUATIONS.has(following ?? "") && following !== "级") return null;
    return { value, kind: "number", role, unit: null, start, end };
  }
  if (unit.kind === "duration" && role === "value") {
    const after = next.slice(unit.length);
    const window = /^(?:以内|之内|内)(.*)$/.exec(after);
    if (window && !/^\s*(?:$|[,.;:!?)。，；])/.test(window[1] ?? "")) role = "qualifier";
    else if (!window && isHan(after[0]) && !ZH_NUMBER_CONTINUATIONS.has(after[0] ?? "")) role = "label";
  }
  return { value: unit.value, kind: unit.kind, role, unit: unit.unit, start, end: end + unit.length };
}

const EN_NUMBER_WORD = new RegExp(
  `\\b(?:a |${[...EN_NUMBER_WORDS.keys()].join("|")})(?:[ -](?:and )?(?:${[...EN_NUMBER_WORDS.keys()].join("|")}))*\\b`,
  "gi",
);

function scanEnglishNumberWords(builder: Builder): void {
  const { text } = builder;
  if (!builder.hasNumberWord) return;
  for (const match of text.matchAll(EN_NUMBER_WORD)) {
    const phrase = match[0];
    const start = match.index;
    const end = start + phrase.length;
    if (phrase.toLowerCase().startsWith("a ") && !/(hundred|thousand|million|billion|dozen)$/i.test(phrase))
      continue;
    if (isClaimed(builder, start, end)) continue;
    if (/^-[A-Za-z]/.test(text.slice(end))) continue; // two-factor, one-on-one
    const words = phrase
      .toLowerCase()
      .replace(/^a /, "one ")
      .split(/[ -]+/)
      .filter((w) => w !== "and");
    if (
      words.length === 1 &&
      (words[0] === "one" || words[0] === "once") &&
      !/\b(?:least|than|most|exactly|only|just|over|under)\s$/i.test(text.slice(0, start))
    ) {
      continue; // "one place", "one of"
    }
    let total = 0;
    let current = 0;
    for (const word of words) {
      const value = EN_NUMBER_WORDS.get(word) ?? 0;
      if (value === 100) current = (current || 1) * 100;
      else if (value >= 1000) {
        total += (current || 1) * value;
        current = 0;
      } else current += value;
    }
    const value = total + current;
    const rest = text.slice(end);
    const unit = readUnitAfter(rest, value);
    const stop = end + (unit?.length ?? 0);
    const kind = unit?.kind ?? "count";
    push(builder, {
      value: unit?.value ?? value,
      kind,
      role: roleOf(builder, start, stop, kind, unit?.unit ?? null),
      unit: unit?.unit ?? null,
      start,
      end: stop,
    });
  }
}

function mergeRanges(text: string, quantities: Quantity[]): Quantity[] {
  const merged: Quantity[] = [];
  for (const quantity of quantities) {
    const last = merged[merged.length - 1];
    if (last && /^\s?[-–—~～]\s?$/.test(text.slice(last.end, quantity.start))) {
      // "500-600 条", "18-30 岁": one amount given as a range.
      merged[merged.length - 1] = {
        ...quantity,
        kind: quantity.kind === "number" ? last.kind : quantity.kind,
        start: last.start,
        raw: text.slice(last.start, quantity.end),
      };
      continue;
    }
    merged.push(quantity);
  }
  return merged;
}
