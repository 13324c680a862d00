import type { CoachFinding } from "@luodi/client";

/** A key result of an example, with the structured fields the coach reads. */
type ExampleKeyResult = {
  title: string;
  type?: "number" | "percentage" | "currency" | "milestone" | "boolean";
  startValue?: number;
  targetValue?: number;
};

/** An OKR shown as an example, exactly as the coach is asked to review it. */
export type ExampleOkr = {
  objective: string;
  keyResults: ExampleKeyResult[];
  /** How many objectives the owner has in the cycle, for the rule about too many objectives. */
  ownerObjectiveCount?: number;
  /** Committed or aspirational, for the rules about the kind. */
  kind?: "committed" | "aspirational";
};

/** One coach rule taught in one language: why it matters, a bad OKR that breaks it, a good one that does not. */
export type RuleLesson = { title: string; why: string; bad: ExampleOkr; good: ExampleOkr };

/** A coach rule with its lesson in each language. */
export type RuleExamples = { code: CoachFinding["code"]; zh: RuleLesson; en: RuleLesson };

// Clean key results to complete an example whose point is elsewhere.
const ZH_KRS: ExampleKeyResult[] = [
  { title: "付费客户数从 120 家增长到 200 家" },
  { title: "客户续约率从 85% 提升到 93%" },
  { title: "新客户首月激活率从 40% 提升到 60%" },
];
const EN_KRS: ExampleKeyResult[] = [
  { title: "Paying customers from 120 to 200" },
  { title: "Renewal rate from 85% to 93%" },
  { title: "First-month activation of new customers from 40% to 60%" },
];
const ZH_O = "成为华东中型企业的首选供应商";
const EN_O = "Become the first choice of mid-sized firms in our region";

/** The same objective with one key result replaced at the front. */
const zhWith = (kr: ExampleKeyResult): ExampleOkr => ({
  objective: ZH_O,
  keyResults: [kr, ...ZH_KRS.slice(1)],
});
const enWith = (kr: ExampleKeyResult): ExampleOkr => ({
  objective: EN_O,
  keyResults: [kr, ...EN_KRS.slice(1)],
});

/**
 * Every rule of the coach's catalogue, with a bad and a good example per language. coach-examples.test.ts
 * checks that the coach finds the rule's code in each bad example and not in the good one.
 */
export const RULE_EXAMPLES: readonly RuleExamples[] = [
  {
    code: "objective.has_metric",
    zh: {
      title: "目标里不放数字",
      why: "目标描述方向和状态，数字是用来衡量它的，属于关键结果。目标里塞满数字，大家就只盯着数字，忘了为什么出发。",
      bad: { objective: "今年营收增长 30%", keyResults: ZH_KRS },
      good: { objective: ZH_O, keyResults: ZH_KRS },
    },
    en: {
      title: "Keep numbers out of the objective",
      why: "An objective names a direction; the numbers that measure it belong in the key results. A number in the objective makes people chase the figure and forget the purpose.",
      bad: { objective: "Grow revenue by 30% this year", keyResults: EN_KRS },
      good: { objective: EN_O, keyResults: EN_KRS },
    },
  },
  {
    code: "objective.is_task",
    zh: {
      title: "目标是状态，不是任务",
      why: "目标应当是一种值得追求的状态或变化，而不是一项要做完的工作。工作放进行动计划里。",
      bad: { objective: "上线新版客户门户", keyResults: ZH_KRS },
      good: { objective: "让客户随时都能自助办理业务", keyResults: ZH_KRS },
    },
    en: {
      title: "An objective is a state, not a task",
      why: "An objective is a state or change worth reaching, not a piece of work to finish. The work goes into the plan.",
      bad: { objective: "Launch the new customer portal", keyResults: EN_KRS },
      good: { objective: "Customers can serve themselves at any time", keyResults: EN_KRS },
    },
  },
  {
    code: "objective.too_long",
    zh: {
      title: "目标要短",
      why: "好的目标一句话就能记住、能传播。原因和做法写进描述，不要挤进标题。",
      bad: {
        objective: "通过持续优化产品体验和服务流程让华东地区的中型企业客户都愿意长期选择我们并主动推荐",
        keyResults: ZH_KRS,
      },
      good: { objective: "让客户愿意长期选择并主动推荐我们", keyResults: ZH_KRS },
    },
    en: {
      title: "Keep the objective short",
      why: "A good objective is short enough to remember and repeat. Reasons and methods go into the description.",
      bad: {
        objective:
          "By continuously improving our product experience and service processes, make mid-sized customers in our region choose us for the long term and recommend us",
        keyResults: EN_KRS,
      },
      good: { objective: "Customers stay with us and recommend us", keyResults: EN_KRS },
    },
  },
  {
    code: "objective.committed_stretch",
    zh: {
      title: "承诺型目标要有把握",
      why: "承诺型目标是对别人的承诺，应当 100% 达成。想去够一够的冲刺目标，就写成挑战型：达成六七成就算成功。",
      bad: {
        objective: "让老客户持续回购",
        kind: "committed",
        keyResults: [
          {
            title: "复购收入翻一番，从 500 万元到 1000 万元",
            type: "currency",
            startValue: 500,
            targetValue: 1000,
          },
          { title: "复购客户占比从 35% 提升到 38%" },
        ],
      },
      good: {
        objective: "让老客户持续回购",
        kind: "committed",
        keyResults: [
          {
            title: "复购收入从 500 万元增长到 560 万元",
            type: "currency",
            startValue: 500,
            targetValue: 560,
          },
          { title: "复购客户占比从 35% 提升到 38%" },
        ],
      },
    },
    en: {
      title: "A committed objective is a promise",
      why: "A committed objective is a promise to others, expected to reach 1.0. A stretch worth reaching for is aspirational: 0.6–0.7 counts as success.",
      bad: {
        objective: "Existing customers keep buying from us",
        kind: "committed",
        keyResults: [
          { title: "Double repeat revenue from 5M to 10M", type: "currency", startValue: 5, targetValue: 10 },
          { title: "Share of customers who buy again from 35% to 38%" },
        ],
      },
      good: {
        objective: "Existing customers keep buying from us",
        kind: "committed",
        keyResults: [
          { title: "Repeat revenue from 5.0M to 5.6M", type: "currency", startValue: 5, targetValue: 5.6 },
          { title: "Share of customers who buy again from 35% to 38%" },
        ],
      },
    },
  },
  {
    code: "objective.aspirational_routine",
    zh: {
      title: "挑战型目标要有高度",
      why: "挑战型目标是要去够的高度。只维持现状的关键结果，更适合写成承诺型目标。",
      bad: {
        objective: "让客户爱上我们的服务",
        kind: "aspirational",
        keyResults: [{ title: "客户满意度保持在 90% 以上" }, { title: "首次响应时间维持在 2 小时以内" }],
      },
      good: {
        objective: "让客户爱上我们的服务",
        kind: "aspirational",
        keyResults: [
          { title: "客户满意度从 90% 提升到 96%" },
          { title: "首次响应时间从 2 小时缩短到 20 分钟" },
        ],
      },
    },
    en: {
      title: "An aspirational objective reaches higher",
      why: "An aspirational objective is something to reach for. Key results that only hold today's level belong to a committed objective.",
      bad: {
        objective: "Customers love our support",
        kind: "aspirational",
        keyResults: [
          { title: "Keep customer satisfaction at 90%" },
          { title: "Maintain first reply under 2 hours" },
        ],
      },
      good: {
        objective: "Customers love our support",
        kind: "aspirational",
        keyResults: [
          { title: "Customer satisfaction from 90% to 96%" },
          { title: "First reply time from 2 hours to 20 minutes" },
        ],
      },
    },
  },
  {
    code: "kr.not_measurable",
    zh: {
      title: "关键结果必须可衡量",
      why: "关键结果必须能判断是否达成：一个指标、起点和目标值，或一个可验证的完成状态。",
      bad: zhWith({ title: "提升客户满意度" }),
      good: zhWith({ title: "客户满意度从 78 分提升到 90 分" }),
    },
    en: {
      title: "A key result must be measurable",
      why: "A key result must tell you whether it was achieved: a measure with a start and a target, or a verifiable end state.",
      bad: enWith({ title: "Improve customer satisfaction" }),
      good: enWith({ title: "Customer satisfaction from 78 to 90" }),
    },
  },
  {
    code: "kr.is_task",
    zh: {
      title: "关键结果是结果，不是待办",
      why: "关键结果衡量的是结果，而不是做了多少事。培训做完了，客户未必更会用。",
      bad: zhWith({ title: "完成 3 次客户培训" }),
      good: zhWith({ title: "客户自助解决问题的比例从 40% 提升到 60%" }),
    },
    en: {
      title: "A key result is an outcome, not a to-do",
      why: "A key result measures an outcome, not how much work was done. Training held is not customers who can use the product.",
      bad: enWith({ title: "Run 3 customer training sessions" }),
      good: enWith({ title: "Share of customers who solve issues on their own from 40% to 60%" }),
    },
  },
  {
    code: "kr.weasel_words",
    zh: {
      title: "不用含糊的词",
      why: "“努力”“争取”让关键结果失去承诺。没把握时，就定一个现实的目标值，或标明它是挑战型的。",
      bad: zhWith({ title: "争取付费客户数从 120 家增长到 200 家" }),
      good: zhWith({ title: "付费客户数从 120 家增长到 200 家" }),
    },
    en: {
      title: "No hedging words",
      why: '"Try to" and "hopefully" take the commitment out of a key result. When unsure, set a realistic target or mark it aspirational.',
      bad: enWith({ title: "Try to grow paying customers from 120 to 200" }),
      good: enWith({ title: "Paying customers from 120 to 200" }),
    },
  },
  {
    code: "kr.compound",
    zh: {
      title: "一条关键结果只衡量一件事",
      why: "一条关键结果只衡量一件事。两件事放在一起，一个达成一个没达成时就无法打分。",
      bad: zhWith({ title: "付费客户数从 120 家增长到 200 家，并且客单价从 8 万元提升到 12 万元" }),
      good: {
        objective: ZH_O,
        keyResults: [
          { title: "付费客户数从 120 家增长到 200 家" },
          { title: "新签客单价从 8 万元提升到 12 万元" },
          ...ZH_KRS.slice(1, 2),
        ],
      },
    },
    en: {
      title: "One key result, one measure",
      why: "One key result measures one thing. With two in one, you cannot score it when one is met and the other is not.",
      bad: enWith({ title: "Paying customers from 120 to 200 and average deal size from $8k to $12k" }),
      good: {
        objective: EN_O,
        keyResults: [
          { title: "Paying customers from 120 to 200" },
          { title: "Average deal size from $8k to $12k" },
          ...EN_KRS.slice(1, 2),
        ],
      },
    },
  },
  {
    code: "kr.no_baseline",
    zh: {
      title: "写明起点",
      why: "没有起点，就看不出目标有多大挑战，也算不出进度。写明“从 X 到 Y”，或在起始值里填上当前数字。",
      bad: zhWith({ title: "付费客户数达到 200 家" }),
      good: zhWith({ title: "付费客户数从 120 家增长到 200 家" }),
    },
    en: {
      title: "State the starting point",
      why: 'Without a starting point nobody can tell how ambitious the target is, and progress cannot be computed. Say "from X to Y", or fill in the start value.',
      bad: enWith({ title: "Reach 200 paying customers" }),
      good: enWith({ title: "Paying customers from 120 to 200" }),
    },
  },
  {
    code: "set.no_krs",
    zh: {
      title: "目标要有关键结果",
      why: "没有关键结果的目标只是一个愿望：关键结果说明怎样才算达到了它。",
      bad: { objective: ZH_O, keyResults: [] },
      good: { objective: ZH_O, keyResults: ZH_KRS },
    },
    en: {
      title: "An objective needs key results",
      why: "An objective without key results is a wish: the key results say what reaching it looks like.",
      bad: { objective: EN_O, keyResults: [] },
      good: { objective: EN_O, keyResults: EN_KRS },
    },
  },
  {
    code: "set.one_kr",
    zh: {
      title: "不要只有一条关键结果",
      why: "只有一条关键结果，目标就退化成了一个指标。用三到五条，从不同角度衡量同一个目标。",
      bad: { objective: ZH_O, keyResults: ZH_KRS.slice(0, 1) },
      good: { objective: ZH_O, keyResults: ZH_KRS },
    },
    en: {
      title: "More than one key result",
      why: "With a single key result the objective shrinks to one metric. Use three to five that measure it from different angles.",
      bad: { objective: EN_O, keyResults: EN_KRS.slice(0, 1) },
      good: { objective: EN_O, keyResults: EN_KRS },
    },
  },
  {
    code: "set.too_many_krs",
    zh: {
      title: "关键结果不超过五条",
      why: "关键结果超过五条，注意力就分散了。只留下最能说明目标达成的几条。",
      bad: {
        objective: ZH_O,
        keyResults: [
          ...ZH_KRS,
          { title: "客户净推荐值从 30 分提升到 45 分" },
          { title: "平均成交周期从 45 天缩短到 30 天" },
          { title: "渠道收入占比从 12% 提升到 30%" },
        ],
      },
      good: { objective: ZH_O, keyResults: ZH_KRS },
    },
    en: {
      title: "No more than five key results",
      why: "More than five key results scatter attention. Keep the few that best show the objective was reached.",
      bad: {
        objective: EN_O,
        keyResults: [
          ...EN_KRS,
          { title: "Net Promoter Score from 30 to 45" },
          { title: "Average sales cycle from 45 to 30 days" },
          { title: "Share of revenue from partners from 12% to 30%" },
        ],
      },
      good: { objective: EN_O, keyResults: EN_KRS },
    },
  },
  {
    code: "set.duplicate_krs",
    zh: {
      title: "关键结果不重复",
      why: "两条关键结果说的是同一件事，既重复计分，也浪费了一个衡量角度。",
      bad: {
        objective: ZH_O,
        keyResults: [
          { title: "付费客户数从 120 家增长到 200 家" },
          { title: "付费客户数量从 120 家增加到 200 家" },
          ZH_KRS[1] as ExampleKeyResult,
        ],
      },
      good: { objective: ZH_O, keyResults: ZH_KRS },
    },
    en: {
      title: "No duplicate key results",
      why: "Two key results that say the same thing count the same result twice and waste an angle of measure.",
      bad: {
        objective: EN_O,
        keyResults: [
          { title: "Paying customers from 120 to 200" },
          { title: "Number of paying customers from 120 to 200" },
          EN_KRS[1] as ExampleKeyResult,
        ],
      },
      good: { objective: EN_O, keyResults: EN_KRS },
    },
  },
  {
    code: "set.too_many_objectives",
    zh: {
      title: "每人目标不超过五个",
      why: "一个人一个周期超过五个目标，就等于没有重点。少而精：二到四个目标最好。",
      bad: { objective: ZH_O, keyResults: ZH_KRS, ownerObjectiveCount: 7 },
      good: { objective: ZH_O, keyResults: ZH_KRS, ownerObjectiveCount: 3 },
    },
    en: {
      title: "No more than five objectives each",
      why: "More than five objectives for one person in a cycle means no focus. Fewer is better: two to four is ideal.",
      bad: { objective: EN_O, keyResults: EN_KRS, ownerObjectiveCount: 7 },
      good: { objective: EN_O, keyResults: EN_KRS, ownerObjectiveCount: 3 },
    },
  },
];

/** How much each rule weighs, as the coach's catalogue says (coach-examples.test.ts keeps them equal). */
export const RULE_SEVERITY: Readonly<Record<RuleExamples["code"], CoachFinding["severity"]>> = {
  "objective.has_metric": "warning",
  "objective.is_task": "warning",
  "objective.too_long": "info",
  "objective.committed_stretch": "info",
  "objective.aspirational_routine": "info",
  "kr.not_measurable": "error",
  "kr.is_task": "warning",
  "kr.weasel_words": "warning",
  "kr.compound": "info",
  "kr.no_baseline": "info",
  "set.no_krs": "error",
  "set.one_kr": "info",
  "set.too_many_krs": "warning",
  "set.duplicate_krs": "warning",
  "set.too_many_objectives": "warning",
};
