import { describe, expect, it } from "vitest";
import { buildContext } from "./context.ts";
import { checkWeaselWords, findHedges, withoutHedges } from "./kr-weasel.rules.ts";
import { analyzeText } from "./text-analysis.ts";

const hedgesIn = (title: string): string[] => findHedges(analyzeText(title)).map((hedge) => hedge.word);

describe("kr.weasel_words", () => {
  it.each([
    ["努力把交付周期从 20 天缩短到 12 天", "努力"],
    ["争取签下 8 家新代理商", "争取"],
    ["尽量减少返工", "尽量"],
    ["力争毛利率达到 40%", "力争"],
    ["尽可能提升首单转化", "尽可能"],
    ["希望客单价提升到 300 元", "希望"],
    ["新增门店大概 15 家", "大概"],
    ["月均订单 5000 单左右", "左右"],
    ["人效提升到 12 万元上下", "上下"],
    ["Try to cut onboarding time from 10 days to 5", "Try to"],
    ["Hopefully reach 500 paying teams", "Hopefully"],
    ["Aim to publish 6 case studies", "Aim to"],
    ["Strive to keep churn under 2%", "Strive to"],
    ["Reduce cloud spend as much as possible", "as much as possible"],
    ["Approximately 40 new logos", "Approximately"],
    ["Around 300 qualified leads per month", "Around"],
  ])("fires on %s (%s)", (title, hedge) => {
    expect(hedgesIn(title)).toContain(hedge);
  });

  it.each([
    ["希望小学覆盖数从 30 所增加到 60 所"],
    ["资助的希望小学达到 50 所"],
    ["合作伙伴的希望清单全部响应"],
    ["左右手互搏的问题减少一半"],
    ["签约客户从 20 家增长到 35 家"],
    ["Market entry to Spain by Q3"],
    ["Country entry to 3 new markets"],
    ["Grow pipeline from $2M to $3M"],
    ["Write about our architecture"],
  ])("does not fire on %s", (title) => {
    expect(hedgesIn(title)).toEqual([]);
  });

  it("suggests the sentence without its hedge", () => {
    const context = buildContext({
      objective: { title: "x" },
      keyResults: [{ title: "Try to close 20 new deals" }],
    });
    expect(checkWeaselWords(context.keyResults[0]!)[0]?.params.rewrite).toBe("Close 20 new deals");
    const analysis = analyzeText("争取会员数达到 12 万左右");
    expect(withoutHedges(analysis.text, findHedges(analysis))).toBe("会员数达到 12 万");
  });
});
