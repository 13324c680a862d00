import type { KeyResultContext, RawFinding } from "./context.ts";
import { EN_CONNECTOR_PATTERN, ZH_CONNECTORS } from "./lexicon.ts";
import type { Span } from "./segment.ts";
import type { TextAnalysis } from "./text-analysis.ts";

// A part that only restates where the measure started ("up from 88%", "（当前 3.4）", "同比…") is not a
// second result.
const BACK_REFERENCE =
  /^(?:up from|down from|from|vs\.?|versus|compared|currently|which is|last (?:year|quarter|month)|当前|目前|现为|去年|上年|上季度|上月|较|比|同比|环比|相比)/i;

/** Splits a key result at clause punctuation and at connectors (和, 及, 并且, 同时, and, as well as). */
function splitResultParts(analysis: TextAnalysis): Span[] {
  const parts: Span[] = [];
  for (const clause of analysis.clauses) {
    const cuts = analysis.language === "zh" ? chineseCuts(clause) : englishCuts(clause);
    let from = 0;
    for (const [start, end] of cuts) {
      pushPart(parts, clause, from, start);
      from = end;
    }
    pushPart(parts, clause, from, clause.text.length);
  }
  return parts;
}

function pushPart(parts: Span[], clause: Span, from: number, to: number): void {
  const raw = clause.text.slice(from, to);
  const text = raw.trim();
  if (text !== "") parts.push({ text, start: clause.start + from + (raw.length - raw.trimStart().length) });
}

function insideParentheses(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return (before.match(/[(（[]/g)?.length ?? 0) > (before.match(/[)）\]]/g)?.length ?? 0);
}

// A connector that is part of a word does not join two results: 及时率, 并发, 和谐, 参与, 同时在线.
const ZH_BOUND_CONNECTORS: Readonly<Record<string, { before?: RegExp; after?: RegExp }>> = {
  及: { before: /[涉普波危顾触来以]$/, after: /^[时格]/ },
  和: { before: /[温总饱共缓柔随]$/, after: /^[谐平睦解]/ },
  并: { before: /[合兼吞归]$/, after: /^[发购行列网非未不入轨]/ },
  且: { before: /[尚暂姑]$/ },
  与: { before: /[参给赋授]$/, after: /^会/ },
  同时: { after: /^在/ },
};
const ZH_CONNECTORS_BY_LENGTH = [...ZH_CONNECTORS].sort((a, b) => b.length - a.length);
const ZH_CONNECTOR_FIRST_CHARS = new Set(ZH_CONNECTORS.map((word) => word[0] ?? ""));

function chineseCuts(clause: Span): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  const text = clause.text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (char === "(" || char === "（") depth++;
    else if ((char === ")" || char === "）") && depth > 0) depth--;
    if (depth > 0) continue;
    if (!ZH_CONNECTOR_FIRST_CHARS.has(char)) continue;
    const connector = ZH_CONNECTORS_BY_LENGTH.find((word) => text.startsWith(word, i));
    if (!connector) continue;
    const bound = ZH_BOUND_CONNECTORS[connector];
    const end = i + connector.length;
    if (
      bound?.before?.test(text.slice(Math.max(0, i - 1), i)) ||
      bound?.after?.test(text.slice(end, end + 1))
    ) {
      continue;
    }
    cuts.push([i, end]);
    i = end - 1;
  }
  return cuts;
}

function englishCuts(clause: Span): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  for (const match of clause.text.matchAll(EN_CONNECTOR_PATTERN)) {
    const before = clause.text.slice(0, match.index);
    if (/\bbetween\s+\S+$/i.test(before) || insideParentheses(clause.text, match.index)) continue;
    cuts.push([match.index, match.index + match[0].length]);
  }
  return cuts;
}

// What is left of a part once its figures are gone, when it only sets the same measure for another period or
// stretch: "20% in Q2", ">40% in Q4", "up to 5 if targets expand".
const RESTATEMENT =
  /^[\s>~<≥≤+]*(?:(?:and|or|but)\s+)?(?:in|by|for|during|up to|at least|at most|of)?\s*(?:Q[1-4]|H[12]|FY ?\d*|第?[一二三四]季度|[上下]半年|\d*月(?:底|末)?|year|month|quarter|week)?(?:\s*(?:if|when|unless|once|should)\s[^;。；]*)?[\s.;。；]*$/i;

/** The parts of a key result that carry a measure of their own. */
export function measuredParts(analysis: TextAnalysis): Span[] {
  if (analysis.values.length < 2) return []; // one figure cannot measure two results
  const parts = splitResultParts(analysis).filter((part) => {
    if (BACK_REFERENCE.test(part.text)) return false;
    const end = part.start + part.text.length;
    return analysis.values.some((value) => value.start >= part.start && value.end <= end);
  });
  // A part that only restates the first one's measure for another period is not a second result.
  return parts.filter((part, index) => index === 0 || !RESTATEMENT.test(withoutFigures(analysis, part)));
}

function withoutFigures(analysis: TextAnalysis, part: Span): string {
  let text = part.text;
  for (const quantity of [...analysis.quantities].reverse()) {
    const start = quantity.start - part.start;
    const end = quantity.end - part.start;
    if (start >= 0 && end <= text.length) text = `${text.slice(0, start)}${text.slice(end)}`;
  }
  return text;
}

/** `kr.compound`: two separate results, each with its own measure, in one key result. */
export function checkCompound(keyResult: KeyResultContext): RawFinding[] {
  const parts = measuredParts(keyResult.analysis);
  if (parts.length < 2) return [];
  return [
    {
      code: "kr.compound",
      target: keyResult.target,
      params: {
        text: keyResult.analysis.original,
        parts: parts.map((part) => part.text),
        count: parts.length,
      },
    },
  ];
}
