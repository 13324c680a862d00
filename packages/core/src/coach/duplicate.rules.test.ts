import { describe, expect, it } from "vitest";
import { buildContext } from "./context.ts";
import { checkDuplicates, findDuplicatePairs } from "./duplicate.rules.ts";
import type { CoachKeyResultInput } from "./types.ts";

function pairs(...keyResults: Array<string | CoachKeyResultInput>): Array<[number, number]> {
  const inputs = keyResults.map((keyResult) =>
    typeof keyResult === "string" ? { title: keyResult } : keyResult,
  );
  return findDuplicatePairs(buildContext({ objective: { title: "x" }, keyResults: inputs }).keyResults);
}

describe("set.duplicate_krs", () => {
  it.each([
    ["门店日均客流从 800 人提升到 1100 人", "门店日均客流从800人提高到1100人"],
    ["退货率从 6% 降低到 4%", "退货率由 6% 降至 4%"],
    ["小程序订单占比提升到 30%", "小程序订单占比提高至 30%"],
    ["直播间观看人数从 2 万增长到 5 万", "直播间观看人数从 2 万增加到 5 万"],
    ["Monthly active sellers from 900 to 1,400", "Grow monthly active sellers from 900 to 1,400"],
    ["Reduce churn from 5% to 3%", "Churn rate from 5% to 3%"],
    ["Quarterly close from 12 days to 6", "Quarterly close from 12 days to 7"],
    // Synonyms, word order, units and numerals: the same measure in other words.
    ["签约客户数从 120 家增长到 200 家", "新签客户数量达到 200 家"],
    ["门店缺货率由 7% 降至 3%", "缺货率(门店)从7%下降到3%"],
    ["月度结账时间从 8 天缩短到 4 天", "每月结账用时由 8 天压缩至 4 天"],
    ["营收从 5 亿元增长到 8 亿元", "营业收入由五亿元提升至八亿元"],
    ["异常件平均处理时长从 48 小时缩短到 24 小时", "异常件平均处理时长缩短到 24 小时(目前 48 小时)"],
    ["Number of paying customers from 120 to 200", "Paying clients grow from 120 to 200"],
    ["Average handle time from 9 to 6 minutes", "Mean handle time: 9 → 6 minutes"],
  ])("finds %s and %s to say the same thing", (first, second) => {
    expect(pairs(first, second, "员工满意度从 3.5 提升到 4.0")).toEqual([[0, 1]]);
  });

  it.each([
    ["华北区续约率从 78% 提升到 88%", "华南区续约率从 78% 提升到 88%"],
    ["新客户数从 120 家增长到 200 家", "老客户数从 120 家增长到 200 家"],
    ["Web conversion from 2.1% to 3.0%", "App conversion from 2.1% to 3.0%"],
    ["Ship the Windows client", "Ship the macOS client"],
    ["Ten deals in Tier 1 accounts", "Ten deals in Tier 2 accounts"],
    ["次日留存从 30% 提升到 40%", "7 日留存从 14% 提升到 20%"],
    ["客户满意度从 85% 提升到 92%", "员工满意度从 85% 提升到 92%"],
    ["大客户数从 100 家增长到 200 家", "客户数从 100 家增长到 200 家"],
    ["iOS crash-free sessions from 99.1% to 99.8%", "Android crash-free sessions from 98.4% to 99.6%"],
  ])("keeps %s and %s apart", (first, second) => {
    expect(pairs(first, second)).toEqual([]);
  });

  it("reports the first pair with 1-based numbers", () => {
    const context = buildContext({
      objective: { title: "x" },
      keyResults: [
        { title: "毛利率从 30% 提升到 35%" },
        { title: "NPS 从 20 提升到 35" },
        { title: "毛利率从30%提高到35%" },
      ],
    });
    expect(checkDuplicates(context)).toEqual([
      { code: "set.duplicate_krs", target: "set", params: { first: 1, second: 3 } },
    ]);
  });
});
