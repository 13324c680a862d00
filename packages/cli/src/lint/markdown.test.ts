import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LintInputError } from "./draft.ts";
import { parseMarkdownDrafts } from "./markdown.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** The drafts as "line title" strings, KRs indented, to compare structure and line numbers at once. */
function outline(text: string): string[] {
  return parseMarkdownDrafts(text).flatMap((draft) => [
    `${draft.objective.line} ${draft.objective.title}`,
    ...draft.keyResults.map((kr) => `  ${kr.line} ${kr.title}`),
  ]);
}

describe("parseMarkdownDrafts — headings and list items", () => {
  it("reads the English fixture: title and action-plan headings and nested items are not OKRs", () => {
    expect(outline(fixture("okrs.en.md"))).toEqual([
      "5 Make checkout effortless for returning customers",
      "  7 Raise checkout conversion for returning customers from 62% to 75%",
      "  9 Cut median checkout time from 90 seconds to 40 seconds",
      "  10 Reduce payment-related support tickets from 340 to 120 per month",
      "12 Ship the new mobile app",
      "  14 Try to increase weekly active users to approximately 50,000",
      "  15 Write 5 blog posts about the launch",
      "21 Become the partner developers trust first",
    ]);
  });

  it("takes a single top-level heading as the objective", () => {
    expect(outline("# 提升新客户留存\n\n- 次月留存从 30% 提升到 45%\n* 流失率从 8% 降到 5%\n")).toEqual([
      "1 提升新客户留存",
      "  3 次月留存从 30% 提升到 45%",
      "  4 流失率从 8% 降到 5%",
    ]);
  });

  it("accepts numbered lists, task boxes and a 'Key results' sub-heading", () => {
    const text =
      "## Win the mid-market\n### Key results\n1. Net revenue retention from 98% to 110%\n2) Gross margin from 61% to 66%\n- [x] Churn from 3% to 2%\n";
    expect(outline(text)).toEqual([
      "1 Win the mid-market",
      "  3 Net revenue retention from 98% to 110%",
      "  4 Gross margin from 61% to 66%",
      "  5 Churn from 3% to 2%",
    ]);
  });

  it("ignores fenced code, HTML comments and front matter", () => {
    const text =
      "---\ntitle: x\n---\n# O\n```\n# not an objective\n- not a KR\n```\n<!--\n- hidden\n-->\n- real KR from 1 to 2\n";
    expect(outline(text)).toEqual(["4 O", "  12 real KR from 1 to 2"]);
  });

  it("keeps an objective with no key results", () => {
    expect(outline("# Only an objective\n\nSome prose.\n")).toEqual(["1 Only an objective"]);
  });
});

describe("parseMarkdownDrafts — O: / KR: lines", () => {
  it("reads the Chinese fixture with 目标/关键结果 numbering and full-width colons", () => {
    expect(outline(fixture("okrs.zh.md"))).toEqual([
      "3 让新客户在第一个月就离不开我们",
      "  4 新客户首月活跃率从 45% 提升到 70%",
      "  5 上手阶段的工单量从每周 80 张降低到 30 张",
      "  6 首月流失率由 12% 降至 5%",
      "8 完成客服系统升级",
      "  9 争取完成 3 次客户培训",
      "  10 提升客户满意度",
      "12 成为客户最信赖的顾问",
    ]);
  });

  it.each([
    ["O: A\nKR: B", ["1 A", "  2 B"]],
    ["O1: A\nKR1.2: B", ["1 A", "  2 B"]],
    ["目标：甲\n关键结果：乙", ["1 甲", "  2 乙"]],
    ["目标1：甲\n关键结果 1.1：乙", ["1 甲", "  2 乙"]],
    ["O1、甲\nKR1、乙\nKR2 丙", ["1 甲", "  2 乙", "  3 丙"]],
    ["Objective 1: A\nKey result: B", ["1 A", "  2 B"]],
    ["## O1：甲\n- KR1：乙\n- 丙", ["1 甲", "  2 乙", "  3 丙"]],
    ["**O1:** A\n- **KR1:** B", ["1 A", "  2 B"]],
  ])("reads %j", (text, expected) => {
    expect(outline(text)).toEqual(expected);
  });

  it("does not take 目标值 or words that start with O for labels", () => {
    expect(outline("# Onboarding: faster\n- 目标值：100 from 20")).toEqual([
      "1 Onboarding: faster",
      "  2 目标值：100 from 20",
    ]);
  });

  it("stops taking list items at an unlabelled heading after labelled objectives", () => {
    expect(outline("O1: A\nKR1: B\n## Notes\n- not a KR")).toEqual(["1 A", "  2 B"]);
  });

  it("refuses a key result line before any objective", () => {
    expect(() => parseMarkdownDrafts("\nKR1: orphan\nO1: A")).toThrow(LintInputError);
    expect(() => parseMarkdownDrafts("\nKR1: orphan\nO1: A")).toThrow(/line 2/);
  });

  it("counts lines the same with CRLF line endings", () => {
    expect(outline("O: A\r\n\r\nKR: B\r\n")).toEqual(["1 A", "  3 B"]);
  });
});
