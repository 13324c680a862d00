import { describe, expect, it } from "vitest";
import { buildContext } from "./context.ts";
import { checkObjective, objectiveLength } from "./objective.rules.ts";
import { analyzeText } from "./text-analysis.ts";

function objectiveCodes(title: string): string[] {
  return checkObjective(buildContext({ objective: { title }, keyResults: [] })).map(
    (finding) => finding.code,
  );
}

describe("objective.has_metric", () => {
  it.each([
    ["营收同比增长 25%"],
    ["拿下五家头部券商"],
    ["日活突破三百万"],
    ["交付效率提升一倍"],
    ["会员规模翻番"],
    ["把退货率降低一半"],
    ["让客户 5 分钟内完成开户"],
    ["Reach $3M in partner-sourced ARR"],
    ["Triple self-serve signups"],
    ["Double the size of our community"],
    ["Onboard 40 new hospitals"],
  ])("fires on %s", (title) => {
    expect(objectiveCodes(title)).toContain("objective.has_metric");
  });

  it.each([
    ["2028年让华北区成为利润中心"],
    ["第二季度让交付更可预期"],
    ["Q4 让每个客户都有专属顾问"],
    ["让每一位店员都会用数据"],
    ["成为一二线城市白领的首选健身品牌"],
    ["让 K12 老师备课更轻松"],
    ["Make 2028 the year of self-serve"],
    ["Q1: make support feel personal"],
    ["Help first-time founders raise their seed round"],
    ["Be SOC 2 ready for enterprise buyers"],
    ["Grow a healthy business over the next two years"],
    ["成为行业第一的智能仓储服务商"],
    ["Be the #1 choice for indie developers"],
  ])("does not fire on %s", (title) => {
    expect(objectiveCodes(title)).not.toContain("objective.has_metric");
  });
});

describe("objective.is_task", () => {
  it.each([
    ["完成新一代仓储系统的建设"],
    ["上线会员积分商城"],
    ["搭建统一的客户数据平台"],
    ["组织好年度经销商大会"],
    ["制定三年数字化规划"],
    ["开展门店标准化改造"],
    ["推进智能制造项目"],
    ["9 月底前完成 ERP 切换"],
    ["Launch the partner marketplace"],
    ["Implement a new HRIS"],
    ["Migrate every tenant to the new cluster"],
    ["Build a content engine"],
    ["Host the first developer conference"],
  ])("fires on %s", (title) => {
    expect(objectiveCodes(title)).toContain("objective.is_task");
  });

  it.each([
    ["让上线发布不再需要熬夜"],
    ["让每次发布都平稳"],
    ["降低一线员工流失"],
    ["成为区域内最受信任的家装品牌"],
    ["努力成为行业领先的 SaaS 服务商"],
    ["持续提升客户体验"],
    ["做强线上渠道"],
    ["拿下华东市场"],
    ["Make releases uneventful"],
    ["Give every customer a single point of contact"],
    ["Become the default choice for mid-size law firms"],
    ["Win the trust of security teams"],
    ["Make the mobile app feel effortless"],
  ])("does not fire on %s", (title) => {
    expect(objectiveCodes(title)).not.toContain("objective.is_task");
  });
});

describe("objective.too_long", () => {
  it("fires above 30 Chinese characters and not at 30", () => {
    const thirty = "让客户在每一次与我们打交道的时候都能感受到真诚和专业的服务啊";
    expect(objectiveLength(analyzeText(thirty))).toBe(30);
    expect(objectiveCodes(thirty)).not.toContain("objective.too_long");
    expect(objectiveCodes(`${thirty}啊`)).toContain("objective.too_long");
  });

  it("counts a Latin word in Chinese text as one", () => {
    expect(objectiveLength(analyzeText("让 CRM 成为销售每天离不开的工具"))).toBe(14);
  });

  it("fires above 18 English words and not at 18", () => {
    const eighteen =
      "Make sure that every new customer can set up their account and invite their team on day one";
    expect(objectiveLength(analyzeText(eighteen))).toBe(18);
    expect(objectiveCodes(eighteen)).not.toContain("objective.too_long");
    expect(objectiveCodes(`${eighteen} alone`)).toContain("objective.too_long");
  });
});

describe("objective.is_task on phrasings beyond the corpus", () => {
  it.each([["仓储作业无纸化"], ["把家校沟通做好"], ["治理小区违规停车"], ["Q4 partner push"]])(
    "fires on an output or an activity named another way: %s",
    (title) => {
      expect(objectiveCodes(title)).toContain("objective.is_task");
    },
  );

  it.each([["Predictable releases"], ["Reliable data pipelines"], ["Scalable billing platform"]])(
    "does not fire on a noun phrase led by the quality its deliverable should have: %s",
    (title) => {
      expect(objectiveCodes(title)).not.toContain("objective.is_task");
    },
  );

  it("still fires when a verb names the output", () => {
    expect(objectiveCodes("Ship predictable releases")).toContain("objective.is_task");
    expect(objectiveCodes("Build a website that explains what we do")).toContain("objective.is_task");
  });

  it.each([
    ["A website that explains what we do"],
    ["Pipelines that don't break silently"],
    ["A mobile app people keep"],
    ["Hiring that scales with the company"],
    ["A snappy web app"],
    ["Off the legacy database"],
    ["No surprises in our security posture"],
    ["Self-serve customers find their way without us"],
    ["A hiring process candidates recommend"],
  ])(
    "does not fire on a thing described by what it does, a position, a zero state or people acting: %s",
    (title) => {
      expect(objectiveCodes(title)).not.toContain("objective.is_task");
    },
  );

  it.each([["培养一支懂数据的店长队伍"], ["把作业设计得更有效"], ["Foster a culture of written decisions"]])(
    "does not fire on cultivating people or a change of quality: %s",
    (title) => {
      expect(objectiveCodes(title)).not.toContain("objective.is_task");
    },
  );
});
