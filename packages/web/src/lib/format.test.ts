import { describe, expect, it } from "vitest";
import { formatMeasure, formatShortDate, groupThousands, unitFor } from "./format.ts";

describe("formatMeasure", () => {
  it.each([
    [5970640, "USD", "en", "5,970,640 USD"],
    [5970640, "USD", "zh-CN", "5,970,640 USD"],
    [1200000, "元", "zh-CN", "1,200,000 元"],
    [12.5, "k USD", "en", "12.5 k USD"],
    [35, "%", "en", "35%"],
    [1, "hours", "en", "1 hour"],
    [4, "hours", "en", "4 hours"],
    [1, "小时", "zh-CN", "1 小时"],
    [3, "小时", "zh-CN", "3 小时"],
    [1, "new customers", "en", "1 new customer"],
    [0, "hour", "en", "0 hours"],
    [1234.5678, null, "en", "1,234.5678"],
  ])("%s %s in %s reads %s", (value, unit, language, expected) => {
    expect(formatMeasure(value, unit, language)).toBe(expected);
  });

  it("shows a dash for no value", () => {
    expect(formatMeasure(null, "USD", "en")).toBe("—");
  });
});

describe("unitFor", () => {
  it.each([
    ["hours", "hour"],
    ["days", "day"],
    ["companies", "company"],
    ["searches", "search"],
    ["entries", "entry"],
    ["people", "person"],
    ["points", "point"],
    // Never touched: codes, symbols, abbreviations, words that end in s in the singular.
    ["USD", "USD"],
    ["k€", "k€"],
    ["ms", "ms"],
    ["pts", "pts"],
    ["status", "status"],
    ["analysis", "analysis"],
    ["class", "class"],
  ])("1 %s → 1 %s in English", (unit, expected) => {
    expect(unitFor(1, unit, "en")).toBe(expected);
  });

  it("keeps the plural for every other count, and adds it to a count noun written singular", () => {
    expect(unitFor(2, "hours", "en")).toBe("hours");
    expect(unitFor(1.5, "hour", "en")).toBe("hours");
    expect(unitFor(3, "person", "en")).toBe("people");
    expect(unitFor(3, "kg", "en")).toBe("kg");
  });

  it("leaves Chinese units alone: Chinese has no plural", () => {
    expect(unitFor(1, "hours", "zh-CN")).toBe("hours");
    expect(unitFor(2, "家", "zh-CN")).toBe("家");
  });
});

describe("groupThousands", () => {
  it("groups the whole part as it is typed", () => {
    expect(groupThousands("5970640")).toBe("5,970,640");
    expect(groupThousands("5970640.125")).toBe("5,970,640.125");
    expect(groupThousands("-1234")).toBe("-1,234");
    expect(groupThousands("12.")).toBe("12.");
  });
});

describe("formatShortDate", () => {
  it("names the month, never a bare 10-01", () => {
    const first = Date.UTC(2026, 9, 1, 12);
    expect(formatShortDate(first, "en")).toBe("Oct 1");
    expect(formatShortDate(first, "zh-CN")).toBe("10月1日");
  });
});
