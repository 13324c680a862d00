import type { Locale } from "@luodi/core";

/** Words the synthetic organization is made of, per locale; picked by the seeded generator. */
export type SyntheticVocabulary = {
  organizationName: (size: number) => string;
  emailDomain: string;
  personName: (first: string, last: string) => string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  functions: readonly string[];
  division: (fn: string, n: number) => string;
  team: (division: string, n: number) => string;
  ceoTitle: string;
  headTitle: (division: string) => string;
  leadTitle: string;
  memberTitles: readonly string[];
  annualCycle: (year: number) => string;
  quarterCycle: (year: number, quarter: number) => string;
  companyObjectives: readonly string[];
  departmentObjectives: readonly string[];
  personalObjectives: readonly string[];
  /** KR titles by kind; `{s}` is replaced by the start, `{n}` by the target, `{money}` by the target amount. */
  kr: {
    increase: readonly { title: string; unit: string }[];
    decrease: readonly { title: string; unit: string }[];
    percentage: readonly string[];
    currency: readonly string[];
    milestone: readonly string[];
    milestoneSteps: readonly string[];
    boolean: readonly string[];
    rollupProgress: string;
    rollupSum: string;
  };
  currencyUnit: string;
  /** An amount of money as the locale writes it; `{money}` in KR titles. */
  money: (amount: string) => string;
  notes: {
    on_track: readonly string[];
    at_risk: readonly string[];
    off_track: readonly string[];
    done: readonly string[];
  };
};

const zhCN: SyntheticVocabulary = {
  organizationName: (size) => `合成科技（${size} 人）`,
  emailDomain: "synthetic.example",
  personName: (first, last) => `${last}${first}`,
  lastNames: [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "吴",
    "周",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
    "郭",
    "何",
    "林",
    "罗",
    "高",
    "郑",
    "梁",
    "谢",
    "宋",
    "唐",
    "许",
    "韩",
    "冯",
    "邓",
    "曹",
  ],
  firstNames: [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "洋",
    "勇",
    "杰",
    "涛",
    "明",
    "超",
    "华",
    "慧",
    "婷",
    "鹏",
    "丹",
    "宇",
    "浩",
    "欣",
    "晨",
    "佳",
    "子涵",
    "思远",
    "雨桐",
    "嘉怡",
    "一鸣",
    "志强",
    "晓东",
    "文博",
  ],
  functions: [
    "销售",
    "研发",
    "市场",
    "产品",
    "客户成功",
    "运营",
    "数据",
    "供应链",
    "品牌",
    "渠道",
    "交付",
    "质量",
  ],
  division: (fn, n) => `${fn}中心${n > 1 ? ` ${n}` : ""}`,
  team: (division, n) => `${division} · 第 ${n} 组`,
  ceoTitle: "首席执行官",
  headTitle: (division) => `${division}负责人`,
  leadTitle: "组长",
  memberTitles: ["工程师", "高级工程师", "专员", "分析师", "产品经理", "设计师", "客户经理", "运营专员"],
  annualCycle: (year) => `${year} 年度`,
  quarterCycle: (year, quarter) => `${year} 年第 ${quarter} 季度`,
  companyObjectives: [
    "成为客户首选的行业平台",
    "让产品稳定可靠、体验出众",
    "打造高效协同的组织",
    "实现健康、可持续的增长",
  ],
  departmentObjectives: [
    "让客户更快获得价值",
    "显著提升交付质量",
    "打开新的增长渠道",
    "让团队协作更顺畅",
    "把关键流程做到行业领先",
    "赢得重点客户的信任",
  ],
  personalObjectives: [
    "负责的模块成为团队标杆",
    "让我服务的客户更满意",
    "显著提升个人专业影响力",
    "让交付又快又稳",
    "把负责的流程做简单",
  ],
  kr: {
    increase: [
      { title: "活跃客户数从 {s} 增至 {n}", unit: "家" },
      { title: "每周有效商机从 {s} 增至 {n}", unit: "个" },
      { title: "上线功能被 {n} 家客户使用", unit: "家" },
      { title: "客户净推荐值从 {s} 提升到 {n}", unit: "分" },
    ],
    decrease: [
      { title: "平均响应时间从 {s} 小时降至 {n} 小时", unit: "小时" },
      { title: "线上严重缺陷从 {s} 个降至 {n} 个", unit: "个" },
      { title: "交付周期从 {s} 天缩短到 {n} 天", unit: "天" },
    ],
    percentage: [
      "客户续约率达到 {n}%",
      "自动化测试覆盖率达到 {n}%",
      "首周激活率达到 {n}%",
      "按时交付率达到 {n}%",
    ],
    currency: ["新签合同额达到 {money}", "续费收入达到 {money}"],
    milestone: ["完成新版流程上线", "完成重点项目交付", "完成体系建设"],
    milestoneSteps: ["方案评审通过", "试点上线", "全面推广", "复盘总结"],
    boolean: ["通过年度安全审计", "新版服务协议正式生效", "完成核心系统迁移"],
    rollupProgress: "下级对齐目标平均完成度",
    rollupSum: "各团队新签合同额合计达到 {money}",
  },
  currencyUnit: "元",
  money: (amount) => `${amount} 元`,
  notes: {
    on_track: [
      "按计划推进，本周进展顺利。",
      "关键动作已落地，数据稳步上升。",
      "与相关团队对齐完毕，下周继续推进。",
    ],
    at_risk: ["进度略慢于预期，正在调整资源。", "依赖方排期延后，需要协调。", "本周数据波动，继续观察。"],
    off_track: [
      "严重落后，需要上级支持。",
      "核心假设不成立，正在重新制定方案。",
      "人手不足，本周几乎没有进展。",
    ],
    done: ["已提前达成目标！", "目标完成，开始复盘经验。"],
  },
};

const en: SyntheticVocabulary = {
  organizationName: (size) => `Synthetic Corp (${size} people)`,
  emailDomain: "synthetic.example",
  personName: (first, last) => `${first} ${last}`,
  firstNames: [
    "Alex",
    "Sam",
    "Jordan",
    "Taylor",
    "Morgan",
    "Casey",
    "Riley",
    "Jamie",
    "Avery",
    "Quinn",
    "Harper",
    "Rowan",
    "Emery",
    "Skyler",
    "Dana",
    "Robin",
    "Kai",
    "Noa",
    "Elliot",
    "Reese",
    "Blake",
    "Drew",
    "Parker",
    "Sage",
    "Hayden",
    "Logan",
    "Cameron",
    "Peyton",
    "Micah",
    "Jules",
  ],
  lastNames: [
    "Smith",
    "Johnson",
    "Lee",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Martinez",
    "Chen",
    "Wilson",
    "Anderson",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Thompson",
    "White",
    "Lopez",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
  ],
  functions: [
    "Sales",
    "Engineering",
    "Marketing",
    "Product",
    "Customer Success",
    "Operations",
    "Data",
    "Supply Chain",
    "Brand",
    "Partnerships",
    "Delivery",
    "Quality",
  ],
  division: (fn, n) => `${fn}${n > 1 ? ` ${n}` : ""}`,
  team: (division, n) => `${division} · Team ${n}`,
  ceoTitle: "Chief Executive Officer",
  headTitle: (division) => `Head of ${division}`,
  leadTitle: "Team Lead",
  memberTitles: [
    "Engineer",
    "Senior Engineer",
    "Specialist",
    "Analyst",
    "Product Manager",
    "Designer",
    "Account Manager",
    "Operations Specialist",
  ],
  annualCycle: (year) => `FY ${year}`,
  quarterCycle: (year, quarter) => `Q${quarter} ${year}`,
  companyObjectives: [
    "Become our customers' platform of choice",
    "Make the product reliable and delightful",
    "Build an organization that works as one",
    "Grow healthily and sustainably",
  ],
  departmentObjectives: [
    "Customers get value faster",
    "Delivery quality is visibly better",
    "Open a new growth channel",
    "Teams collaborate without friction",
    "Our key processes lead the industry",
    "Earn the trust of our key accounts",
  ],
  personalObjectives: [
    "My area becomes the team's benchmark",
    "The customers I serve are happier",
    "Grow my professional impact",
    "Ship fast and safely",
    "Make my processes simple",
  ],
  kr: {
    increase: [
      { title: "Active customers grow from {s} to {n}", unit: "customers" },
      { title: "Qualified opportunities per week grow from {s} to {n}", unit: "opportunities" },
      { title: "{n} customers use the new feature", unit: "customers" },
      { title: "Net Promoter Score rises from {s} to {n}", unit: "points" },
    ],
    decrease: [
      { title: "Average response time falls from {s} h to {n} h", unit: "hours" },
      { title: "Severe production bugs fall from {s} to {n}", unit: "bugs" },
      { title: "Lead time falls from {s} days to {n} days", unit: "days" },
    ],
    percentage: [
      "Renewal rate reaches {n}%",
      "Automated test coverage reaches {n}%",
      "First-week activation reaches {n}%",
      "On-time delivery reaches {n}%",
    ],
    currency: ["New bookings reach {money}", "Renewal revenue reaches {money}"],
    milestone: ["The new process is live", "The key project is delivered", "The framework is in place"],
    milestoneSteps: ["Design approved", "Pilot live", "Rolled out everywhere", "Retrospective done"],
    boolean: [
      "Annual security audit passed",
      "New service agreement in force",
      "Core system migration complete",
    ],
    rollupProgress: "Average progress of the objectives aligned below",
    rollupSum: "Team bookings add up to {money}",
  },
  currencyUnit: "USD",
  money: (amount) => `$${amount}`,
  notes: {
    on_track: [
      "On plan; good progress this week.",
      "Key actions landed, numbers climbing steadily.",
      "Aligned with the other teams; continuing next week.",
    ],
    at_risk: [
      "A bit slower than expected; shifting resources.",
      "A dependency slipped; coordinating.",
      "Numbers wobbled this week; watching closely.",
    ],
    off_track: [
      "Far behind; need help from leadership.",
      "Our key assumption failed; reworking the plan.",
      "Short-staffed, almost no progress this week.",
    ],
    done: ["Target reached early!", "Done; writing up what we learned."],
  },
};

/** The vocabulary of a locale. */
export function syntheticVocabulary(locale: Locale): SyntheticVocabulary {
  return locale === "zh-CN" ? zhCN : en;
}
