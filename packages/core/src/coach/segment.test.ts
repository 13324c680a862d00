import { describe, expect, it } from "vitest";
import { detectLocale } from "./locale.ts";
import { hasStandaloneWord, normalizeText, segmentWords, splitClauses, textLanguage } from "./segment.ts";

describe("normalizeText", () => {
  it("folds full-width digits, letters and punctuation and collapses spaces", () => {
    expect(normalizeText("  ＮＰＳ　从１０提升到２０％（目标）  ")).toBe("NPS 从10提升到20%(目标)");
  });
});

describe("textLanguage and detectLocale", () => {
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

  it("maps languages to message locales", () => {
    expect(detectLocale("提升门店坪效")).toBe("zh-CN");
    expect(detectLocale("Lift store productivity")).toBe("en");
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

describe("segmentWords", () => {
  it("uses the segmenter so that connectors inside words do not stand alone", () => {
    const tokens = segmentWords("发货及时率和退货率", "zh");
    expect(hasStandaloneWord(tokens, "及")).toBe(false);
    expect(hasStandaloneWord(tokens, "和")).toBe(true);
  });
});
