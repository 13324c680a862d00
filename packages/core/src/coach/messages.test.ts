import { describe, expect, it } from "vitest";
import { COACH_CODES } from "./codes.ts";
import { renderFinding } from "./messages.ts";

const HAN = /\p{Script=Han}/u;

describe("renderFinding", () => {
  it.each(COACH_CODES)("has a message and a suggestion for %s in both locales", (code) => {
    const params = {
      text: "上线会员积分商城",
      metric: "30%",
      hedge: "争取",
      rewrite: "x",
      parts: ["a", "b"],
      count: 6,
      limit: 5,
    };
    const zh = renderFinding(code, "zh-CN", params);
    const en = renderFinding(code, "en", params);
    for (const text of [zh.message, zh.suggestion, en.message, en.suggestion])
      expect(text.length).toBeGreaterThan(10);
    expect(HAN.test(zh.message) && HAN.test(zh.suggestion)).toBe(true);
    expect(/[A-Za-z]{4}/.test(en.suggestion)).toBe(true);
    expect(zh.suggestion).not.toBe(en.suggestion);
  });

  it("quotes the user's words and says what to write instead", () => {
    const task = renderFinding("kr.is_task", "zh-CN", {
      text: "完成 4 次门店培训",
      core: "完成 4 次门店培训",
    });
    expect(task.message).toContain("「完成 4 次门店培训」");
    expect(task.suggestion).toContain("从 40% 提升到 60%");
    const hedge = renderFinding("kr.weasel_words", "en", { hedge: "Try to", rewrite: "Close 20 new deals" });
    expect(hedge.suggestion).toContain('"Close 20 new deals"');
    const compound = renderFinding("kr.compound", "en", {
      parts: ["ARR to $5M", "NRR above 110%"],
      count: 2,
    });
    expect(compound.suggestion).toContain('"ARR to $5M"; "NRR above 110%"');
  });

  it("clips long quotes", () => {
    const long = "让".repeat(80);
    expect(renderFinding("objective.is_task", "zh-CN", { text: long }).message.length).toBeLessThan(80);
  });
});
