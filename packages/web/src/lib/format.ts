/** Display helpers; numbers and dates follow the UI language. */

/** 0.456 → "46%"; raw over-achievement stays visible (1.2 → "120%"). */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(value);
}

/** A measured value with its unit, grouped by the language: "12,000 元", "5,970,640 USD", "35%", "1 hour". */
export function formatMeasure(
  value: number | null | undefined,
  unit: string | null,
  language: string,
): string {
  const number = formatNumber(value, language);
  if (!unit || value === null || value === undefined) return number;
  // "50%" reads as one token; other units are words ("200 家", "12 k€").
  return unit === "%" ? `${number}%` : `${number} ${unitFor(value, unit, language)}`;
}

/** Plural nouns whose singular the suffix rules below would get wrong, and back. */
const IRREGULAR_SINGULARS: Record<string, string> = { people: "person", children: "child" };
const IRREGULAR_PLURALS: Record<string, string> = { person: "people", child: "children" };
/** Count nouns people write as units in the singular ("hour"): their plural is safe to add. */
const COUNT_NOUNS = new Set([
  "hour",
  "minute",
  "second",
  "day",
  "week",
  "month",
  "year",
  "point",
  "customer",
  "user",
  "person",
  "deal",
  "lead",
  "release",
  "ticket",
]);

/** "companies" → "company", "searches" → "search", "hours" → "hour"; anything else as it is. */
function singular(word: string): string {
  const irregular = IRREGULAR_SINGULARS[word];
  if (irregular) return irregular;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|ss|x|z)es$/.test(word)) return word.slice(0, -2);
  // Abbreviations ("ms", "pts" aside) and words that end in s in the singular ("bus", "status", "analysis").
  if (/^[a-z]{2,}[^su]s$/.test(word) && !/is$/.test(word)) return word.slice(0, -1);
  return word;
}

function plural(word: string): string {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (!COUNT_NOUNS.has(word)) return word;
  return word.endsWith("y") && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

/**
 * The unit as the number before it needs it. English units written as lower-case words agree with
 * the count ("1 hour", "3 hours", "1 customer"; the last word of "new customers"); Chinese has no plural,
 * and codes and symbols ("USD", "k€", "%", "ms") never change.
 */
export function unitFor(value: number, unit: string, language: string): string {
  if (!language.startsWith("en")) return unit;
  const match = /^(.*?)([a-z]+)$/.exec(unit);
  if (!match) return unit;
  const [, head = "", word = ""] = match;
  const one = new Intl.PluralRules("en").select(value) === "one";
  return head + (one ? singular(word) : plural(word));
}

/** A number typed in an input, its whole part grouped by thousands as it is typed: "5970640.5" → "5,970,640.5". */
export function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function formatDate(iso: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A short day for chart axes: "Nov 22", "11月22日". */
export function formatShortDate(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: "short", day: "numeric" }).format(new Date(epochMs));
}
