import { describe, expect, it } from "vitest";
import { analyzeText } from "./text-analysis.ts";

describe("analyzeText: baselines", () => {
  it.each([
    ["退款时效从 72 小时缩短到 24 小时"],
    ["自助办结率由 45% 提升至 80%"],
    ["人均产能从每月 120 单提升到 160 单"],
    ["留存率 38% → 52%"],
    ["坏账率降到 1.2%(当前 2.6%)"],
    ["门诊量目前 800 人次/天,目标 1200 人次/天"],
    ["活跃门店数 120 提升到 200"],
    ["供应商从十二家增加到二十家"],
    ["Activation from 22% to 40%"],
    ["Cost per ticket from $14 to $9"],
    ["Weekly active teams: 150 → 260"],
    ["Pipeline coverage at 3.5x, up from 2x"],
    ["Referral share to 25% (currently 11%)"],
    ["Renewal rate from a baseline of 81% to 90%"],
    ["Deploy frequency 4% to 12% of commits"],
  ])("finds the starting point in %s", (text) => {
    expect(analyzeText(text).hasBaseline).toBe(true);
  });

  it.each([
    ["利润同比增长 18%"],
    ["投诉率不高于 0.5%"],
    ["年度营收达到 8000 万元"],
    ["用户数翻两番"],
    ["Grow bookings by 30%"],
    ["Churn below 1.5% per month"],
    ["Reach 2,000 paying teams"],
    ["Time from signup to first invoice under 5 minutes"],
    ["Ship 4x more experiments"],
  ])("finds no starting point in %s", (text) => {
    expect(analyzeText(text).hasBaseline).toBe(false);
  });
});

describe("analyzeText", () => {
  it("keeps the original text and reads the language per text", () => {
    const analysis = analyzeText("ＧＭＶ 提升到 ５ 亿");
    expect(analysis.original).toBe("ＧＭＶ 提升到 ５ 亿");
    expect(analysis.text).toBe("GMV 提升到 5 亿");
    expect(analysis.language).toBe("zh");
    expect(analysis.values.map((value) => value.value)).toEqual([500_000_000]);
  });

  it("measures a time window when nothing else is measured", () => {
    expect(analyzeText("所有投诉 24 小时内响应").values.map((value) => value.raw)).toEqual(["24 小时"]);
    expect(analyzeText("Fix flaky tests within 1 day").values).toHaveLength(1);
    expect(analyzeText("Reach 5,000 installs within 60 days").values.map((value) => value.raw)).toEqual([
      "5,000",
    ]);
    expect(analyzeText("Improve 7-day retention").values).toEqual([]);
  });

  it("counts a rank that closes the sentence as a target but not one in front of a noun", () => {
    expect(analyzeText("市场份额进入前三").values).toHaveLength(1);
    expect(analyzeText("前 20 大客户续约率从 80% 提升到 95%").values.map((value) => value.raw)).toEqual([
      "80%",
      "95%",
    ]);
  });
});
