import { describe, expect, it } from "vitest";
import { normalizeText, splitClauses, textLanguage } from "./segment.ts";

describe("normalizeText", () => {
  it("folds full-width digits, letters and punctuation and collapses spaces", () => {
    expect(normalizeText("  ＮＰＳ　从１０提升到２０％（目标）  ")).toBe("NPS 从10提升到20%(目标)");
  });
});

describe("textLanguage", () => {
  it.each([
    ["让门店店长少填报表", "zh"],
    ["ARPU 从 45 元提升到 60 元", "zh"],
    ["让 SaaS 客户更快上手", "zh"],
    ["Make every release boring", "en"],
    ["Grow ARR in 华东 from $1M to $2M", "en"],
    ["", "en"],
  ])("reads %s as %s", (text, language) => {
    expect(textLanguage(text)).toBe(language);
  });
});

describe("splitClauses", () => {
  it("splits at clause punctuation but not inside numbers or parentheses", () => {
    expect(splitClauses("访客从 1,200 增加到 3,000,注册率从 2% 提升到 4%").map((span) => span.text)).toEqual([
      "访客从 1,200 增加到 3,000",
      "注册率从 2% 提升到 4%",
    ]);
    expect(splitClauses("Churn from 4% to 2% (monthly, logo churn)")).toHaveLength(1);
  });

  it("keeps offsets into the original text", () => {
    const [, second] = splitClauses("甲;乙丙");
    expect(second).toEqual({ text: "乙丙", start: 2 });
  });
});
