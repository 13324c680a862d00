import { describe, expect, it } from "vitest";
import { reviewOkr } from "./review.ts";

function taskSuggestion(title: string, locale?: "zh-CN" | "en"): string {
  const isChinese = /\p{Script=Han}/u.test(title);
  const review = reviewOkr(
    {
      objective: { title: isChinese ? "让客户更快上手" : "Help customers get started faster" },
      keyResults: [
        { title },
        { title: isChinese ? "客户续约率从 80% 提升到 90%" : "Renewal rate from 80% to 90%" },
      ],
    },
    locale ? { locale } : {},
  );
  return review.findings.find((finding) => finding.code === "kr.is_task")?.suggestion ?? "";
}

describe("advice for kr.is_task: an outcome built from the task's own words", () => {
  it("turns training customers into how trained customers behave", () => {
    expect(taskSuggestion("完成 3 次客户培训")).toContain("「参训客户的 30 日活跃率从 x% 提升到 y%」");
    expect(taskSuggestion("Run 3 customer trainings")).toContain(
      '"30-day active rate of trained customers from x% to y%"',
    );
  });

  it.each([
    ["组织 4 次班组长培训", "参训班组长的岗位考核通过率"],
    ["上线新版会员中心", "每周使用新版会员中心的比例"],
    ["撰写 10 篇行业洞察文章", "行业洞察文章带来的有效线索"],
    ["完成全部 12 家门店的系统切换", "系统切换完成后，相关故障"],
    ["举办 2 场经销商大会", "参加经销商大会的"],
    ["新院区按期开业", "新院区的日均服务人次"],
    ["Ship the new onboarding flow", "using onboarding flow every week"],
    ["Publish 6 case studies", "Qualified leads from case studies"],
    ["Hire 3 support agents", "Time for new agents to work on their own"],
  ])("%s → %s", (title, outcome) => {
    expect(taskSuggestion(title)).toContain(outcome);
  });

  it("writes the advice in the language asked for", () => {
    expect(taskSuggestion("完成 3 次客户培训", "en")).toMatch(/^Ask what will be different/);
    expect(taskSuggestion("Run 3 customer trainings", "zh-CN")).toContain("参训");
  });
});
