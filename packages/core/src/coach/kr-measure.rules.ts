import type { KeyResultContext, RawFinding } from "./context.ts";
import { measuredParts } from "./kr-compound.rules.ts";
import type { TextAnalysis } from "./text-analysis.ts";
import { isBaseline } from "./text-analysis.ts";

// Outcomes that are checked by their very nature: a contract is signed or not, an audit passed or not.
const CONCRETE_OUTCOME_ZH = /^(?:签约|签下|新签|拿下|中标|成交|通过|售出|卖出|回款|招聘|招募|清零|消除|杜绝)/;
const CONCRETE_OUTCOME_EN =
  /^(?:sign|close|pass|hire|recruit|sell|book|renew|certify|get certified|onboard|eliminate)$/;
// Other outcome verbs need a checkable object: "获得 ISO 认证" is, "赢得客户认可" and "win new customers" are not.
const CHECKABLE_OBJECT_ZH =
  /所有|全部|全量|认证|审计|审核|验收|评审|考试|测评|检查|合同|订单|融资|牌照|资质|专利|奖|批准|许可|备案|盈利|上市|扭亏|收支平衡/;
const CHECKABLE_OBJECT_EN =
  /\b(?:all|every|audit|certification|certified|certificate|exam|inspection|review|assessment|contract|deal|account|customer|client|logo|partner|partnership|tender|bid|award|funding|round|licen[cs]e|approval|patent|profitab\w*|break[- ]even|ipo|compliance|soc ?2|iso|gdpr|hipaa|pci)\b/i;

// "全年无重大事故", "No Sev-1 incidents", "Zero data breaches": a state of zero is checked by looking.
const ZERO_STATE_ZH =
  /^(?:确保|保证|实现|做到|保持)?(?:全年|全程|全季度|本季度|季度内|年内)?(?:无|零|杜绝|消除|清零|不发生|未发生|没有)/;
const ZERO_STATE_EN = /^(?:(?:ensure|maintain|keep|have|with) )?(?:no|zero|eliminate|eliminated|without)\b/i;

// "SOC 2 审计一次通过", "Budget approved by the board": the clause ends on a checked result.
const CHECKED_ENDING_ZH = /(?:通过|达标|获批|合格|获证|取证|中标|签约|落地验收)[。.!！]?$/;
const CHECKED_ENDING_EN =
  /\b(?:passed|approved|certified|granted|signed|accepted|awarded)\b(?: by [^,]{1,40})?[.!]?$/i;

/**
 * Whether anything tells how to know the key result was achieved: a figure, a structured target, a
 * done-or-not type, a bounded deliverable or a checkable outcome.
 */
function isMeasurable(keyResult: KeyResultContext): boolean {
  const { analysis, structured } = keyResult;
  if (structured.isDoneOrNot || structured.hasTarget) return true;
  if (analysis.values.length > 0) return true;
  return hasVerifiableEndState(analysis);
}

/** Whether the words alone describe an end state that is either reached or not. */
function hasVerifiableEndState(analysis: TextAnalysis): boolean {
  const { predicate, language } = analysis;
  if (predicate.kind === "output") return !predicate.isOpenEnded;
  const core = predicate.core;
  if ((language === "zh" ? ZERO_STATE_ZH : ZERO_STATE_EN).test(core)) return true;
  if ((language === "zh" ? CHECKED_ENDING_ZH : CHECKED_ENDING_EN).test(core)) return true;
  if (predicate.kind === "outcome") {
    if ((language === "zh" ? CONCRETE_OUTCOME_ZH : CONCRETE_OUTCOME_EN).test(predicate.verb)) return true;
    return (language === "zh" ? CHECKABLE_OBJECT_ZH : CHECKABLE_OBJECT_EN).test(predicate.object);
  }
  return false;
}

/** `kr.not_measurable`: nothing says how to tell the key result was achieved. */
export function checkMeasurable(keyResult: KeyResultContext): RawFinding[] {
  if (isMeasurable(keyResult)) return [];
  const { predicate, original: text } = keyResult.analysis;
  return [
    {
      code: "kr.not_measurable",
      target: keyResult.target,
      params: {
        text,
        verb: predicate.verb,
        object: predicate.object,
        core: predicate.core,
        isOpenEnded: predicate.kind === "activity" || predicate.isOpenEnded,
      },
    },
  ];
}

/**
 * In a compound key result each result needs its own starting point: "留存率由 50% 提升至 80%，并且流失率低于
 * 5%" states one and not the other.
 */
function hasPartWithoutBaseline(analysis: TextAnalysis): boolean {
  const parts = measuredParts(analysis);
  if (parts.length < 2) return false;
  return parts.some((part) => {
    const end = part.start + part.text.length;
    const inPart = analysis.values.filter((value) => value.start >= part.start && value.end <= end);
    return !inPart.some((value) => isBaseline(analysis.text, value, analysis.values, analysis.language));
  });
}

/**
 * `kr.no_baseline`: a numeric target with no starting point in the words or in `startValue`. Done-or-not key
 * results have no baseline to state.
 */
export function checkBaseline(keyResult: KeyResultContext): RawFinding[] {
  const { analysis, structured } = keyResult;
  if (structured.isDoneOrNot || structured.hasStart) return [];
  if (analysis.hasBaseline && !hasPartWithoutBaseline(analysis)) return [];
  const target = analysis.values[analysis.values.length - 1];
  if (!target && !structured.hasTarget) return [];
  const metric = target?.raw ?? String(keyResult.input.targetValue ?? "");
  return [{ code: "kr.no_baseline", target: keyResult.target, params: { text: analysis.original, metric } }];
}
