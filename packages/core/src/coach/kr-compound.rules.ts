import type { KeyResultContext, RawFinding } from "./context.ts";
import { EN_CONNECTOR_PATTERN, ZH_CONNECTORS } from "./lexicon.ts";
import { type Span, splitClauses } from "./segment.ts";
import type { TextAnalysis } from "./text-analysis.ts";

const ZH_CONNECTOR_SET: ReadonlySet<string> = new Set(ZH_CONNECTORS);

// A part that only restates where the measure started ("up from 88%", "（当前 3.4）", "同比…") is not a
// second result.
const BACK_REFERENCE =
  /^(?:up from|down from|from|vs\.?|versus|compared|currently|which is|last (?:year|quarter|month)|当前|目前|现为|去年|上年|上季度|上月|较|比|同比|环比|相比)/i;

/** Splits a key result at clause punctuation and at connectors (和, 及, 并且, 同时, and, as well as). */
function splitResultParts(analysis: TextAnalysis): Span[] {
  const parts: Span[] = [];
  for (const clause of splitClauses(analysis.text)) {
    const cuts = analysis.language === "zh" ? chineseCuts(analysis, clause) : englishCuts(clause);
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

function chineseCuts(analysis: TextAnalysis, clause: Span): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  const end = clause.start + clause.text.length;
  for (const token of analysis.tokens) {
    if (token.index < clause.start || token.index >= end) continue;
    const local = token.index - clause.start;
    // The segmenter keeps 及时率, 并发 and 和谐 whole, so only free-standing connectors cut.
    if (ZH_CONNECTOR_SET.has(token.text) && !insideParentheses(clause.text, local)) {
      cuts.push([local, local + token.text.length]);
    }
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

/** The parts of a key result that carry a measure of their own. */
export function measuredParts(analysis: TextAnalysis): Span[] {
  if (analysis.values.length < 2) return []; // one figure cannot measure two results
  return splitResultParts(analysis).filter((part) => {
    if (BACK_REFERENCE.test(part.text)) return false;
    const end = part.start + part.text.length;
    return analysis.values.some((value) => value.start >= part.start && value.end <= end);
  });
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
