/** The language a single text is analysed in; independent of the language of the messages. */
export type Language = "zh" | "en";

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * Normalises a text for analysis: NFKC folds full-width digits, letters, ％ and （），so "１２％" reads as
 * "12%"; runs of whitespace collapse to one space. Offsets of later analysis refer to this form.
 */
export function normalizeText(text: string): string {
  // Plain ASCII has nothing for NFKC to fold.
  const folded = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKC");
  return folded.replace(/\s+/g, " ").trim();
}

/** Whether a character is a Chinese character. */
export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}

/** Whether a character is an ASCII letter. */
export function isLatinLetter(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z]/.test(char);
}

/** Whether a character is a decimal digit. */
export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

/** Counts Chinese characters. */
export function countHan(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The common blocks directly; anything else outside ASCII is asked of the Unicode property.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) count++;
    else if (code > 0x2e7f && code < 0x4e00 && HAN.test(text[i] ?? "")) count++;
  }
  return count;
}

/**
 * Decides whether a text is Chinese or English. Chinese OKRs routinely carry Latin acronyms (DAU, NPS, CRM),
 * so one Han character weighs as much as a Latin word.
 */
export function textLanguage(text: string): Language {
  const han = countHan(text);
  if (han === 0) return "en";
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  return han >= latinWords ? "zh" : "en";
}

/** A span of a text between separators, with its offset. */
export type Span = { text: string; start: number };

/**
 * Splits a normalised text at clause punctuation (，,；;。!?), keeping commas inside numbers such as
 * "1,500" and anything inside parentheses together.
 */
export function splitClauses(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "(" || char === "[") depth++;
    else if ((char === ")" || char === "]") && depth > 0) depth--;
    else if (depth === 0 && isClauseBreak(text, i)) {
      pushSpan(spans, text, start, i);
      start = i + 1;
    }
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

function isClauseBreak(text: string, i: number): boolean {
  const char = text[i];
  if (char === "," && isDigit(text[i - 1]) && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) return false;
  return char === "," || char === ";" || char === "。" || char === "!" || char === "?" || char === "；";
}

function pushSpan(spans: Span[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed !== "") spans.push({ text: trimmed, start: from + lead });
}
