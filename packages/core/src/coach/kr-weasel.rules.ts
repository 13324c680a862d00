import type { KeyResultContext, RawFinding } from "./context.ts";
import {
  EN_WEASEL_PATTERNS,
  ZH_POST_NUMBER_WEASELS,
  ZH_WEASEL_COMPOUNDS,
  ZH_WEASEL_WORDS,
} from "./lexicon.ts";
import type { TextAnalysis } from "./text-analysis.ts";

/** A hedge found in a text, with its offsets in the normalised text. */
export type Hedge = { word: string; start: number; end: number };

/** Finds the hedges of a text in its own language. */
export function findHedges(analysis: TextAnalysis): Hedge[] {
  return analysis.language === "zh"
    ? findChineseHedges(analysis)
    : findEnglishHedges(analysis.text, analysis.latinWords);
}

function findChineseHedges(analysis: TextAnalysis): Hedge[] {
  const { text, quantities } = analysis;
  const hedges: Hedge[] = [];
  for (const word of ZH_WEASEL_WORDS) {
    for (let index = text.indexOf(word); index >= 0; index = text.indexOf(word, index + 1)) {
      const end = index + word.length;
      if (hedges.some((hedge) => index < hedge.end && end > hedge.start)) continue;
      // 希望小学 is a school; "合作的希望…" uses 希望 as a noun.
      if (ZH_WEASEL_COMPOUNDS.some((compound) => text.startsWith(compound, index))) continue;
      if (word === "希望" && text[index - 1] === "的") continue;
      hedges.push({ word, start: index, end });
    }
  }
  for (const word of ZH_POST_NUMBER_WEASELS) {
    for (let index = text.indexOf(word); index >= 0; index = text.indexOf(word, index + 1)) {
      // 左右 hedges only right after an amount: "120 元左右", not "左右市场".
      if (quantities.some((quantity) => quantity.end === index || quantity.end + 1 === index)) {
        hedges.push({ word, start: index, end: index + word.length });
      }
    }
  }
  // 约 alone before a figure ("约 40 家") hedges; inside 签约, 节约, 预约 it does not.
  for (const quantity of quantities) {
    const before = text.slice(0, quantity.start).replace(/\s$/, "");
    if (before.endsWith("约") && !/(?:签|节|预|合|制|邀|公|条|违|履|大)约$/.test(before)) {
      hedges.push({ word: "约", start: before.length - 1, end: before.length });
    }
  }
  return hedges.sort((a, b) => a.start - b.start);
}

// A word one of the English hedges contains: most key results have none, and their words say so at once.
const EN_HEDGE_WORDS = new Set(
  `try tries trying tried hopefully aim aims aiming strive strives striving possible approximately approx roughly
about around circa ca feasible ideally attempt attempts endeavor endeavour endeavors endeavours seek seeks hope hopes
wish best more so take ish should might may can`.split(/\s+/),
);

function findEnglishHedges(text: string, words: readonly string[]): Hedge[] {
  if (!text.includes("~") && !words.some((word) => EN_HEDGE_WORDS.has(word))) return [];
  const lower = text.toLowerCase();
  const hedges: Hedge[] = [];
  for (const pattern of EN_WEASEL_PATTERNS) {
    const match = pattern.exec(lower);
    if (match)
      hedges.push({
        word: text.slice(match.index, match.index + match[0].length).trim(),
        start: match.index,
        end: match.index + match[0].length,
      });
  }
  return hedges.sort((a, b) => a.start - b.start);
}

/** The text with its hedges taken out, as a suggestion of what to commit to. */
export function withoutHedges(text: string, hedges: readonly Hedge[]): string {
  let result = text;
  for (const hedge of [...hedges].sort((a, b) => b.start - a.start)) {
    result = `${result.slice(0, hedge.start)}${result.slice(hedge.end)}`;
  }
  result = result
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;:%)])/g, "$1")
    .trim();
  return result.charAt(0).toUpperCase() + result.slice(1);
}

/** `kr.weasel_words`: hedging that takes the commitment out of a key result. */
export function checkWeaselWords(keyResult: KeyResultContext): RawFinding[] {
  const hedges = findHedges(keyResult.analysis);
  const first = hedges[0];
  if (!first) return [];
  return [
    {
      code: "kr.weasel_words",
      target: keyResult.target,
      params: {
        text: keyResult.analysis.original,
        hedge: first.word,
        rewrite: withoutHedges(keyResult.analysis.text, hedges),
      },
    },
  ];
}
