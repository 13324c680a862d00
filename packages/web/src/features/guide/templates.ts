import type { KeyResultType } from "@luodi/client";

/** The business functions the template library is browsed by. */
export const TEMPLATE_FUNCTIONS = [
  "sales",
  "marketing",
  "product",
  "engineering",
  "customerSuccess",
  "hr",
  "finance",
  "operations",
  "manufacturing",
  "education",
] as const;
export type TemplateFunction = (typeof TEMPLATE_FUNCTIONS)[number];

/** A numeric key result of a template, in one language. */
type TemplateKeyResult = {
  title: string;
  type: Extract<KeyResultType, "number" | "percentage" | "currency">;
  startValue: number;
  targetValue: number;
  unit: string;
  direction: "increase" | "decrease";
};

/** An objective with its key results, written natively in one language. */
export type TemplateText = { title: string; description: string; keyResults: TemplateKeyResult[] };

/** A good OKR to start from: the same intent written in each language. */
export type OkrTemplate = { id: string; function: TemplateFunction; zh: TemplateText; en: TemplateText };

type Measure = {
  type: TemplateKeyResult["type"];
  start: number;
  target: number;
  unit: { zh: string; en: string };
  title: { zh: string; en: string };
};

/** One KR's numbers with its words in both languages; the direction follows from start and target. */
function kr(
  type: Measure["type"],
  start: number,
  target: number,
  unit: [zh: string, en: string],
  zh: string,
  en: string,
): Measure {
  return { type, start, target, unit: { zh: unit[0], en: unit[1] }, title: { zh, en } };
}

function template(
  id: string,
  fn: TemplateFunction,
  zh: [title: string, description: string],
  en: [title: string, description: string],
  measures: Measure[],
): OkrTemplate {
  const text = (language: "zh" | "en", [title, description]: [string, string]): TemplateText => ({
    title,
    description,
    keyResults: measures.map((m) => ({
      title: m.title[language],
      type: m.type,
      startValue: m.start,
      targetValue: m.target,
      unit: m.unit[language],
      direction: m.target >= m.start ? "increase" : "decrease",
    })),
  });
  return { id, function: fn, zh: text("zh", zh), en: text("en", en) };
}

const PCT: [string, string] = ["%", "%"];

/** The library: good OKRs the coach itself approves (templates.test.ts checks every one in both languages). */
export const TEMPLATES: readonly OkrTemplate[] = [
  // Sales
  template(
    "sales-new-logos",
    "sales",
    ["成为华东中型企业的首选供应商", "新客户增长是今年的头号战略，重点在华东区的中型企业。"],
    [
      "Become the first choice of mid-sized firms in our region",
      "Winning new customers is this year's first strategic priority.",
    ],
    [
      kr(
        "number",
        120,
        200,
        ["家", "customers"],
        "付费客户数从 120 家增长到 200 家",
        "Paying customers from 120 to 200",
      ),
      kr(
        "percentage",
        18,
        25,
        PCT,
        "商机赢单率从 18% 提升到 25%",
        "Win rate on qualified deals from 18% to 25%",
      ),
      kr(
        "currency",
        8,
        12,
        ["万元", "k USD"],
        "新签客单价从 8 万元提升到 12 万元",
        "Average new contract value from $8k to $12k",
      ),
    ],
  ),
  template(
    "sales-predictable-pipeline",
    "sales",
    ["让销售业绩稳定可预测", "月底冲单、预测失准让生产和回款都很被动。"],
    ["Make our revenue predictable", "End-of-month scrambles and missed forecasts hurt delivery and cash."],
    [
      kr(
        "percentage",
        70,
        90,
        PCT,
        "季度销售预测准确率从 70% 提升到 90%",
        "Quarterly forecast accuracy from 70% to 90%",
      ),
      kr(
        "currency",
        600,
        1000,
        ["万元", "k USD"],
        "合格商机金额从 600 万元增长到 1000 万元",
        "Qualified pipeline from $600k to $1,000k",
      ),
      kr(
        "number",
        45,
        30,
        ["天", "days"],
        "平均成交周期从 45 天缩短到 30 天",
        "Average sales cycle from 45 to 30 days",
      ),
    ],
  ),
  template(
    "sales-key-accounts",
    "sales",
    ["让大客户把我们当作长期伙伴", "大客户贡献了六成收入，但续约和扩购都在放缓。"],
    [
      "Key accounts see us as a long-term partner",
      "Key accounts bring most of our revenue, yet renewals and upsell are slowing.",
    ],
    [
      kr(
        "percentage",
        82,
        95,
        PCT,
        "大客户续约率从 82% 提升到 95%",
        "Key account renewal rate from 82% to 95%",
      ),
      kr(
        "currency",
        50,
        80,
        ["万元", "k USD"],
        "大客户年均扩购金额从 50 万元增长到 80 万元",
        "Average yearly upsell per key account from $50k to $80k",
      ),
      kr(
        "number",
        6,
        15,
        ["家", "accounts"],
        "签订年度框架协议的大客户从 6 家增加到 15 家",
        "Key accounts on a yearly framework agreement from 6 to 15",
      ),
    ],
  ),
  template(
    "sales-channel-partners",
    "sales",
    ["让渠道伙伴成为增长的第二引擎", "直销覆盖不到的三四线城市要靠渠道。"],
    [
      "Partners become our second engine of growth",
      "Partners reach the smaller cities our direct team cannot.",
    ],
    [
      kr(
        "currency",
        200,
        500,
        ["万元", "k USD"],
        "渠道季度销售额从 200 万元增长到 500 万元",
        "Partner-sourced quarterly revenue from $200k to $500k",
      ),
      kr(
        "number",
        8,
        20,
        ["家", "partners"],
        "每季度出单的活跃渠道伙伴从 8 家增加到 20 家",
        "Partners closing a deal each quarter from 8 to 20",
      ),
      kr(
        "percentage",
        12,
        30,
        PCT,
        "渠道收入占比从 12% 提升到 30%",
        "Share of revenue from partners from 12% to 30%",
      ),
    ],
  ),
  // Marketing
  template(
    "marketing-demand",
    "marketing",
    ["让市场部成为销售线索的稳定来源", "销售抱怨线索少且质量差，市场要对管道负责。"],
    [
      "Marketing becomes a dependable source of pipeline",
      "Sales needs more and better leads; marketing owns pipeline.",
    ],
    [
      kr(
        "number",
        300,
        600,
        ["条", "leads"],
        "每月市场合格线索从 300 条增长到 600 条",
        "Marketing-qualified leads per month from 300 to 600",
      ),
      kr(
        "percentage",
        10,
        18,
        PCT,
        "线索到商机转化率从 10% 提升到 18%",
        "Lead-to-opportunity conversion from 10% to 18%",
      ),
      kr(
        "currency",
        800,
        500,
        ["元", "USD"],
        "单条合格线索成本从 800 元降到 500 元",
        "Cost per qualified lead from $800 to $500",
      ),
    ],
  ),
  template(
    "marketing-brand",
    "marketing",
    ["让目标客户一想到协作软件就想到我们", "品牌认知度低，是获客成本居高不下的根源。"],
    [
      "Our buyers think of us first for team collaboration",
      "Low awareness keeps our cost of acquisition high.",
    ],
    [
      kr(
        "percentage",
        15,
        30,
        PCT,
        "目标人群无提示品牌认知度从 15% 提升到 30%",
        "Unaided awareness among target buyers from 15% to 30%",
      ),
      kr(
        "number",
        2000,
        5000,
        ["次", "searches"],
        "品牌词月搜索量从 2000 次增长到 5000 次",
        "Monthly branded searches from 2,000 to 5,000",
      ),
      kr(
        "percentage",
        20,
        35,
        PCT,
        "自然流量带来的注册占比从 20% 提升到 35%",
        "Share of sign-ups from organic traffic from 20% to 35%",
      ),
    ],
  ),
  template(
    "marketing-content",
    "marketing",
    ["让我们的内容成为行业里最受信赖的参考", "好内容能持续带来信任和自然流量。"],
    [
      "Our content becomes the most trusted reference in our field",
      "Good content earns trust and organic traffic that lasts.",
    ],
    [
      kr(
        "number",
        40,
        120,
        ["千次", "k visits"],
        "官网内容月访问量从 4 万增长到 12 万",
        "Monthly visits to our articles from 40k to 120k",
      ),
      kr(
        "number",
        5000,
        15000,
        ["人", "subscribers"],
        "邮件订阅用户从 5000 人增长到 15000 人",
        "Newsletter subscribers from 5,000 to 15,000",
      ),
      kr(
        "percentage",
        3,
        6,
        PCT,
        "内容页访客的试用转化率从 3% 提升到 6%",
        "Trial conversion of article readers from 3% to 6%",
      ),
    ],
  ),
  template(
    "marketing-events",
    "marketing",
    ["让线下活动真正带来生意", "活动投入很大，但很少转化成订单。"],
    ["Our events turn into real business", "We spend heavily on events, yet few of them become deals."],
    [
      kr(
        "percentage",
        5,
        15,
        PCT,
        "活动参会者的商机转化率从 5% 提升到 15%",
        "Share of attendees who become opportunities from 5% to 15%",
      ),
      kr(
        "currency",
        100,
        300,
        ["万元", "k USD"],
        "活动带来的新签合同额从 100 万元增长到 300 万元",
        "Revenue closed from event leads from $100k to $300k",
      ),
      kr(
        "currency",
        1200,
        800,
        ["元", "USD"],
        "每位有效参会者成本从 1200 元降到 800 元",
        "Cost per qualified attendee from $1,200 to $800",
      ),
    ],
  ),
  // Product
  template(
    "product-activation",
    "product",
    ["让新用户第一天就体会到产品价值", "大量新用户注册后没有走到关键功能就流失了。"],
    [
      "New users see the value of the product on their first day",
      "Many new users leave before they reach the features that matter.",
    ],
    [
      kr(
        "percentage",
        35,
        55,
        PCT,
        "新用户首日激活率从 35% 提升到 55%",
        "First-day activation rate from 35% to 55%",
      ),
      kr(
        "number",
        30,
        10,
        ["分钟", "minutes"],
        "从注册到完成首个项目的中位时间从 30 分钟缩短到 10 分钟",
        "Median time from sign-up to first project from 30 to 10 minutes",
      ),
      kr(
        "percentage",
        22,
        35,
        PCT,
        "新用户次周留存率从 22% 提升到 35%",
        "Second-week retention of new users from 22% to 35%",
      ),
    ],
  ),
  template(
    "product-engagement",
    "product",
    ["让团队每天都离不开我们的产品", "使用频率决定续费，我们要成为团队的日常工具。"],
    [
      "Teams rely on our product every working day",
      "Daily use drives renewals; we want to be the team's everyday tool.",
    ],
    [
      kr(
        "percentage",
        25,
        40,
        PCT,
        "日活与月活之比从 25% 提升到 40%",
        "Daily to monthly active ratio from 25% to 40%",
      ),
      kr(
        "number",
        3,
        6,
        ["个", "features"],
        "每个团队每周使用的核心功能数从 3 个增加到 6 个",
        "Core features a team uses each week from 3 to 6",
      ),
      kr(
        "percentage",
        18,
        30,
        PCT,
        "邀请同事加入的用户占比从 18% 提升到 30%",
        "Share of users who invite a colleague from 18% to 30%",
      ),
    ],
  ),
  template(
    "product-mobile",
    "product",
    ["让外勤人员在手机上也能顺畅工作", "一线人员大多只用手机，体验差导致他们不愿使用。"],
    [
      "Field staff work smoothly from their phones",
      "Most frontline staff only have a phone, and the mobile experience puts them off.",
    ],
    [
      kr(
        "number",
        3.6,
        4.5,
        ["分", "stars"],
        "移动端应用商店评分从 3.6 分提升到 4.5 分",
        "App store rating from 3.6 to 4.5 stars",
      ),
      kr(
        "percentage",
        30,
        60,
        PCT,
        "外勤人员的周活跃率从 30% 提升到 60%",
        "Weekly active rate of field staff from 30% to 60%",
      ),
      kr("percentage", 2, 0.5, PCT, "移动端崩溃率从 2% 降到 0.5%", "Mobile crash rate from 2% to 0.5%"),
    ],
  ),
  template(
    "product-pricing",
    "product",
    ["让客户愿意为高级功能付费", "免费版够用，付费升级的动力不足。"],
    [
      "Customers gladly pay for our advanced features",
      "The free plan is good enough for most, so few upgrade.",
    ],
    [
      kr(
        "percentage",
        4,
        8,
        PCT,
        "免费用户到付费的转化率从 4% 提升到 8%",
        "Free-to-paid conversion from 4% to 8%",
      ),
      kr(
        "currency",
        120,
        160,
        ["元", "USD"],
        "每位付费用户月均收入从 120 元提升到 160 元",
        "Average monthly revenue per paying user from $120 to $160",
      ),
      kr(
        "percentage",
        10,
        25,
        PCT,
        "高级版在新签订单中的占比从 10% 提升到 25%",
        "Share of new deals on the premium plan from 10% to 25%",
      ),
    ],
  ),
  // Engineering
  template(
    "engineering-reliability",
    "engineering",
    ["让客户可以放心地把核心业务交给我们", "上季度两次重大故障影响了续约。"],
    ["Customers trust us with their critical work", "Two major outages last quarter hurt renewals."],
    [
      kr(
        "percentage",
        99.5,
        99.95,
        PCT,
        "核心服务月可用性从 99.5% 提升到 99.95%",
        "Monthly uptime of core services from 99.5% to 99.95%",
      ),
      kr(
        "number",
        120,
        30,
        ["分钟", "minutes"],
        "严重故障的平均恢复时间从 120 分钟缩短到 30 分钟",
        "Mean time to recover from a severe incident from 120 to 30 minutes",
      ),
      kr(
        "number",
        6,
        1,
        ["次", "incidents"],
        "每季度影响客户的严重故障从 6 次降到 1 次",
        "Customer-facing severe incidents per quarter from 6 to 1",
      ),
    ],
  ),
  template(
    "engineering-delivery",
    "engineering",
    ["让想法更快、更安全地到达用户手中", "发布慢且常出问题，产品团队的节奏被拖慢。"],
    ["Ideas reach users faster and more safely", "Slow, risky releases hold back the product teams."],
    [
      kr(
        "number",
        10,
        2,
        ["天", "days"],
        "代码从合并到上线的中位时长从 10 天缩短到 2 天",
        "Median lead time from merge to production from 10 to 2 days",
      ),
      kr(
        "percentage",
        15,
        5,
        PCT,
        "引发回滚的发布占比从 15% 降到 5%",
        "Share of releases rolled back from 15% to 5%",
      ),
      kr(
        "number",
        2,
        10,
        ["次", "deploys"],
        "每周生产发布次数从 2 次增加到 10 次",
        "Production deploys per week from 2 to 10",
      ),
    ],
  ),
  template(
    "engineering-performance",
    "engineering",
    ["让产品在任何网络下都快如闪电", "页面慢是用户流失的第一大原因。"],
    ["The product feels instant on any network", "Slow pages are the first reason users give for leaving."],
    [
      kr(
        "number",
        3.2,
        1.5,
        ["秒", "s"],
        "首页加载的 P75 时间从 3.2 秒降到 1.5 秒",
        "P75 home page load time from 3.2 s to 1.5 s",
      ),
      kr(
        "number",
        800,
        200,
        ["毫秒", "ms"],
        "接口 P95 响应时间从 800 毫秒降到 200 毫秒",
        "P95 API response time from 800 ms to 200 ms",
      ),
      kr(
        "percentage",
        8,
        3,
        PCT,
        "因加载超时放弃的会话占比从 8% 降到 3%",
        "Sessions abandoned on a slow load from 8% to 3%",
      ),
    ],
  ),
  template(
    "engineering-quality",
    "engineering",
    ["让工程师敢于修改任何一段代码", "测试薄弱，改动常带来意外的缺陷。"],
    [
      "Engineers change any part of the code with confidence",
      "Thin tests mean every change risks a surprise.",
    ],
    [
      kr(
        "number",
        40,
        10,
        ["个", "bugs"],
        "每月线上缺陷数从 40 个降到 10 个",
        "Production bugs per month from 40 to 10",
      ),
      kr(
        "percentage",
        45,
        80,
        PCT,
        "核心模块的测试覆盖率从 45% 提升到 80%",
        "Test coverage of core modules from 45% to 80%",
      ),
      kr(
        "number",
        40,
        12,
        ["分钟", "minutes"],
        "持续集成流水线时长从 40 分钟缩短到 12 分钟",
        "Continuous integration run time from 40 to 12 minutes",
      ),
    ],
  ),
  // Customer success
  template(
    "cs-retention",
    "customerSuccess",
    ["让客户续约成为理所当然的事", "流失的客户大多在续约前三个月就已不再活跃。"],
    [
      "Renewing with us becomes an easy decision",
      "Most churned customers had stopped using us months before renewal.",
    ],
    [
      kr("percentage", 85, 93, PCT, "客户续约率从 85% 提升到 93%", "Gross renewal rate from 85% to 93%"),
      kr(
        "percentage",
        102,
        110,
        PCT,
        "净收入留存率从 102% 提升到 110%",
        "Net revenue retention from 102% to 110%",
      ),
      kr(
        "percentage",
        30,
        10,
        PCT,
        "健康度评分为红色的客户占比从 30% 降到 10%",
        "Share of accounts with a red health score from 30% to 10%",
      ),
    ],
  ),
  template(
    "cs-support",
    "customerSuccess",
    ["让客户遇到问题时感到被及时照顾", "响应慢是差评里最常见的抱怨。"],
    [
      "Customers feel looked after when something goes wrong",
      "Slow answers are the most common complaint in our reviews.",
    ],
    [
      kr(
        "number",
        8,
        1,
        ["小时", "hours"],
        "工单首次响应的中位时间从 8 小时缩短到 1 小时",
        "Median first response time from 8 hours to 1 hour",
      ),
      kr("percentage", 82, 92, PCT, "工单满意度从 82% 提升到 92%", "Ticket satisfaction from 82% to 92%"),
      kr(
        "percentage",
        60,
        80,
        PCT,
        "首次联系即解决的工单占比从 60% 提升到 80%",
        "Tickets solved on first contact from 60% to 80%",
      ),
    ],
  ),
  template(
    "cs-self-service",
    "customerSuccess",
    ["让客户自己就能轻松找到答案", "大部分工单是重复的基础问题。"],
    ["Customers find answers on their own with ease", "Most tickets ask the same basic questions."],
    [
      kr(
        "percentage",
        25,
        50,
        PCT,
        "帮助中心自助解决率从 25% 提升到 50%",
        "Self-service resolution rate from 25% to 50%",
      ),
      kr(
        "number",
        1200,
        700,
        ["张", "tickets"],
        "每月基础问题工单从 1200 张降到 700 张",
        "Monthly how-to tickets from 1,200 to 700",
      ),
      kr(
        "percentage",
        55,
        80,
        PCT,
        "帮助文章的有用评价占比从 55% 提升到 80%",
        "Help articles rated helpful from 55% to 80%",
      ),
    ],
  ),
  template(
    "cs-advocacy",
    "customerSuccess",
    ["让满意的客户主动为我们代言", "口碑推荐带来的客户成交最快、流失最少。"],
    ["Happy customers speak up for us", "Referred customers close fastest and churn least."],
    [
      kr(
        "number",
        30,
        50,
        ["分", "points"],
        "客户净推荐值从 30 分提升到 50 分",
        "Net Promoter Score from 30 to 50",
      ),
      kr(
        "number",
        10,
        40,
        ["家", "customers"],
        "愿意作为公开案例的客户从 10 家增加到 40 家",
        "Customers willing to be a public reference from 10 to 40",
      ),
      kr(
        "percentage",
        5,
        15,
        PCT,
        "来自客户推荐的新签占比从 5% 提升到 15%",
        "Share of new deals from referrals from 5% to 15%",
      ),
    ],
  ),
  // HR
  template(
    "hr-hiring",
    "hr",
    ["让优秀的人才愿意加入我们", "关键岗位长期空缺，拖慢了产品计划。"],
    ["Great people choose to join us", "Key roles stay open for months and slow down the roadmap."],
    [
      kr(
        "number",
        60,
        35,
        ["天", "days"],
        "关键岗位平均招聘周期从 60 天缩短到 35 天",
        "Average time to fill a key role from 60 to 35 days",
      ),
      kr(
        "percentage",
        65,
        85,
        PCT,
        "录用通知接受率从 65% 提升到 85%",
        "Offer acceptance rate from 65% to 85%",
      ),
      kr(
        "percentage",
        70,
        90,
        PCT,
        "新员工试用期通过率从 70% 提升到 90%",
        "New hires passing probation from 70% to 90%",
      ),
    ],
  ),
  template(
    "hr-engagement",
    "hr",
    ["让员工以在这里工作为荣", "去年敬业度调研显示员工对成长和认可不满意。"],
    [
      "People are proud to work here",
      "Last year's survey showed low satisfaction with growth and recognition.",
    ],
    [
      kr(
        "number",
        62,
        75,
        ["分", "points"],
        "员工敬业度调研得分从 62 分提升到 75 分",
        "Engagement survey score from 62 to 75",
      ),
      kr(
        "percentage",
        18,
        10,
        PCT,
        "年度主动离职率从 18% 降到 10%",
        "Yearly voluntary attrition from 18% to 10%",
      ),
      kr(
        "number",
        10,
        40,
        ["分", "points"],
        "员工净推荐值从 10 分提升到 40 分",
        "Employee Net Promoter Score from 10 to 40",
      ),
    ],
  ),
  template(
    "hr-growth",
    "hr",
    ["让每位员工都看得到自己的成长路径", "员工离职时最常提到“看不到发展空间”。"],
    ["Everyone sees a clear path to grow here", "Leavers most often say they saw no room to grow."],
    [
      kr(
        "percentage",
        20,
        45,
        PCT,
        "内部晋升填补的管理岗位占比从 20% 提升到 45%",
        "Management roles filled by internal promotion from 20% to 45%",
      ),
      kr(
        "percentage",
        40,
        90,
        PCT,
        "有书面发展计划的员工占比从 40% 提升到 90%",
        "Employees with a written development plan from 40% to 90%",
      ),
      kr(
        "number",
        3.2,
        4.2,
        ["分", "points"],
        "“我在这里能成长”调研得分从 3.2 分提升到 4.2 分",
        'Survey score for "I can grow here" from 3.2 to 4.2',
      ),
    ],
  ),
  template(
    "hr-onboarding",
    "hr",
    ["让新员工快速融入并做出贡献", "新人上手慢，前三个月流失率偏高。"],
    [
      "New joiners settle in fast and contribute early",
      "New joiners take long to get going, and too many leave early.",
    ],
    [
      kr(
        "number",
        90,
        45,
        ["天", "days"],
        "新员工独立承担工作的平均时间从 90 天缩短到 45 天",
        "Average days until a new joiner works on their own from 90 to 45",
      ),
      kr(
        "percentage",
        12,
        4,
        PCT,
        "入职三个月内离职率从 12% 降到 4%",
        "Leavers within their first three months from 12% to 4%",
      ),
      kr(
        "number",
        3.5,
        4.5,
        ["分", "points"],
        "新员工入职体验评分从 3.5 分提升到 4.5 分",
        "Onboarding experience rating from 3.5 to 4.5",
      ),
    ],
  ),
  // Finance
  template(
    "finance-cash",
    "finance",
    ["让公司的现金流健康而从容", "回款慢导致旺季前资金紧张。"],
    ["Our cash flow is healthy and calm", "Slow collections squeeze our cash before the busy season."],
    [
      kr(
        "number",
        75,
        45,
        ["天", "days"],
        "应收账款周转天数从 75 天缩短到 45 天",
        "Days sales outstanding from 75 to 45",
      ),
      kr(
        "percentage",
        15,
        5,
        PCT,
        "逾期超过 90 天的应收款占比从 15% 降到 5%",
        "Receivables overdue by more than 90 days from 15% to 5%",
      ),
      kr(
        "number",
        3,
        6,
        ["个月", "months"],
        "现金储备可覆盖的月数从 3 个月提升到 6 个月",
        "Months of runway in cash reserves from 3 to 6",
      ),
    ],
  ),
  template(
    "finance-close",
    "finance",
    ["让管理层随时拿到准确及时的财务数据", "月结要两周，决策总是在看过期的数字。"],
    [
      "Leaders always have accurate, timely financial numbers",
      "The monthly close takes two weeks, so decisions use stale numbers.",
    ],
    [
      kr(
        "number",
        12,
        5,
        ["个工作日", "working days"],
        "月结所需工作日从 12 个缩短到 5 个",
        "Working days to close the month from 12 to 5",
      ),
      kr(
        "number",
        20,
        3,
        ["笔", "entries"],
        "审计调整分录从 20 笔降到 3 笔",
        "Audit adjustments from 20 entries to 3",
      ),
      kr(
        "percentage",
        60,
        95,
        PCT,
        "按时交付的管理报表占比从 60% 提升到 95%",
        "Management reports delivered on time from 60% to 95%",
      ),
    ],
  ),
  template(
    "finance-cost",
    "finance",
    ["让每一分钱都花在刀刃上", "费用增长快于收入，利润被侵蚀。"],
    ["Every dollar we spend earns its keep", "Costs grow faster than revenue and eat into our margin."],
    [
      kr(
        "percentage",
        32,
        26,
        PCT,
        "销售和管理费用占收入比从 32% 降到 26%",
        "Operating expenses as a share of revenue from 32% to 26%",
      ),
      kr("percentage", 8, 14, PCT, "经营利润率从 8% 提升到 14%", "Operating margin from 8% to 14%"),
      kr(
        "percentage",
        55,
        90,
        PCT,
        "有预算负责人的费用占比从 55% 提升到 90%",
        "Spend with a named budget owner from 55% to 90%",
      ),
    ],
  ),
  template(
    "finance-business-partner",
    "finance",
    ["让财务成为业务部门信赖的决策伙伴", "业务部门觉得财务只会卡流程，不提供洞察。"],
    [
      "Finance becomes a trusted partner in business decisions",
      "Business teams see finance as a gatekeeper, not a source of insight.",
    ],
    [
      kr(
        "number",
        3.1,
        4.3,
        ["分", "points"],
        "业务部门对财务支持的满意度从 3.1 分提升到 4.3 分",
        "Business teams' satisfaction with finance from 3.1 to 4.3",
      ),
      kr(
        "number",
        7,
        2,
        ["天", "days"],
        "报销审批的平均时长从 7 天缩短到 2 天",
        "Average expense approval time from 7 to 2 days",
      ),
      kr(
        "percentage",
        85,
        95,
        PCT,
        "季度预算准确率从 85% 提升到 95%",
        "Quarterly budget accuracy from 85% to 95%",
      ),
    ],
  ),
  // Operations
  template(
    "operations-delivery",
    "operations",
    ["让客户每次都能准时收到订单", "延迟发货是今年客户投诉的首要原因。"],
    ["Customers get every order on time", "Late deliveries are this year's top complaint."],
    [
      kr(
        "percentage",
        88,
        98,
        PCT,
        "订单准时交付率从 88% 提升到 98%",
        "On-time delivery rate from 88% to 98%",
      ),
      kr(
        "number",
        48,
        24,
        ["小时", "hours"],
        "从下单到发货的平均时长从 48 小时缩短到 24 小时",
        "Average hours from order to dispatch from 48 to 24",
      ),
      kr(
        "percentage",
        1.5,
        0.3,
        PCT,
        "错发漏发订单占比从 1.5% 降到 0.3%",
        "Orders shipped wrong or incomplete from 1.5% to 0.3%",
      ),
    ],
  ),
  template(
    "operations-inventory",
    "operations",
    ["让库存既不积压也不断货", "一边缺货丢单，一边仓库里压着滞销品。"],
    [
      "Stock is never too much nor too little",
      "We lose sales to stock-outs while slow sellers fill the warehouse.",
    ],
    [
      kr(
        "number",
        6,
        10,
        ["次", "turns"],
        "年库存周转次数从 6 次提升到 10 次",
        "Inventory turns per year from 6 to 10",
      ),
      kr("percentage", 7, 2, PCT, "畅销品缺货率从 7% 降到 2%", "Stock-out rate of top sellers from 7% to 2%"),
      kr(
        "currency",
        300,
        120,
        ["万元", "k USD"],
        "超过 180 天的呆滞库存从 300 万元降到 120 万元",
        "Stock older than 180 days from $300k to $120k",
      ),
    ],
  ),
  template(
    "operations-procurement",
    "operations",
    ["让采购成为公司的成本优势", "采购分散，议价能力弱。"],
    ["Purchasing becomes a cost advantage", "Scattered buying leaves us with little bargaining power."],
    [
      kr(
        "percentage",
        100,
        94,
        PCT,
        "主要原材料采购价格指数从 100% 降到 94%",
        "Purchase price index of key materials from 100% to 94%",
      ),
      kr(
        "percentage",
        45,
        80,
        PCT,
        "通过框架协议采购的金额占比从 45% 提升到 80%",
        "Spend under framework agreements from 45% to 80%",
      ),
      kr(
        "percentage",
        85,
        97,
        PCT,
        "供应商准时交货率从 85% 提升到 97%",
        "Supplier on-time delivery from 85% to 97%",
      ),
    ],
  ),
  template(
    "operations-store",
    "operations",
    ["让每家门店都成为社区居民的首选", "门店客流下降，老顾客流向了竞争对手。"],
    [
      "Every store becomes the neighbourhood's favourite",
      "Footfall is falling and regulars are drifting to competitors.",
    ],
    [
      kr(
        "currency",
        30,
        45,
        ["万元", "k USD"],
        "单店月均营收从 30 万元增长到 45 万元",
        "Average monthly revenue per store from $30k to $45k",
      ),
      kr(
        "percentage",
        25,
        40,
        PCT,
        "会员复购率从 25% 提升到 40%",
        "Member repeat purchase rate from 25% to 40%",
      ),
      kr(
        "number",
        78,
        90,
        ["分", "points"],
        "神秘访客评分从 78 分提升到 90 分",
        "Mystery shopper score from 78 to 90",
      ),
    ],
  ),
  // Manufacturing
  template(
    "manufacturing-quality",
    "manufacturing",
    ["让客户对我们的产品质量零担忧", "客户退货和索赔在上升。"],
    ["Customers never worry about the quality of our products", "Returns and warranty claims are rising."],
    [
      kr(
        "number",
        1200,
        300,
        ["PPM", "PPM"],
        "客户端不良率从 1200 PPM 降到 300 PPM",
        "Customer defect rate from 1,200 PPM to 300 PPM",
      ),
      kr("percentage", 92, 98, PCT, "产线一次合格率从 92% 提升到 98%", "First-pass yield from 92% to 98%"),
      kr(
        "number",
        15,
        3,
        ["起", "claims"],
        "每季度客户质量索赔从 15 起降到 3 起",
        "Quality claims per quarter from 15 to 3",
      ),
    ],
  ),
  template(
    "manufacturing-efficiency",
    "manufacturing",
    ["让工厂以更少的浪费产出更多", "设备停机和换线时间吞掉了大量产能。"],
    ["The plant makes more with less waste", "Downtime and changeovers eat a large share of our capacity."],
    [
      kr(
        "percentage",
        62,
        78,
        PCT,
        "设备综合效率从 62% 提升到 78%",
        "Overall equipment effectiveness from 62% to 78%",
      ),
      kr(
        "number",
        90,
        30,
        ["分钟", "minutes"],
        "平均换线时间从 90 分钟缩短到 30 分钟",
        "Average changeover time from 90 to 30 minutes",
      ),
      kr(
        "currency",
        86,
        75,
        ["元", "USD"],
        "单位产品制造成本从 86 元降到 75 元",
        "Manufacturing cost per unit from $86 to $75",
      ),
    ],
  ),
  template(
    "manufacturing-safety",
    "manufacturing",
    ["让每位员工每天都平安回家", "安全是一切生产的前提。"],
    ["Everyone goes home safe every day", "Safety comes before any output."],
    [
      kr(
        "number",
        6,
        0,
        ["起", "injuries"],
        "可记录工伤事故从每季度 6 起降到 0 起",
        "Recordable injuries per quarter from 6 to 0",
      ),
      kr(
        "number",
        40,
        200,
        ["条", "reports"],
        "员工每月上报的安全隐患从 40 条增加到 200 条",
        "Hazards reported by staff per month from 40 to 200",
      ),
      kr(
        "percentage",
        70,
        100,
        PCT,
        "隐患在七日内关闭的比例从 70% 提升到 100%",
        "Hazards closed within a week from 70% to 100%",
      ),
    ],
  ),
  template(
    "manufacturing-supply",
    "manufacturing",
    ["让生产计划稳定可靠", "插单和缺料导致计划频繁变动，交期难以承诺。"],
    ["Our production plan holds steady", "Rush orders and missing parts keep changing the plan."],
    [
      kr(
        "percentage",
        70,
        92,
        PCT,
        "周生产计划达成率从 70% 提升到 92%",
        "Weekly production plan attainment from 70% to 92%",
      ),
      kr(
        "number",
        25,
        5,
        ["次", "stops"],
        "每月因缺料造成的停线从 25 次降到 5 次",
        "Line stops for missing parts per month from 25 to 5",
      ),
      kr(
        "number",
        21,
        14,
        ["天", "days"],
        "标准订单交期从 21 天缩短到 14 天",
        "Standard order lead time from 21 to 14 days",
      ),
    ],
  ),
  // Education
  template(
    "education-outcomes",
    "education",
    ["让每位学生都学有所成", "学生成绩两极分化，后进生缺少关注。"],
    [
      "Every student makes real progress",
      "Results are polarised and struggling students get too little attention.",
    ],
    [
      kr(
        "percentage",
        78,
        90,
        PCT,
        "期末考试及格率从 78% 提升到 90%",
        "Final exam pass rate from 78% to 90%",
      ),
      kr(
        "percentage",
        60,
        35,
        PCT,
        "后进生中成绩未提升的比例从 60% 降到 35%",
        "Struggling students who did not improve from 60% to 35%",
      ),
      kr(
        "number",
        72,
        80,
        ["分", "points"],
        "年级数学平均分从 72 分提升到 80 分",
        "Average maths grade from 72 to 80",
      ),
    ],
  ),
  template(
    "education-reading",
    "education",
    ["让孩子们爱上阅读", "课外阅读量少，阅读理解是学生的短板。"],
    ["Children come to love reading", "Students read little outside class and reading comprehension lags."],
    [
      kr(
        "number",
        2,
        6,
        ["本", "books"],
        "学生每学期课外阅读量从 2 本提升到 6 本",
        "Books read outside class per term from 2 to 6",
      ),
      kr(
        "number",
        65,
        78,
        ["分", "points"],
        "阅读理解测评平均分从 65 分提升到 78 分",
        "Average reading comprehension score from 65 to 78",
      ),
      kr(
        "percentage",
        30,
        60,
        PCT,
        "每周借阅图书的学生占比从 30% 提升到 60%",
        "Students borrowing a library book each week from 30% to 60%",
      ),
    ],
  ),
  template(
    "education-teachers",
    "education",
    ["让老师们的课堂更有吸引力", "学生反映课堂单调，参与度低。"],
    ["Our lessons engage every student", "Students find lessons dull and take little part in them."],
    [
      kr(
        "number",
        3.6,
        4.4,
        ["分", "points"],
        "学生课堂评价平均分从 3.6 分提升到 4.4 分",
        "Average student rating of lessons from 3.6 to 4.4",
      ),
      kr(
        "percentage",
        20,
        60,
        PCT,
        "采用互动教学法的课时占比从 20% 提升到 60%",
        "Lessons taught with active learning methods from 20% to 60%",
      ),
      kr(
        "percentage",
        40,
        70,
        PCT,
        "课堂上主动发言的学生占比从 40% 提升到 70%",
        "Students speaking up in class from 40% to 70%",
      ),
    ],
  ),
  template(
    "education-online",
    "education",
    ["让学员坚持学完在线课程", "在线课程报名多，但完课率很低。"],
    [
      "Learners stay with our online courses to the end",
      "Many sign up for our online courses, yet few finish.",
    ],
    [
      kr(
        "percentage",
        15,
        40,
        PCT,
        "在线课程完课率从 15% 提升到 40%",
        "Online course completion rate from 15% to 40%",
      ),
      kr(
        "number",
        4.1,
        4.7,
        ["分", "points"],
        "课程评价平均分从 4.1 分提升到 4.7 分",
        "Average course rating from 4.1 to 4.7",
      ),
      kr(
        "percentage",
        10,
        25,
        PCT,
        "学完后报名下一门课的学员占比从 10% 提升到 25%",
        "Learners who enrol in another course from 10% to 25%",
      ),
    ],
  ),
];

/** The template with this id, if any. */
export function findTemplate(id: string | null | undefined): OkrTemplate | undefined {
  return id ? TEMPLATES.find((t) => t.id === id) : undefined;
}
