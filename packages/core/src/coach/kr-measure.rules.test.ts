import { describe, expect, it } from "vitest";
import { buildContext, type KeyResultContext } from "./context.ts";
import { checkBaseline, checkMeasurable } from "./kr-measure.rules.ts";
import { reviewOkr } from "./review.ts";
import type { CoachKeyResultInput } from "./types.ts";

function keyResult(title: string, fields: Omit<CoachKeyResultInput, "title"> = {}): KeyResultContext {
  return buildContext({ objective: { title: "让客户更满意" }, keyResults: [{ title, ...fields }] })
    .keyResults[0]!;
}

const notMeasurable = (title: string, fields?: Omit<CoachKeyResultInput, "title">): boolean =>
  checkMeasurable(keyResult(title, fields)).length > 0;
const noBaseline = (title: string, fields?: Omit<CoachKeyResultInput, "title">): boolean =>
  checkBaseline(keyResult(title, fields)).length > 0;

describe("kr.not_measurable", () => {
  it.each([
    ["增强渠道伙伴的信心"],
    ["改进审批体验"],
    ["提高团队协作效率"],
    ["推进精益生产"],
    ["参与行业联盟活动"],
    ["Improve the hiring funnel"],
    ["Make reporting less painful"],
    ["Clearer release notes"],
    ["Engage with members"],
    ["Explore new pricing ideas"],
    ["Improve 30-day retention"],
    ["赢得头部客户的认可"],
    ["Win new customers in Germany"],
  ])("fires on %s", (title) => {
    expect(notMeasurable(title)).toBe(true);
  });

  it.each([
    ["上线客户自助门户"],
    ["完成仓库管理系统切换"],
    ["组织 6 场经销商培训"],
    ["通过 ISO 45001 认证"],
    ["签下 3 家省级分销商"],
    ["签约华东区域总代理"],
    ["获得 ISO 27701 认证"],
    ["全年无重大质量事故"],
    ["等保测评一次通过"],
    ["Launch the partner directory"],
    ["Implement single sign-on"],
    ["Pass the PCI DSS assessment"],
    ["Close 15 mid-market deals"],
    ["Win the state health department tender"],
    ["No customer data incidents"],
    ["Resolve all open P1 defects"],
    ["NPS to 40"],
  ])("does not fire on %s", (title) => {
    expect(notMeasurable(title)).toBe(false);
  });

  it("reads the structured fields", () => {
    expect(notMeasurable("提升门店满意度", { type: "percentage", targetValue: 90 })).toBe(false);
    expect(notMeasurable("Improve partner satisfaction", { type: "number", targetValue: "8" })).toBe(false);
    expect(notMeasurable("发布数据安全制度", { type: "milestone" })).toBe(false);
    expect(notMeasurable("Better onboarding", { type: "boolean" })).toBe(false);
    expect(notMeasurable("Better onboarding", { type: "number", targetValue: "" })).toBe(true);
  });
});

describe("kr.no_baseline", () => {
  it.each([
    ["新签合同额达到 3000 万元"],
    ["组织 5 场客户沙龙"],
    ["客户投诉率低于 1%"],
    ["营收同比增长 20%"],
    ["续费客户数翻一番"],
    ["首次响应时间控制在 30 秒以内"],
    ["Increase activation by 15%"],
    ["Write 8 blog posts"],
    ["Availability of at least 99.9%"],
    ["Grow expansion revenue 2x"],
    ["Sev-1 incidents kept at 0"],
  ])("fires on %s", (title) => {
    expect(noBaseline(title)).toBe(true);
  });

  it.each([
    ["回款周期从 60 天缩短到 40 天"],
    ["坪效由每平米 1.1 万元提升到 1.4 万元"],
    ["好评率 92% → 96%"],
    ["单量提升到 5000 单(当前 3200 单)"],
    ["Time to hire from 45 days to 30 days"],
    ["Trial-to-paid at 12%, up from 8%"],
    ["NPS to 45 (currently 30)"],
    ["10 月 31 日前完成供应商切换"],
    ["Ship the 2.0 release by June 30"],
    ["通过 SOC 2 审计"],
    ["提升会员满意度"],
  ])("does not fire on %s", (title) => {
    expect(noBaseline(title)).toBe(false);
  });

  it("reads the structured fields", () => {
    expect(noBaseline("活跃经销商数", { type: "number", startValue: 0, targetValue: 40 })).toBe(false);
    expect(noBaseline("Partner NPS", { type: "number", startValue: "12", targetValue: "30" })).toBe(false);
    expect(noBaseline("Partner NPS", { type: "number", targetValue: 30 })).toBe(true);
    expect(noBaseline("2028年6月底前完成 4 个工厂的系统切换", { type: "milestone" })).toBe(false);
  });

  it("asks each result of a compound key result for its own start", () => {
    expect(noBaseline("毛利率从 30% 提升到 36%,并且库存周转天数低于 40 天")).toBe(true);
    expect(noBaseline("毛利率从 30% 提升到 36%,并且库存周转天数从 60 天降到 40 天")).toBe(false);
  });
});

describe("kr.no_baseline with last cycle's key results", () => {
  it("offers the value the same measure ended at last cycle", () => {
    const review = reviewOkr({
      objective: { title: "让付费客户持续增长" },
      keyResults: [{ title: "付费客户数达到 200 家" }, { title: "客户续约率从 80% 提升到 90%" }],
      previousKeyResults: [
        { title: "NPS 从 20 提升到 30", currentValue: 28 },
        { title: "付费客户数量从 80 家增长到 150 家", currentValue: 162, unit: "家" },
      ],
    });
    const finding = review.findings.find((item) => item.code === "kr.no_baseline");
    expect(finding?.suggestion).toContain("最后是 162 家");
    expect(finding?.suggestion).toContain("「从 162 家 到 200 家」");
  });

  it("says so in English, and offers nothing when the measure is new or its value unknown", () => {
    const review = (previous: Array<{ title: string; currentValue?: number | null }>) =>
      reviewOkr(
        {
          objective: { title: "Grow paying customers" },
          keyResults: [{ title: "Paying customers reach 200" }, { title: "NPS from 20 to 35" }],
          previousKeyResults: previous,
        },
        { locale: "en" },
      ).findings.find((item) => item.code === "kr.no_baseline")?.suggestion ?? "";
    expect(review([{ title: "Number of paying customers from 80 to 150", currentValue: 162 }])).toContain(
      '"from 162 to 200"',
    );
    expect(review([{ title: "Weekly active teams from 80 to 150", currentValue: 162 }])).not.toContain("162");
    expect(review([{ title: "Number of paying customers from 80 to 150", currentValue: null }])).toMatch(
      /^State where you start/,
    );
  });
});
