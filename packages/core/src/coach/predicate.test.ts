import { describe, expect, it } from "vitest";
import { stripChineseFrame, stripEnglishFrame } from "./predicate.ts";
import { analyzeText } from "./text-analysis.ts";
import { englishLemmas } from "./verb-lexicon.ts";

function predicateOf(text: string) {
  return analyzeText(text).predicate;
}

describe("the predicate: verbs of delivery, activity, change and outcome", () => {
  it.each([
    ["完成供应商准入流程改造", "deliver"],
    ["上线电子发票功能", "deliver"],
    ["搭建渠道伙伴门户", "deliver"],
    ["组织 3 场经销商大会", "deliver"],
    ["撰写产品白皮书", "deliver"],
    ["推进精益改善项目", "activity"],
    ["落实安全生产责任制", "activity"],
    ["开展用户访谈", "activity"],
    ["提升门店坪效", "change"],
    ["降低库存周转天数", "change"],
    ["签下 5 家省级代理", "outcome"],
    ["让一线主管敢于授权", "state"],
    ["Launch the reseller program", "deliver"],
    ["Roll out the new expense policy", "deliver"],
    ["Write 6 case studies", "deliver"],
    ["Engage with design partners", "activity"],
    ["Improve release quality", "change"],
    ["Win 3 public-sector tenders", "outcome"],
    ["Make hiring feel personal", "state"],
  ])("%s → %s", (text, kind) => {
    expect(predicateOf(text).kind).toBe(kind);
  });

  it.each([
    ["完成率由 70% 提升到 90%"],
    ["上线数从 4 个增加到 10 个"],
    ["迁移后接口错误率降到 0.1%"],
    ["交付周期从 40 天缩短到 25 天"],
    ["设计师满意度从 3.8 提升到 4.3"],
    ["Completion rate from 70% to 90%"],
    ["Launches slipping past their date from 40% to 10%"],
    ["Support response time from 8 hours to 2 hours"],
  ])("reads a measure name that contains an output word as a noun: %s", (text) => {
    expect(["none", "change"]).toContain(predicateOf(text).kind);
  });

  it("lets a later change verb govern a subject that starts with a verb", () => {
    expect(predicateOf("发布引起的回滚次数从每月 5 次降到 1 次").kind).toBe("change");
  });

  it("reads a deliverable named first and finished last", () => {
    expect(predicateOf("新版小程序上线").kind).toBe("deliver");
    expect(predicateOf("Self-serve billing live in production").kind).toBe("deliver");
    expect(predicateOf("Migration of the payroll data").kind).toBe("deliver");
  });

  it("gives weak English verbs a task reading only with a deliverable or count", () => {
    expect(predicateOf("Give 5 conference talks").kind).toBe("deliver");
    expect(predicateOf("Run a customer advisory summit").kind).toBe("deliver");
    expect(predicateOf("Give partners a reason to sell us").kind).toBe("state");
    expect(predicateOf("Make the checkout feel instant").kind).toBe("state");
  });

  it("marks unbounded activities as open-ended", () => {
    expect(predicateOf("推进数据治理").isOpenEnded).toBe(true);
    expect(predicateOf("Host customer webinars").isOpenEnded).toBe(true);
    expect(predicateOf("Host a customer webinar").isOpenEnded).toBe(false);
    expect(predicateOf("推进新系统上线").kind).toBe("deliver");
  });

  it("reads inflected verbs when the sentence shows they are verbs", () => {
    expect(predicateOf("We've shipped the usage-based pricing page").kind).toBe("deliver");
    expect(predicateOf("Published a security whitepaper").kind).toBe("deliver");
    expect(predicateOf("Start recording product demos").verb).toBe("record");
  });
});

describe("frames around the predicate", () => {
  it.each([
    ["2028年3月底前完成仓库搬迁", "完成仓库搬迁"],
    ["争取 10 月前上线会员商城", "上线会员商城"],
    ["每周发布 2 篇案例", "发布 2 篇案例"],
    ["在 8 月上线新官网", "上线新官网"],
    ["第三季度内持续提升复购率", "提升复购率"],
  ])("strips the frame of %s", (text, core) => {
    expect(stripChineseFrame(text)).toBe(core);
  });

  it.each([
    ["[P1] Sales: Close 4 channel deals", "Close 4 channel deals"],
    ["By March 31, migrate the CRM", "migrate the CRM"],
    ["Try to publish the API guide", "publish the API guide"],
    ["Q3: make onboarding effortless", "make onboarding effortless"],
    ["Customer success: Launch health scores", "Launch health scores"],
  ])("strips the frame of %s", (text, core) => {
    expect(stripEnglishFrame(text)).toBe(core);
  });

  it("lists base forms of inflected verbs", () => {
    expect(englishLemmas("shipped")).toContain("ship");
    expect(englishLemmas("published")).toContain("publish");
    expect(englishLemmas("built")).toEqual(["build"]);
  });
});
