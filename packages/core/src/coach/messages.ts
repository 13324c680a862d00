import type { CoachCode } from "./codes.ts";
import type { OutcomeSuggestion } from "./task-advice.ts";
import type { CoachLocale } from "./types.ts";

/** Details a rule passes on so the message can quote the user's own words. */
export type MessageParams = {
  /** The objective or key result as normalised. */
  text?: string;
  /** The governing verb ("上线", "launch"). */
  verb?: string;
  /** What the verb governs. */
  object?: string;
  /** The clause without its deadline, hedge or label. */
  core?: string;
  /** The figure concerned ("20%", "一百万"). */
  metric?: string;
  /** The hedge found ("争取", "try to"). */
  hedge?: string;
  /** The key result with its hedges removed. */
  rewrite?: string;
  /** The separate results of a compound key result. */
  parts?: string[];
  /** A count: key results, objectives, characters or words. */
  count?: number;
  /** The limit the count is compared with. */
  limit?: number;
  /** 1-based numbers of two duplicate key results. */
  first?: number;
  second?: number;
  /** Whether the activity has no end state of its own. */
  isOpenEnded?: boolean;
  /** An outcome key result built from a task's own words, with x/y placeholders. */
  outcome?: OutcomeSuggestion;
  /** The value the same measure ended at last cycle, as written. */
  previousValue?: string;
  /** The key result of last cycle that had the same measure. */
  previousTitle?: string;
};

/** The words of one finding. */
export type FindingText = { message: string; suggestion: string };

type Template = (params: MessageParams) => FindingText;

function clip(text: string | undefined, max = 40): string {
  const value = (text ?? "").trim();
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

const zh = (text: string | undefined): string => `「${clip(text)}」`;
const en = (text: string | undefined): string => `"${clip(text, 60)}"`;

const ZH: Record<CoachCode, Template> = {
  "objective.has_metric": (p) => ({
    message: `目标里带了数字或指标（${zh(p.metric)}）。目标应描述想达到的状态，数字属于关键结果。`,
    suggestion: `把${zh(p.metric)}移到关键结果里去衡量，目标改写成这个数字所代表的变化。例如把「门店营收翻番」改成「让门店成为社区居民的首选」，再用「单店月营收从 30 万元增长到 60 万元」作为关键结果。`,
  }),
  "objective.is_task": (p) => ({
    message: `目标${zh(p.text)}是一项要完成的工作${p.verb ? `（${p.verb}）` : ""}，而不是想要的状态或变化。`,
    suggestion: `问自己：“${clip(p.core, 24)}之后，什么会变得不同？”把答案写成目标。例如把「搭建统一的客户数据平台」改成「让每个业务团队都能随时拿到可信的客户数据」；${zh(p.core)}这项工作本身放进行动计划，或作为某条关键结果的举措。`,
  }),
  "objective.too_long": (p) => ({
    message: `目标有 ${p.count ?? 0} 个字，超过 ${p.limit ?? 30} 个字，难记也难传播。`,
    suggestion: `只保留一个核心意图，压缩到 ${p.limit ?? 30} 字以内；原因、范围和做法放进目标描述或关键结果。例如「让老客户愿意持续回购并主动推荐我们」。`,
  }),
  "objective.committed_stretch": (p) => ({
    message: `这是承诺型目标（应当 100% 达成），但关键结果${zh(p.text)}读起来是一次冲刺${p.metric ? `（${p.metric}）` : ""}。`,
    suggestion: `如果这是必须兑现的承诺，把目标值定在有把握达成的水平；如果这是想去够一够的挑战，把目标改成挑战型——挑战型目标达成 60%–70% 就算成功。`,
  }),
  "objective.aspirational_routine": (p) => ({
    message: `这是挑战型目标，但关键结果都在维持现状（例如${zh(p.text)}），看不出要去够的高度。`,
    suggestion: `维持现状的事情更适合作为承诺型目标（应当 100% 达成）；若要保留挑战型，至少写一条明显高于现状、只有六七成把握的关键结果，例如把「客户满意度保持在 90%」改成「客户满意度从 90% 提升到 96%」。`,
  }),
  "kr.not_measurable": (p) =>
    p.isOpenEnded
      ? {
          message: `${zh(p.text)}是一项持续的活动，没有数字、目标值，也没有可验证的完成状态，无法判断是否达成。`,
          suggestion: `写出这项活动要带来的结果，并给出起点和目标值。例如把「推进精益生产」改成「单位产品制造成本从 86 元降到 75 元」；${zh(p.core)}这项活动本身放进行动计划。`,
        }
      : {
          message: `${zh(p.text)}没有数字、目标值或可验证的完成状态，无法判断是否达成。`,
          suggestion: `写出衡量${p.object ? zh(p.object) : "它"}的指标、起点和目标值，写成「某指标从 X 提升到 Y」。例如把「提升门店服务质量」改成「门店神秘访客评分从 78 分提升到 90 分」。`,
        },
  "kr.is_task": (p) => ({
    message: `${zh(p.text)}是一项工作或交付物，不是结果：做完了，也说明不了有没有带来改变。`,
    suggestion: p.outcome
      ? `问自己：“${clip(p.core, 24)}之后，什么会改变？”把这个变化写成关键结果，例如改成「${p.outcome["zh-CN"]}」（把 x、y 换成当前值和目标值）；${zh(p.core)}本身放进行动计划。`
      : `问自己：“${clip(p.core, 24)}之后，什么指标会改变？”把这个变化写成关键结果。例如把「完成 3 次客户培训」改成「参训客户的 30 日活跃率从 40% 提升到 60%」；${zh(p.core)}本身放进行动计划。`,
  }),
  "kr.weasel_words": (p) => ({
    message: `${zh(p.hedge)}削弱了承诺：关键结果要说清楚达到什么，而不是会不会尽力。`,
    suggestion: `去掉${zh(p.hedge)}，直接写承诺：${zh(p.rewrite)}。如果把握不大，就把目标值定得更现实，或明确标为挑战型关键结果。`,
  }),
  "kr.compound": (p) => ({
    message: `一条关键结果里放了 ${p.count ?? 2} 个独立的结果：${(p.parts ?? []).map((part) => zh(part)).join("、")}。`,
    suggestion: `拆成 ${p.count ?? 2} 条关键结果分别衡量：${(p.parts ?? []).map((part) => zh(part)).join("；")}。如果其中一个只是底线，把它写明为护栏指标。`,
  }),
  "kr.no_baseline": (p) => ({
    message: `${zh(p.text)}有目标值（${clip(p.metric, 20)}），但没有写起点，看不出要进步多少。`,
    suggestion: p.previousValue
      ? `上个周期的${zh(p.previousTitle)}最后是 ${clip(p.previousValue, 20)}：可以把它作为起点，写成「从 ${clip(p.previousValue, 20)} 到 ${clip(p.metric, 20)}」，或在起始值（startValue）里填上 ${clip(p.previousValue, 20)}。`
      : `补上当前值，写成「从 X 到 ${clip(p.metric, 20)}」，或在起始值（startValue）里填上起点；如果还没有数据，第一步就是先测出基线。`,
  }),
  "set.no_krs": () => ({
    message: "这个目标还没有关键结果，无法衡量是否达成。",
    suggestion:
      "补充 2–4 条关键结果，每条写一个可衡量的变化（指标、起点、目标值），例如「首次响应时间从 4 小时缩短到 1 小时」。",
  }),
  "set.one_kr": () => ({
    message: "只有一条关键结果，目标的达成全押在一个指标上。",
    suggestion:
      "再补 1–2 条从不同角度衡量的关键结果（例如质量或客户感受），并考虑加一个护栏指标，避免为了单一数字牺牲其他方面。",
  }),
  "set.too_many_krs": (p) => ({
    message: `有 ${p.count ?? 0} 条关键结果，超过 ${p.limit ?? 5} 条，重点会被稀释。`,
    suggestion: `保留最能说明目标达成的 3–${p.limit ?? 5} 条，其余移到别的目标，或作为日常指标持续跟踪。`,
  }),
  "set.duplicate_krs": (p) => ({
    message: `第 ${p.first ?? 1} 条和第 ${p.second ?? 2} 条关键结果说的是同一件事（同一指标、几乎相同的措辞）。`,
    suggestion: "删掉其中一条，或把它改成衡量目标另一个方面的指标（例如把第二条换成质量或留存类指标）。",
  }),
  "set.too_many_objectives": (p) => ({
    message: `负责人本周期有 ${p.count ?? 0} 个目标，超过 ${p.limit ?? 5} 个，精力会被分散。`,
    suggestion: `聚焦最重要的 3–${p.limit ?? 5} 个目标；其余的合并、转为日常工作，或推迟到下个周期。`,
  }),
};

const EN: Record<CoachCode, Template> = {
  "objective.has_metric": (p) => ({
    message: `The objective carries a number or metric (${en(p.metric)}). An objective states the change you want; numbers belong in key results.`,
    suggestion: `Move ${en(p.metric)} into a key result and phrase the objective as the state it stands for. For example, instead of "Double self-serve revenue", write "Make self-serve our main growth engine" with the key result "Self-serve revenue from $2M to $4M".`,
  }),
  "objective.is_task": (p) => ({
    message: `The objective ${en(p.text)} names a task to finish${p.verb ? ` ("${p.verb}")` : ""}, not a state or change that matters.`,
    suggestion: `Ask what will be different once ${en(p.core)} is done, and make that the objective. For example, instead of "Launch the partner portal", write "Let partners sell us without our help"; keep the work itself in the plan or as an initiative under a key result.`,
  }),
  "objective.too_long": (p) => ({
    message: `The objective is ${p.count ?? 0} words long, more than ${p.limit ?? 18}; it is hard to remember and repeat.`,
    suggestion: `Keep one intent in at most ${p.limit ?? 18} words and move the why, the scope and the how into the description or the key results. For example: "Help small businesses get paid on time".`,
  }),
  "objective.committed_stretch": (p) => ({
    message: `This objective is committed (expected to reach 1.0), yet the key result ${en(p.text)} reads like a stretch${p.metric ? ` (${p.metric})` : ""}.`,
    suggestion: `If it is a promise, set targets you are confident to hit; if it is a bet worth reaching for, make the objective aspirational, where 0.6–0.7 counts as success.`,
  }),
  "objective.aspirational_routine": (p) => ({
    message: `This objective is aspirational, yet its key results only hold the current level (such as ${en(p.text)}): nothing to reach for.`,
    suggestion: `Keeping things as they are is a committed objective (expected to reach 1.0). To keep it aspirational, add at least one key result well above today that you are only 60–70% sure of, e.g. "Customer satisfaction from 90% to 96%" instead of "Keep customer satisfaction at 90%".`,
  }),
  "kr.not_measurable": (p) =>
    p.isOpenEnded
      ? {
          message: `${en(p.text)} is an ongoing activity with no number, target or end state, so nobody can tell whether it was achieved.`,
          suggestion: `State the result the activity should produce, with a start and a target. For example, instead of "Engage with members", write "Members attending at least one event per quarter from 20% to 45%"; keep the activity in the plan.`,
        }
      : {
          message: `${en(p.text)} has no number, target or verifiable end state, so nobody can tell whether it was achieved.`,
          suggestion: `Name the measure behind ${p.object ? en(p.object) : "it"} with a start and a target: "<measure> from X to Y". For example, instead of "Improve the hiring process", write "Median days from application to offer from 40 to 25".`,
        },
  "kr.is_task": (p) => ({
    message: `${en(p.text)} is an activity or a deliverable — a to-do. Finishing it doesn't show it made a difference.`,
    suggestion: p.outcome
      ? `Ask what will be different once ${en(p.core)} is done, and make that the key result — for example "${p.outcome.en}" (put the current value for x and the target for y); keep the work itself as an initiative in the plan.`
      : `Ask which measure should move once ${en(p.core)} is done, and make that the key result. For example, instead of "Run 3 customer trainings", write "30-day active rate of trained customers from 40% to 60%"; keep the work as an initiative in the plan.`,
  }),
  "kr.weasel_words": (p) => ({
    message: `${en(p.hedge)} hedges the key result and takes the commitment out of it.`,
    suggestion: `Drop ${en(p.hedge)} and commit: ${en(p.rewrite)}. If the target feels out of reach, set a realistic one or mark the key result as a stretch goal.`,
  }),
  "kr.compound": (p) => ({
    message: `This key result bundles ${p.count ?? 2} separate results: ${(p.parts ?? []).map((part) => en(part)).join(" and ")}.`,
    suggestion: `Split it into ${p.count ?? 2} key results, each with its own measure: ${(p.parts ?? []).map((part) => en(part)).join("; ")}. If one of them is only a floor, label it as a guardrail.`,
  }),
  "kr.no_baseline": (p) => ({
    message: `${en(p.text)} sets a target (${clip(p.metric, 20)}) but no starting point, so nobody can tell how much progress it asks for.`,
    suggestion: p.previousValue
      ? `Last cycle, ${en(p.previousTitle)} ended at ${clip(p.previousValue, 20)}: start from there — "from ${clip(p.previousValue, 20)} to ${clip(p.metric, 20)}" — or put ${clip(p.previousValue, 20)} in the start value.`
      : `State where you start — "from X to ${clip(p.metric, 20)}" — or fill in the start value; if you don't know the current number yet, measuring it is the first step.`,
  }),
  "set.no_krs": () => ({
    message: "This objective has no key results, so there is no way to tell whether it was achieved.",
    suggestion: `Add 2–4 key results, each a measurable change with a start and a target, such as "First response time from 4 hours to 1 hour".`,
  }),
  "set.one_kr": () => ({
    message: "There is only one key result: the whole objective rides on a single number.",
    suggestion:
      "Add 1–2 key results that look at the objective from another angle (quality, customer experience), and consider a guardrail so the one number isn't hit at the expense of everything else.",
  }),
  "set.too_many_krs": (p) => ({
    message: `There are ${p.count ?? 0} key results, more than ${p.limit ?? 5}; focus gets diluted.`,
    suggestion: `Keep the 3–${p.limit ?? 5} that best show the objective was achieved; move the rest to another objective or track them as health metrics.`,
  }),
  "set.duplicate_krs": (p) => ({
    message: `Key results ${p.first ?? 1} and ${p.second ?? 2} say the same thing (same measure, near-identical words).`,
    suggestion:
      "Delete one of them, or replace it with a measure of another side of the objective (quality, retention, cost).",
  }),
  "set.too_many_objectives": (p) => ({
    message: `The owner has ${p.count ?? 0} objectives this cycle, more than ${p.limit ?? 5}; attention gets spread thin.`,
    suggestion: `Focus on the 3–${p.limit ?? 5} objectives that matter most; merge the rest, turn them into routine work, or move them to the next cycle.`,
  }),
};

/** The message and suggestion for a finding, in the requested locale. */
export function renderFinding(code: CoachCode, locale: CoachLocale, params: MessageParams): FindingText {
  return (locale === "zh-CN" ? ZH : EN)[code](params);
}
