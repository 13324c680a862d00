import { describe, expect, it } from "vitest";
import { buildContext } from "./context.ts";
import { checkTask } from "./kr-task.rules.ts";

function isTask(title: string, type?: string): boolean {
  const context = buildContext({
    objective: { title: "让交付更顺畅" },
    keyResults: [{ title, type: type ?? null }],
  });
  return checkTask(context.keyResults[0]!).length > 0;
}

describe("kr.is_task", () => {
  it.each([
    ["完成 3 次客户培训"],
    ["举办两场用户开放日"],
    ["撰写 10 篇行业洞察文章"],
    ["上线新版会员中心"],
    ["新版小程序上线"],
    ["梳理并发布采购制度"],
    ["2028年5月底前完成仓库搬迁"],
    ["推进供应链数字化"],
    ["开展员工满意度调研"],
    ["Run 4 customer roundtables"],
    ["Publish the public roadmap"],
    ["Roll out the new expense tool"],
    ["Record 10 tutorial videos"],
    ["Automate invoice matching"],
    ["Host community meetups"],
    ["Launch of the referral program"],
  ])("fires on %s", (title) => {
    expect(isTask(title)).toBe(true);
  });

  it("fires on a milestone task", () => {
    expect(isTask("完成 2 个区域仓的系统上线", "milestone")).toBe(true);
  });

  it.each([
    ["完成率从 65% 提升到 90%"],
    ["按期完成的项目占比从 60% 提升到 85%"],
    ["上线后首月故障数从 12 个降到 3 个"],
    ["发布引起的回滚从每月 4 次降到 1 次"],
    ["组织 4 场宣讲,带来简历投递量从 300 份增长到 800 份"],
    ["签约 20 家新门店"],
    ["通过 ISO 9001 复审"],
    ["提升产品稳定性"],
    ["Completion rate of onboarding from 50% to 80%"],
    ["Projects delivered on time from 60% to 85%"],
    ["Close 12 enterprise deals"],
    ["Pass the external GDPR audit"],
    ["Write 6 guides that cut setup tickets by 30%"],
    ["Give sales a reason to trust the forecast"],
  ])("does not fire on %s", (title) => {
    expect(isTask(title)).toBe(false);
  });
});
