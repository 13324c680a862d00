/** One chapter of the OKR guide: a heading, short paragraphs, and an optional list. */
export type GuideChapter = { id: string; title: string; paragraphs: string[]; points?: string[] };

/**
 * The guide's chapters, written natively in each language (long prose lives here rather than in the i18n
 * catalogues). The ids are anchors, the same in both languages.
 */
export const GUIDE_CHAPTERS: Readonly<Record<"zh" | "en", readonly GuideChapter[]>> = {
  zh: [
    {
      id: "objective",
      title: "什么是目标（O），什么不是",
      paragraphs: [
        "目标回答“我们要去哪里、为什么重要”。它是一种值得追求的状态或变化，能鼓舞人心，一句话就能记住。",
        "目标不是数字（数字属于关键结果），不是一项要完成的工作（“上线新系统”是任务），也不是日常职责的清单。",
      ],
      points: [
        "好：让客户随时都能自助办理业务",
        "不好：上线新版客户门户（这是任务）",
        "不好：营收增长 30%（这是指标）",
      ],
    },
    {
      id: "key-results",
      title: "好的关键结果（KR）是什么样",
      paragraphs: ["关键结果回答“怎样才算达到了目标”。它衡量的是结果，而不是做了多少事。"],
      points: [
        "衡量结果而不是任务：写“客户自助解决率从 40% 提升到 60%”，而不是“完成 3 次培训”。",
        "可衡量：有指标、起点和目标值，或一个可验证的完成状态。",
        "写明起点：“从 X 到 Y”，这样才看得出挑战有多大，进度也算得出来。",
        "每个目标三到五条，从不同角度衡量同一个目标；每条只衡量一件事。",
      ],
    },
    {
      id: "committed-aspirational",
      title: "承诺型与挑战型",
      paragraphs: [
        "承诺型 OKR 是必须达成的，比如按期交付、守住服务水平：得分应当是 1.0，没达成就要复盘原因。",
        "挑战型 OKR 是有意定得高的目标，代表我们想去但还不知道怎么去的地方：拿到 0.6–0.7 就是很好的结果。写 OKR 时要说清楚它属于哪一种。",
      ],
    },
    {
      id: "scoring",
      title: "如何评分",
      paragraphs: [
        "周期结束时，每条关键结果按 0.0–1.0 打分（步长 0.1）：先由负责人自评，再由上级确认。目标的得分是关键结果的加权平均。",
        "对挑战型 OKR 来说，0.6–0.7 是理想区间：总拿 1.0 说明目标定低了，低于 0.4 则值得认真复盘。",
        "评分是为了学习和改进：它为绩效沟通提供参考，但绝不直接换算成绩效或奖金。",
      ],
      points: ["低于 0.4：红色", "0.4 到 0.7（不含 0.7）：黄色", "0.7 及以上：绿色"],
    },
    {
      id: "alignment",
      title: "如何对齐",
      paragraphs: [
        "OKR 自上而下分四级：公司年度 OKR → 公司季度 OKR → 部门季度 OKR → 个人季度 OKR。每个目标可以向上对齐到一个上级目标或关键结果，说明它在为什么服务。",
        "对齐不是分派任务：上级说明方向，下级自己提出怎样贡献。需要其他团队配合时，用“协同”关联对方的目标，横向的协同不影响进度计算。",
      ],
    },
    {
      id: "check-ins",
      title: "每周更新、信心指数与状态",
      paragraphs: [
        "每周花一分钟更新每条关键结果：当前值、信心指数（0–10，你有多大把握在周期末达成）和一句说明。",
        "状态由系统根据进度、时间和信心自动得出：信心 ≤ 3 或进度明显落后于时间为“落后”，信心 ≤ 6 或略有落后为“有风险”，否则为“正常”。信心指数在第一次更新时才填写，此前只看进度和时间；草稿和待审批的 OKR 还没有状态。周会只需要讨论有风险和落后的部分。",
      ],
    },
    {
      id: "retrospective",
      title: "复盘",
      paragraphs: [
        "评分之后，每个目标都要复盘：哪些做得好、哪些没做好、学到了什么、哪些要带进下一个周期。",
        "复盘对事不对人。没达成的挑战型目标同样有价值，关键是说清楚原因，并把经验用在下一个周期。",
      ],
    },
    {
      id: "rollout",
      title: "OKR 落地的步骤",
      paragraphs: ["OKR 能否落地，取决于整个节奏是否跑起来，而不只是写好几条目标。"],
      points: [
        "高层推动：管理层先写好公司 OKR，并亲自参与每周更新和复盘。",
        "培训：让每个人学会写好目标和关键结果、学会打分，这份指南和 OKR 教练就是为此准备的。",
        "四级流程：公司年度 → 公司季度 → 部门 → 个人，层层对齐。",
        "工作模式：制定 → 对齐 → 发布 → 每周更新 → 评分 → 复盘，周而复始。",
      ],
    },
  ],
  en: [
    {
      id: "objective",
      title: "What an objective is, and is not",
      paragraphs: [
        'An objective answers "where are we going, and why does it matter?" It is a state or change worth reaching: inspiring, and short enough to remember.',
        'An objective is not a number (numbers belong in key results), not a piece of work to finish ("launch the new system" is a task), and not a list of day-to-day duties.',
      ],
      points: [
        "Good: Customers can serve themselves at any time",
        "Not good: Launch the new customer portal (a task)",
        "Not good: Grow revenue by 30% (a metric)",
      ],
    },
    {
      id: "key-results",
      title: "What makes a good key result",
      paragraphs: [
        'A key result answers "how will we know we got there?" It measures an outcome, not the amount of work done.',
      ],
      points: [
        'An outcome, not a task: "self-service resolution from 40% to 60%", not "run 3 training sessions".',
        "Measurable: a measure with a start and a target, or an end state anyone can verify.",
        'A baseline: "from X to Y" shows how ambitious it is and lets progress be computed.',
        "Three to five per objective, each looking at it from another angle, each measuring one thing.",
      ],
    },
    {
      id: "committed-aspirational",
      title: "Committed versus aspirational",
      paragraphs: [
        "A committed OKR must be met — a delivery date, a service level. It should score 1.0; missing it calls for a look at why.",
        "An aspirational OKR is set high on purpose, somewhere we want to be without yet knowing how: 0.6–0.7 is a fine result. Say which kind each OKR is when you write it.",
      ],
    },
    {
      id: "scoring",
      title: "How scoring works",
      paragraphs: [
        "At the end of the cycle each key result is scored from 0.0 to 1.0 in steps of 0.1: first by its owner, then confirmed by their manager. An objective's score is the weighted mean of its key results.",
        "For aspirational OKRs 0.6–0.7 is the sweet spot: always scoring 1.0 means the bar was too low, and below 0.4 deserves a careful review.",
        "Scores are for learning. They inform performance conversations, but never compute performance ratings or bonuses.",
      ],
      points: ["Below 0.4: red", "0.4 to below 0.7: yellow", "0.7 and above: green"],
    },
    {
      id: "alignment",
      title: "How alignment works",
      paragraphs: [
        "OKRs come in four levels: company annual → company quarterly → department → personal. Each objective may align upward to one objective or key result above it, to show what it serves.",
        "Alignment is not handing out tasks: leaders set the direction and teams propose how they will contribute. When you need another team, link their objective as one you support; such sideways links move no numbers.",
      ],
    },
    {
      id: "check-ins",
      title: "Weekly check-ins, confidence and health",
      paragraphs: [
        "Once a week, spend a minute on each key result: its current value, your confidence (0–10, how sure you are to reach it by the end of the cycle) and a short note.",
        "Health follows from progress, time and confidence: confidence of 3 or less, or progress far behind the calendar, is off track; 6 or less, or a little behind, is at risk; otherwise on track. Confidence is first given at the first check-in, and until then only progress and time count; drafts and OKRs awaiting approval have no health yet. The weekly meeting only needs to discuss what is at risk or off track.",
      ],
    },
    {
      id: "retrospective",
      title: "The retrospective (复盘)",
      paragraphs: [
        "After scoring, every objective gets a retrospective: what went well, what did not, what we learned, and what to carry into the next cycle.",
        "Look at the work, not the person. A missed aspirational objective is still valuable when the reasons are clear and the lessons carry forward.",
      ],
    },
    {
      id: "rollout",
      title: "Rolling out OKRs",
      paragraphs: ["OKRs land when the whole rhythm runs, not when a few objectives are written down."],
      points: [
        "Leadership push: leaders write the company OKRs first and take part in check-ins and reviews themselves.",
        "Training: everyone learns to write good objectives and key results and to score them — this guide and the OKR coach are here for that.",
        "The four-level process: company annual → company quarterly → department → personal, aligned level by level.",
        "The work mode: plan → align → publish → check in weekly → score → review, cycle after cycle.",
      ],
    },
  ],
};
