/** The language a single text is analysed in; independent of the language of the messages. */
export type Language = "zh" | "en";

/** One word (or punctuation run) of a text, with its offset in that text. */
export type Token = { text: string; index: number; isWord: boolean };

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * Normalises a text for analysis: NFKC folds full-width digits, letters, ％ and （），so "１２％" reads as
 * "12%"; runs of whitespace collapse to one space. Offsets of later analysis refer to this form.
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
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
  return text.match(HAN_GLOBAL)?.length ?? 0;
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

// Building a segmenter loads ICU data; one per language is enough for the life of the process.
const segmenters = new Map<Language, Intl.Segmenter>();

function segmenterFor(language: Language): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language === "zh" ? "zh-CN" : "en", { granularity: "word" });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Splits a text into words with `Intl.Segmenter` (dictionary-based for Chinese). */
export function segmentWords(text: string, language: Language): Token[] {
  const tokens: Token[] = [];
  for (const part of segmenterFor(language).segment(text)) {
    if (part.segment.trim() === "") continue;
    tokens.push({ text: part.segment, index: part.index, isWord: part.isWordLike === true });
  }
  return tokens;
}

/**
 * Whether `word` occurs in the text as a word of its own according to the segmenter, so that 及 in
 * 及时率 or 希望 inside a longer word does not count.
 */
export function hasStandaloneWord(tokens: readonly Token[], word: string): boolean {
  return tokens.some((token) => token.text === word);
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
