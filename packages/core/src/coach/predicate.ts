import {
  EN_ARTICLES,
  EN_COUNT_ONLY_OUTPUT,
  EN_DELIVERABLE_NOUNS,
  EN_EVENT_VERBS,
  EN_LEADING_FILLERS,
  EN_METRIC_NOUNS,
  EN_OBJECT_MODIFIERS,
  EN_OUTPUT_NOMINALS,
  EN_TRAILING_OUTPUT,
  EN_VERB_LIST,
  type VerbEntry,
  type VerbKind,
  ZH_LEADING_FILLERS,
  ZH_METRIC_SUFFIX,
  ZH_NOMINAL_SUFFIXES,
  ZH_TEMPORAL_SUFFIXES,
  ZH_TRAILING_OUTPUT,
  ZH_VERB_LIST,
  ZH_WEASEL_WORDS,
} from "./lexicon.ts";
import { type Language, segmentWords, splitClauses } from "./segment.ts";

/** The main verb of a clause and what it says about the kind of result. */
export type Predicate = {
  /** Kind of the governing verb, or `none` for a noun phrase ("客户满意度从…", "Gross margin from…"). */
  kind: VerbKind | "none";
  /** The verb as matched ("上线", "roll out"), or "" for none. */
  verb: string;
  /** The words the verb governs, up to the end of the clause. */
  object: string;
  /** An activity with no end of its own ("推进精益生产", "host webinars"). */
  isOpenEnded: boolean;
  /** The text after the leading frame (deadline, hedge, label) was removed. */
  core: string;
};

const NONE = (core: string): Predicate => ({
  kind: "none",
  verb: "",
  object: core,
  isOpenEnded: false,
  core,
});

/** Finds the governing verb of the first clause of a normalised text. */
export function findPredicate(text: string, language: Language): Predicate {
  const clause = splitClauses(text)[0]?.text ?? "";
  return language === "zh" ? findChinesePredicate(clause) : findEnglishPredicate(clause);
}

// A point or span of time as Chinese OKRs write it: 2028年3月底, 6月30日, 第三季度, Q3, 30 天, 两周.
const ZH_TIME =
  "(?:\\d{4}\\s?年度?\\s?)?(?:第?[一二三四]季度|Q[1-4]|H[12]|上半年|下半年|年底|年末|\\d{1,2}\\s?月(?:\\s?\\d{1,2}\\s?[日号])?|[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}[日号])?|\\d+\\s?(?:天|日|周|个月|个工作日|工作日|小时)|[一二三四五六七八九十两]+(?:天|周|个月|个工作日))(?:份|底|初|中|末)?";
// "2028年3月底前完成…", "30 天内上线…": a deadline in front of the predicate.
const ZH_DEADLINE = new RegExp(
  `^(?:在|于|截至|截止)?\\s?${ZH_TIME}\\s?(?:结束)?(?:之前|以前|前|以内|之内|内)\\s?`,
);
// "在 6 月上线…", "于三季度完成…": a point in time in front of the predicate.
const ZH_TIME_POINT = new RegExp(`^(?:在|于)\\s?${ZH_TIME}\\s?`);
const ZH_TIME_FRAME =
  /^(?:Q[1-4]|H[12]|FY\s?\d+|\d{4}\s?年度?|第[一二三四]季度|[一二三四]季度|本季度|本年度|今年|明年|年内|全年|上半年|下半年)(?:内|期间|里|中)?\s?(?:[:：,，]\s?)?/;

/** Strips what frames a Chinese clause: deadlines, time frames, hedges, adverbs, labels. */
export function stripChineseFrame(clause: string): string {
  let rest = clause.trim();
  for (let i = 0; i < 8; i++) {
    const before = rest;
    rest = rest.replace(/^[\s"“”'‘’(（【[]+/, "");
    const label = /^([^\d\s:：，,]{1,6})[:：]\s?/.exec(rest);
    if (label && !/\d/.test(label[1] ?? "")) rest = rest.slice(label[0].length);
    const frame = ZH_TIME_FRAME.exec(rest);
    if (frame) rest = rest.slice(frame[0].length);
    const deadline = ZH_DEADLINE.exec(rest) ?? ZH_TIME_POINT.exec(rest);
    if (deadline && deadline[0].length < rest.length - 1) rest = rest.slice(deadline[0].length);
    const hedge = ZH_WEASEL_WORDS.find((word) => rest.startsWith(word));
    if (hedge) rest = rest.slice(hedge.length);
    const filler = ZH_LEADING_FILLERS.find((word) => rest.startsWith(word) && rest.length > word.length + 1);
    // A one-character filler (将, 把, 要) is only a frame before a verb; 会员 and 能力 are nouns.
    if (filler && (filler.length > 1 || matchZhVerb(rest.slice(1)))) rest = rest.slice(filler.length);
    rest = rest.trimStart();
    if (rest === before) break;
  }
  return rest;
}

function matchZhVerb(text: string): VerbEntry | undefined {
  return ZH_VERB_LIST.find((entry) => text.startsWith(entry.word));
}

// A change or outcome verb later in the clause that ends on a target takes over as the predicate: in
// "发布引起的回滚从每月 5 次降到 1 次" the subject starts with a verb, the predicate is 降到.
const ZH_LATER_CHANGE =
  /(?:从|由)[^到至]{0,24}?(?:到|至)|(?:提升|提高|增长|增加|降低|减少|缩短|下降|上升|压缩|降|减|增|升|达|控制|保持|突破|翻)(?:到|至|为|在|了|\s?\d)|(?:达到|突破|超过|低于|高于|不低于|不高于|不超过|以上|以下|以内)|(?:提升|提高|增长|增加|降低|减少|缩短|改善|优化|下降|上升)$/;

function findChinesePredicate(clause: string): Predicate {
  const core = stripChineseFrame(clause);
  const entry = matchZhVerb(core);
  if (!entry || !isChineseVerbAt(core, entry.word)) return trailingChinese(core);
  const after = core.slice(entry.word.length).replace(/^[好完掉起出]/, (complement) =>
    // 组织好, 清理掉: a result complement still belongs to the verb.
    entry.kind === "output" || entry.kind === "activity" ? "" : complement,
  );
  if (ZH_METRIC_SUFFIX.test(after)) return NONE(core); // 完成率
  const nominal = ZH_NOMINAL_SUFFIXES.find((suffix) => after.startsWith(suffix));
  // 设计师, 运营商 are nouns; in 开展员工调研 the 员 belongs to the next word, 员工.
  if (nominal && segmentWords(after.slice(0, 6), "zh")[0]?.text === nominal) return NONE(core);
  if (ZH_TEMPORAL_SUFFIXES.some((suffix) => after.startsWith(suffix))) return NONE(core); // 迁移后…
  if (after.startsWith("的")) return NONE(core);
  if ((entry.kind === "output" || entry.kind === "activity") && ZH_LATER_CHANGE.test(after)) {
    return { kind: "change", verb: entry.word, object: after.trim(), isOpenEnded: false, core };
  }
  const object = after.trim();
  const endsBounded = ZH_TRAILING_OUTPUT.some((verb) => object.endsWith(verb));
  if (entry.kind === "activity" && endsBounded) {
    // "推进新系统上线" has an end state: the activity is bounded by its deliverable.
    return { kind: "output", verb: entry.word, object, isOpenEnded: false, core };
  }
  return { kind: entry.kind, verb: entry.word, object, isOpenEnded: entry.kind === "activity", core };
}

/**
 * Single-character verbs (让, 做, 写) and verbs that open a longer word (研究院, 使命) are only verbs when the
 * segmenter agrees that the word ends where the verb ends.
 */
function isChineseVerbAt(text: string, verb: string): boolean {
  const tokens = segmentWords(text.slice(0, 12), "zh");
  const first = tokens[0];
  if (!first) return false;
  if (first.text.length > verb.length && first.text.startsWith(verb)) {
    return /^[好完掉起出]$/.test(first.text.slice(verb.length));
  }
  if (verb.length === 1) return first.text === verb;
  return true;
}

function trailingChinese(core: string): Predicate {
  const body = core.replace(/[\s。.!！]+$/, "");
  const verb = ZH_TRAILING_OUTPUT.find((candidate) => body.endsWith(candidate));
  if (!verb || body.length <= verb.length + 1) return NONE(core);
  const subject = body.slice(0, body.length - verb.length);
  // "新版官网上线" is a deliverable; "首次响应时长缩短" is a measure — the latter's head is a metric noun.
  if (/(?:率|度|量|数|时长|时间|周期|效率|成本|占比|比例|指数|得分|分数|速度)$/.test(subject))
    return NONE(core);
  if (/\d|%/.test(subject)) return NONE(core);
  return { kind: "output", verb, object: subject, isOpenEnded: false, core };
}

// English verbs by lemma; a word can be more than one kind ("make" builds things and makes states).
const EN_VERB_INDEX = new Map<string, VerbEntry[]>();
for (const entry of EN_VERB_LIST)
  EN_VERB_INDEX.set(entry.word, [...(EN_VERB_INDEX.get(entry.word) ?? []), entry]);

const EN_LABEL =
  /^(?:[A-Za-z][\w&/.'’+-]*(?: \([^)]{1,30}\))?(?: (?:[A-Za-z&][\w&/.'’+-]*)(?: \([^)]{1,30}\))?){0,3}) ?: +(?=[A-Z[])/;
const EN_HEDGE_PREFIX =
  /^(?:(?:try|tries|aim|aims|strive|strives|attempt|attempts|seek|seeks|hope|hopes|endeavou?r|plan|plans|want|wants) (?:to|and|for) |(?:hopefully|ideally|preferably|if possible|where possible),? )/i;
const EN_DEADLINE_PREFIX =
  /^(?:by|before|until|in|during|within|for|through|starting|from|at) (?:the )?(?:end of |start of |beginning of |middle of )?[^,]{0,30},\s*/i;
const EN_SUBJECT_PREFIX =
  /^(?:we|i|they|the team|our team)(?:'ve|’ve|'ll|’ll|'re|’re|'d|’d)?\s+(?:(?:have|has|had|will|are|shall|must|should|can)\s+)?/i;
const EN_TIME_PREFIX = /^(?:Q[1-4]|H[12]|FY ?\d+|CY ?\d+|\d{4})\b[:,]?\s*/;

/** Strips what frames an English clause: tags, labels, deadlines, hedges, pronouns and adverbs. */
export function stripEnglishFrame(clause: string): string {
  let rest = clause.trim();
  for (let i = 0; i < 8; i++) {
    const before = rest;
    rest = rest.replace(/^(?:[\s*"“”'‘’-]+|\[[^\]]{0,24}\]\s*|\((?:P\d|[A-Z]{2,8})\)\s*)/, "");
    const label = EN_LABEL.exec(rest);
    if (label && label[0].length < rest.length - 1) rest = rest.slice(label[0].length);
    const time = EN_TIME_PREFIX.exec(rest);
    if (time && time[0].length < rest.length) rest = rest.slice(time[0].length);
    const deadline = EN_DEADLINE_PREFIX.exec(rest);
    if (
      deadline &&
      /\d|q[1-4]|h[12]|year|quarter|month|week|end|eoy|eoq|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(
        deadline[0],
      )
    ) {
      rest = rest.slice(deadline[0].length);
    }
    const hedge = EN_HEDGE_PREFIX.exec(rest);
    if (hedge) rest = rest.slice(hedge[0].length);
    const subject = EN_SUBJECT_PREFIX.exec(rest);
    if (subject && subject[0].length < rest.length) rest = rest.slice(subject[0].length);
    const word = /^([A-Za-z']+)\s+/.exec(rest);
    const lower = word?.[1]?.toLowerCase() ?? "";
    if (
      word &&
      (EN_LEADING_FILLERS.has(lower) || (/ly$/.test(lower) && lower.length > 4 && !EN_VERB_INDEX.has(lower)))
    ) {
      rest = rest.slice(word[0].length);
    }
    if (rest === before) break;
  }
  return rest;
}

function matchEnVerb(words: readonly string[]): { entries: VerbEntry[]; length: number } | null {
  const two = EN_VERB_INDEX.get(words.slice(0, 2).join(" "));
  if (two) return { entries: two, length: 2 };
  const one = EN_VERB_INDEX.get(words[0] ?? "");
  return one ? { entries: one, length: 1 } : null;
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us)$/.test(word)) return word;
  return word.replace(/(?:es(?=$)|s$)/, (suffix) =>
    suffix === "es" && !/(?:ch|sh|x)es$/.test(word) ? "e" : "",
  );
}

function governsDeliverable(verb: string, objectWords: readonly string[]): boolean {
  let index = 0;
  while (index < objectWords.length && EN_OBJECT_MODIFIERS.has(objectWords[index] ?? "")) index++;
  const first = objectWords[index] ?? "";
  if (
    /^[+~]?\d/.test(first) ||
    /^(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen)$/.test(first)
  ) {
    return true;
  }
  if (EN_COUNT_ONLY_OUTPUT.has(verb)) return false;
  for (const word of objectWords.slice(index, index + 4)) {
    const bare = singular(word.replace(/[^a-z-]/g, ""));
    if (EN_DELIVERABLE_NOUNS.has(bare) || EN_DELIVERABLE_NOUNS.has(word)) return true;
  }
  return false;
}

function isBarePlural(objectWords: readonly string[]): boolean {
  const first = objectWords[0] ?? "";
  if (EN_ARTICLES.has(first) || /^\d/.test(first)) return false;
  const head = objectWords.slice(0, 3).find((word) => /s$/.test(word) && !/(?:ss|us|is)$/.test(word));
  return (
    head !== undefined &&
    objectWords.slice(0, 3).every((word) => !/^(?:of|for|to|with|on)$/.test(word) || word === head)
  );
}

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["built", "build"],
  ["written", "write"],
  ["wrote", "write"],
  ["ran", "run"],
  ["held", "hold"],
  ["gave", "give"],
  ["given", "give"],
  ["led", "lead"],
  ["made", "make"],
  ["done", "do"],
  ["did", "do"],
  ["sent", "send"],
  ["won", "win"],
  ["set", "set"],
  ["chose", "choose"],
  ["chosen", "choose"],
  ["began", "begin"],
  ["begun", "begin"],
]);

/** Base forms an inflected English verb may come from: "shipped" → ship, "published" → publish. */
export function englishLemmas(word: string): string[] {
  const irregular = IRREGULAR.get(word);
  if (irregular) return [irregular];
  const forms = [
    word.replace(/ied$/, "y"),
    word.replace(/(.)\1ed$/, "$1"),
    word.replace(/ed$/, ""),
    word.replace(/d$/, ""),
    word.replace(/(.)\1ing$/, "$1"),
    word.replace(/ing$/, ""),
    word.replace(/ing$/, "e"),
    word.replace(/ies$/, "y"),
    word.replace(/es$/, ""),
    word.replace(/s$/, ""),
  ];
  return [...new Set(forms.filter((form) => form !== word && form.length > 1))];
}

const SUBJECT_PRONOUN =
  /(?:^|[:\]]\s*)(?:we|i|they|the team|our team)(?:'ve|’ve|'ll|’ll| have| has| had| will| are)?\s/i;
const OBJECT_START = /^(?:a|an|the|our|their|its|this|these|those|all|every|each|new|\d)/;

/**
 * Brings an inflected first verb to its base form when the sentence shows it is a verb: after a subject
 * ("We've rolled out…"), before an object ("Created an internal dashboard"), or after start/begin
 * ("Start publishing videos"). A bare plural noun ("Launches shipped…") is left alone.
 */
function baseForm(words: string[], hasSubject: boolean): string[] {
  const [first = "", second = ""] = words;
  if (/^(?:start|begin|started|began)$/.test(first) && /ing$/.test(second)) {
    const lemma = englishLemmas(second).find((form) => matchEnVerb([form]));
    if (lemma) return [lemma, ...words.slice(2)];
  }
  if (matchEnVerb(words)) return words;
  const isPast = /ed$/.test(first) || IRREGULAR.has(first);
  if (!hasSubject && !(isPast && OBJECT_START.test(second))) return words;
  const lemma = englishLemmas(first).find((form) => matchEnVerb([form, second]) || matchEnVerb([form]));
  return lemma ? [lemma, ...words.slice(1)] : words;
}

function findEnglishPredicate(clause: string): Predicate {
  const core = stripEnglishFrame(clause);
  const words = baseForm(
    core.toLowerCase().match(/[a-z][a-z'’+-]*|\d[\d,.]*%?/g) ?? [],
    SUBJECT_PRONOUN.test(clause),
  );
  const first = words[0] ?? "";
  if (EN_OUTPUT_NOMINALS.has(first) && words[1] === "of") {
    return { kind: "output", verb: first, object: words.slice(2).join(" "), isOpenEnded: false, core };
  }
  const match = matchEnVerb(words);
  if (!match || EN_METRIC_NOUNS.has(words[match.length] ?? "")) {
    return trailingEnglish(core, words);
  }
  const objectWords = words.slice(match.length);
  const object = objectWords.join(" ");
  const verb = match.entries[0]?.word ?? first;
  const output = match.entries.find((entry) => entry.kind === "output");
  const other = match.entries.find((entry) => entry.kind !== "output");
  if (output && (!output.weak || governsDeliverable(verb, objectWords))) {
    const isOpenEnded = EN_EVENT_VERBS.has(verb) && isBarePlural(objectWords);
    return { kind: "output", verb, object, isOpenEnded, core };
  }
  const kind: VerbKind = other?.kind ?? "state";
  return { kind, verb, object, isOpenEnded: kind === "activity", core };
}

const EN_TRAILING = new RegExp(
  `\\b(?:is |are |be |been |goes |go |gets |get |made |went )?(${EN_TRAILING_OUTPUT.join("|")})(?: (?:in|on|to|for|by|across|at|with|from) [^,]{0,40})?$`,
);

function trailingEnglish(core: string, words: readonly string[]): Predicate {
  const body = core
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[\s.!;:]+$/, "");
  const found = EN_TRAILING.exec(body);
  if (found && found.index > 0 && !/%/.test(body)) {
    return {
      kind: "output",
      verb: found[1] ?? "",
      object: body.slice(0, found.index).trim(),
      isOpenEnded: false,
      core,
    };
  }
  return NONE(words.length > 0 ? core : "");
}
