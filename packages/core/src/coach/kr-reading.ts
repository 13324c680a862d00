import { EN_METRIC_NOUNS } from "./noun-lexicon.ts";
import { type Predicate, readClause } from "./predicate.ts";
import { splitClauses } from "./segment.ts";
import type { TextAnalysis } from "./text-analysis.ts";
import { englishVerbAt } from "./verb-lexicon.ts";

/**
 * What a key result is, decided once so that `kr.is_task` and `kr.not_measurable` draw their boundary in one
 * place, in the order design/coach.md draws it:
 *
 * 1. The governing predicate: a verb by meaning (deliver, activity, change, outcome, state) or a noun phrase
 *    that names a deliverable, a measure or a quality.
 * 2. An outcome measure attached to it — a starting point, a percentage, money, a multiple, a score, or a later
 *    clause that moves a measure ("举办 6 场沙龙，带来 300 条线索") — makes it a result, not a to-do.
 * 3. A task is a deliver or activity predicate with no outcome measure: a bounded deliverable ("上线新版官网"),
 *    a counted to-do ("组织 4 场宣讲会") or an open-ended activity ("推进精益生产").
 * 4. It is measurable when a structured field says how to check it (milestone/boolean type, targetValue), when
 *    it carries a figure, or when its words describe an end state: a bounded deliverable, a state of zero, a
 *    checked ending ("…审计一次通过"), or a concrete outcome ("签约", "pass the audit"). An open-ended activity
 *    and a vague change ("提升客户满意度") have none.
 * 5. `kr.no_baseline` is independent of the above: a numeric target with no starting point.
 */
export type KeyResultReading = {
  /** An activity or deliverable with no outcome measure attached. */
  isTask: boolean;
  /** Something tells how to know it was achieved. */
  isMeasurable: boolean;
  /** An activity or practice with no end state of its own. */
  isOpenEnded: boolean;
};

// Outcomes that are checked by their very nature: a contract is signed or not, an audit passed or not.
const CONCRETE_OUTCOME_ZH = /^(?:签约|签下|新签|拿下|中标|成交|通过|售出|卖出|回款|清零|消除|杜绝|获批)/;
const CONCRETE_OUTCOME_EN =
  /^(?:sign|close|pass|sell|book|renew|certify|get certified|onboard|eliminate|meet)$/;
// Other outcome verbs need a checkable object: "获得 ISO 认证" is, "赢得客户认可" and "win new customers" are not.
const CHECKABLE_OBJECT_ZH =
  /所有|全部|全量|全覆盖|认证|审计|审核|验收|评审|考试|测评|检查|合同|订单|融资|牌照|资质|专利|奖|批准|许可|备案|盈利|上市|扭亏|收支平衡|盈亏平衡/;
const CHECKABLE_OBJECT_EN =
  /\b(?:all|every|audit|certification|certified|certificate|exam|inspection|review|assessment|contract|deal|account|customer|client|logo|partner|partnership|tender|bid|award|funding|round|licen[cs]e|approval|patent|profitab\w*|break[- ]even|ipo|compliance|soc ?2|iso|gdpr|hipaa|pci)\b/i;

// "全年无重大事故", "No Sev-1 incidents", "Zero data breaches", "aren't blocked": a state of zero is checked by looking.
const ZERO_STATE_ZH =
  /^(?:确保|保证|实现|做到|保持)?(?:全年|全程|全季度|本季度|季度内|年内|汛期|期间)?(?:无|零|杜绝|消除|清零|不发生|未发生|没有|不出现)/;
const ZERO_STATE_EN =
  /^(?:(?:ensure|maintain|keep|have|with) (?:that )?)?(?:no|zero|eliminate|eliminated|without)\b|\b(?:aren['’]t|isn['’]t|are not|is not|never) (?:blocked|broken|lost)\b/i;

// "充电站全年无安全事故", "搬迁期间订单零延误": a subject, then a state of zero incidents.
const ZERO_INCIDENTS_ZH =
  /(?:期间|全年|全程|年内|季度内)(?:无|零|未发生|不发生|没有)[\u4e00-\u9fff]{2,6}[。.!！]?$|(?:无|零|未发生|不发生|没有)(?:重大|较大|一般|安全|质量|生产|责任|死亡|伤亡|交通|火灾|消防)?(?:事故|事件|投诉|差错|故障|伤亡|宕机|缺陷|逾期|延误|泄露)(?:发生)?[。.!！]?$/;

const UNIVERSAL_ZH = /^(?:所有|全部|全体|每位|每个|每一位|每一个|每名|每家)/;
const UNIVERSAL_EN = /^(?:every|all|each)\b/i;

// "SOC 2 审计一次通过", "Budget approved by the board": the clause ends on a checked result.
const CHECKED_ENDING_ZH = /(?:通过|达标|获批|批准|核准|批复|合格|获证|取证|中标|签约|落地验收)[。.!！]?$/;
const CHECKED_ENDING_EN =
  /\b(?:passed|approved|certified|granted|signed(?: off)?|accepted|awarded)\b(?: by [^,]{1,40})?[.!]?$/i;

// A figure right after a measure's name, or a score after a figure, measures an outcome: "满意度达到 4.5 分",
// "with a 4.5/5 feedback score".
const ZH_MEASURE_BEFORE =
  /(?:率|(?<![季年月温角程态])度|评分|得分|分数|指数|时长|时间|周期|成本|金额|收入|营收|利润|占比|比例|NPS)[^，,；;。]{0,6}$/;
const EN_SCORE_AFTER =
  /^[^,;]{0,12}?\b(?:score|rating|satisfaction|nps|csat|uptime|accuracy|conversion|retention)\b/i;

// Verbs of results right before a figure: "…that generate 20 qualified leads", "带来 300 条线索".
const ZH_RESULT_BEFORE = /(?:带来|产生|贡献|带动|拉动|促成|获得|吸引|达到|突破|实现)\s?$/;
const EN_RESULT_VERB_KINDS = new Set(["change", "outcome"]);

/** Whether a figure measures an outcome rather than counting the task's own output. */
function isOutcomeFigure(analysis: TextAnalysis, start: number, end: number): boolean {
  const before = analysis.text.slice(Math.max(0, start - 24), start);
  if (analysis.language === "zh") return ZH_MEASURE_BEFORE.test(before) || ZH_RESULT_BEFORE.test(before);
  const prior =
    analysis.text
      .slice(0, start)
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  if (prior.length > 1) {
    const verb = englishVerbAt(prior, prior.length - 1) ?? englishVerbAt(prior, prior.length - 2);
    if (verb?.entries.some((entry) => EN_RESULT_VERB_KINDS.has(entry.kind))) return true;
  }
  // The clause's first word is its verb or subject, never the name of the measure a figure follows.
  const lastWords = prior.slice(Math.max(1, prior.length - 3));
  if (lastWords.some((word) => EN_METRIC_NOUNS.has(word) && word !== "number" && word !== "count"))
    return true;
  // "Deploy to N4 MAU": a figure that counts a measure (users, visits, leads), not the task's output.
  const following =
    analysis.text
      .slice(end, end + 32)
      .toLowerCase()
      .match(/[a-z-]+/g)
      ?.slice(0, 2) ?? [];
  if (following.some((word) => EN_COUNTED_MEASURES.has(word))) return true;
  return EN_SCORE_AFTER.test(analysis.text.slice(end));
}

const EN_COUNTED_MEASURES = new Set(
  "mau, wau, dau, users, visits, visitors, signups, sign-ups, leads, mqls, sqls, arr, iarr, mrr, subscribers, downloads, installs, stars, followers, views, pageviews".split(
    ", ",
  ),
);

/**
 * Whether the key result carries a measure of change besides the count of its own output: a baseline, a
 * percentage, an amount of money, a multiple, a score, or a later clause that states a change.
 */
function hasOutcomeMeasure(analysis: TextAnalysis): boolean {
  if (analysis.hasBaseline) return true;
  if (
    analysis.values.some(
      (value) =>
        value.kind === "percent" ||
        value.kind === "currency" ||
        value.kind === "multiplier" ||
        isOutcomeFigure(analysis, value.start, value.end),
    )
  ) {
    return true;
  }
  // "Critical vulnerabilities patched within 7 days": a turnaround measures how fast, an outcome of time.
  if (
    analysis.language === "en" &&
    analysis.values.some(
      (value) =>
        value.kind === "duration" &&
        value.start > 12 &&
        /\b(?:within|in under|in less than|under|takes?|taking|below)\s$/i.test(
          analysis.text.slice(Math.max(0, value.start - 16), value.start),
        ),
    )
  )
    return true;
  const lastFigure = analysis.values[analysis.values.length - 1];
  if (!lastFigure) return false;
  return analysis.clauses.slice(1).some((clause) => {
    if (lastFigure.start < clause.start) return false;
    const predicate = readClause(clause.text, analysis.language);
    return predicate.kind === "change" || predicate.kind === "outcome";
  });
}

// "Release cadence from monthly to weekly", "例会从每月一次改为每周": a change of frequency states both ends.
const CADENCE_WORD =
  "(?:hourly|daily|nightly|weekly|bi-?weekly|fortnightly|monthly|quarterly|yearly|annually|every (?:day|week|month|quarter|year|sprint))";
const CADENCE_CHANGE_EN = new RegExp(`\\bfrom ${CADENCE_WORD} to ${CADENCE_WORD}\\b`, "i");
const CADENCE_CHANGE_ZH = /(?:从|由)每[天日周月季年][^，,；;。]{0,8}(?:到|至|改为|变为)每[天日周月季年]/;

/** Whether the words alone describe an end state that is either reached or not. */
function hasVerifiableEndState(analysis: TextAnalysis): boolean {
  const { predicate, language } = analysis;
  if ((language === "zh" ? CADENCE_CHANGE_ZH : CADENCE_CHANGE_EN).test(analysis.text)) return true;
  if (predicate.kind === "deliver" || predicate.kind === "activity") return !predicate.isOpenEnded;
  const core = predicate.core;
  if ((language === "zh" ? ZERO_STATE_ZH : ZERO_STATE_EN).test(core)) return true;
  if (language === "zh" && ZERO_INCIDENTS_ZH.test(core)) return true;
  if ((language === "zh" ? CHECKED_ENDING_ZH : CHECKED_ENDING_EN).test(core)) return true;
  // "Every new hire has a buddy", "所有门店都有值班经理": a state of everyone or everything is checked by looking.
  if ((language === "zh" ? UNIVERSAL_ZH : UNIVERSAL_EN).test(core)) return true;
  if (predicate.kind === "outcome") {
    if ((language === "zh" ? CONCRETE_OUTCOME_ZH : CONCRETE_OUTCOME_EN).test(predicate.verb)) return true;
    return (language === "zh" ? CHECKABLE_OBJECT_ZH : CHECKABLE_OBJECT_EN).test(predicate.object);
  }
  return false;
}

/** What the structured fields of a key result say, independent of its words. */
export type StructuredFields = {
  /** Lower-cased `type`, or null. */
  type: string | null;
  /** `milestone` and `boolean` key results are verified by being done, not by a number. */
  isDoneOrNot: boolean;
  /** A `startValue` was given (0 counts). */
  hasStart: boolean;
  /** A `targetValue` was given. */
  hasTarget: boolean;
};

// Where an English sentence ends and the next begins: "…for new users. Change the default…".
const EN_SENTENCE_BREAK = /(?<=[a-z)])\.\s+(?=[A-Z])/;

/**
 * "Search: Improve search experience for new users. Change default to literal search, add result type tabs.":
 * a change with no measure that the next sentences spell out as bounded deliverables is those deliverables.
 * The predicate of the first of them, or null.
 */
function spelledOutDeliverable(analysis: TextAnalysis): Predicate | null {
  if (analysis.language !== "en" || analysis.values.length > 0) return null;
  if (analysis.predicate.kind === "deliver" || analysis.predicate.kind === "activity") return null;
  for (const sentence of analysis.text.split(EN_SENTENCE_BREAK).slice(1)) {
    const [first] = splitClauses(sentence);
    if (!first) continue;
    const predicate = readClause(first.text, "en");
    if (predicate.kind === "deliver" && !predicate.isOpenEnded) return predicate;
  }
  return null;
}

/** Reads a key result in the decision order above. */
export function readKeyResult(analysis: TextAnalysis, structured: StructuredFields): KeyResultReading {
  if (spelledOutDeliverable(analysis)) {
    return { isTask: !hasOutcomeMeasure(analysis), isMeasurable: true, isOpenEnded: false };
  }
  const { predicate } = analysis;
  const isDoing = predicate.kind === "deliver" || predicate.kind === "activity";
  // "New logo approved by the exec team", "切换方案获批": a deliverable that ends on a check is that check.
  const endsChecked = (analysis.language === "zh" ? CHECKED_ENDING_ZH : CHECKED_ENDING_EN).test(
    predicate.core,
  );
  const isTask = isDoing && !endsChecked && !hasOutcomeMeasure(analysis);
  const isMeasurable =
    structured.isDoneOrNot ||
    structured.hasTarget ||
    analysis.values.length > 0 ||
    hasVerifiableEndState(analysis);
  return { isTask, isMeasurable, isOpenEnded: isDoing && predicate.isOpenEnded };
}
