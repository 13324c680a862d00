import { describe, expect, it } from "vitest";
import { measuredParts } from "./kr-compound.rules.ts";
import { analyzeText } from "./text-analysis.ts";

const parts = (title: string): string[] => measuredParts(analyzeText(title)).map((part) => part.text);

describe("kr.compound", () => {
  it.each([
    ["GMV 达到 2 亿元且退货率低于 6%"],
    ["注册用户从 10 万增长到 18 万,付费率从 3% 提升到 5%"],
    ["客单价从 80 元提升到 95 元,同时复购率从 20% 提升到 28%"],
    ["毛利率达到 38% 以及库存周转天数缩短到 35 天"],
    ["续约率从 80% 提升到 90% 并且扩购金额达到 500 万元"],
    ["Grow ARR from $5M to $8M and keep net retention above 110%"],
    ["Ship 3 integrations and reach 200 active installs"],
    ["Cut MTTR from 2 hours to 30 minutes, change failure rate from 15% to 5%"],
    ["Trial signups from 400 to 900 per month; trial-to-paid from 6% to 10%"],
    ["发货及时率从 90% 提升到 98% 和退货率从 3% 降到 1%"],
    ["Hire 4 engineers and 2 designers"],
    ["Publish 6 technical tutorials and 2 conference talks"],
  ])("fires on %s", (title) => {
    expect(parts(title)).toHaveLength(2);
  });

  it.each([
    ["产品和设计团队的人均需求吞吐从 6 个提升到 9 个"],
    ["抖音、快手账号粉丝总数从 20 万增长到 50 万"],
    ["编写并发布 12 篇操作指南"],
    ["订单及时交付率从 90% 提升到 97%"],
    ["撰写 20 篇案例和白皮书"],
    ["满意度提升至 4.6 分(当前 4.1 分)"],
    ["Sales and marketing pipeline from $4M to $7M"],
    ["P2 and P3 bug backlog from 300 to 120"],
    ["R&D spend as a share of revenue from 28% to 22%"],
    ["NPS reaches 50, up from 32"],
    ["Between 30 and 40 enterprise logos"],
    ["发货及时率从 90% 提升到 98%"],
    ["直播课同时在线峰值从 1.5 万人提升到 3 万人"],
    ["We've sourced 10% of pipeline in Q1; 20% in Q2; 30% in Q3"],
    ["Hire 2 CEs, and up to 5 if hiring targets are expanded"],
    ["Sales and marketing qualified leads at 400 per month"],
  ])("does not fire on %s", (title) => {
    expect(parts(title).length).toBeLessThan(2);
  });
});
