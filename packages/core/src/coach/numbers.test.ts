import { describe, expect, it } from "vitest";
import { findQuantities, parseChineseNumeral, type Quantity, readNumber } from "./numbers.ts";
import { normalizeText, textLanguage } from "./segment.ts";

function quantities(text: string): Quantity[] {
  const normalized = normalizeText(text);
  return findQuantities(normalized, textLanguage(normalized));
}

const raws = (text: string): string[] => quantities(text).map((quantity) => quantity.raw);
const values = (text: string): string[] =>
  quantities(text)
    .filter((quantity) => quantity.role === "value")
    .map((quantity) => quantity.raw);

describe("parseChineseNumeral", () => {
  it.each([
    ["三", 3],
    ["两", 2],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["九十九", 99],
    ["一百零八", 108],
    ["三千", 3000],
    ["一万二千", 12_000],
    ["十万", 100_000],
    ["一百万", 1_000_000],
    ["百万", 1_000_000],
    ["一千二百万", 12_000_000],
    ["十亿", 1_000_000_000],
    ["三亿五千万", 350_000_000],
    ["二〇二八", 2028],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["", "万一", "十四五", "亿", "百千"])("rejects %s, which is not a number", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe("readNumber", () => {
  it.each([
    ["1,250", 1250],
    ["2.5万", 25_000],
    ["三十万", 300_000],
    ["百分之十五", 15],
    ["$36K", 36_000],
    ["1.5 million", 1_500_000],
    ["四成", 40],
  ])("reads %s as %d", (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  it("returns null for text that is not one amount", () => {
    expect(readNumber("版本号")).toBeNull();
    expect(readNumber("3 and 4")).toBeNull();
  });
});

describe("findQuantities: what counts as an amount", () => {
  it.each([
    ["营收提升 35%", "35%"],
    ["全年签下十二家医院", "十二家"],
    ["装机量增长三倍", "三倍"],
    ["交易额冲刺一亿", "一亿"],
    ["复购客户占四成", "四成"],
    ["门店翻一番", "翻一番"],
    ["活跃用户破千万", "千万"],
    ["新增 1.5 万名会员", "1.5 万名"],
    ["开通两个海外仓", "两个"],
    ["Double weekly signups", "Double"],
    ["Grow pipeline 4x", "4x"],
    ["Raise $2.5M seed funding", "$2.5M"],
    ["Hire twelve engineers", "twelve"],
    ["Cut churn in half", "in half"],
  ])("finds the figure in %s", (text, figure) => {
    expect(raws(text)).toContain(figure);
  });

  it.each([
    ["2028年成为区域龙头"],
    ["2028 年度经营计划"],
    ["第四季度提升交付质量"],
    ["Q2 让合作伙伴更满意"],
    ["FY27 partner program"],
    ["Win the market in 2028"],
    ["4月15日前上线"],
    ["11 月底前完成评审"],
    ["Ship by September 30"],
    ["Ship by 30 Sept"],
    ["升级到 4.2.1 版本"],
    ["发布接口规范 2.0 版本"],
    ["Prepare the 3.0 release notes"],
    ["Upgrade to Node v22"],
    ["Pass the SOC 2 audit"],
    ["Get ISO 14001 certified"],
    ["Close Issue 4821"],
    ["Fix all P1 bugs"],
    ["Sev-2 incidents reviewed"],
    ["服务 K12 学校"],
    ["推行 6S 管理"],
    ["部署 5G 专网"],
    ["聚焦 B2B 市场"],
    ["让每一个门店都盈利"],
    ["打造一支铁军"],
    ["深耕一二线城市"],
    ["新一代收银系统"],
    ["提升一线员工体验"],
    ["双十一大促保障"],
    ["三期工程顺利开工"],
    ["通过等保三级测评"],
    ["96110 热线接通率"],
    ["十分关键的项目"],
    ["1:1 meetings every week"],
    ["24/7 support coverage"],
    ["Make one place for feedback"],
    ["See https://example.com/issues/42 for details"],
  ])("ignores dates, versions, names and articles in %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("reads full-width digits and percent signs", () => {
    expect(raws("转化率从８％提升到１５％")).toEqual(["8%", "15%"]);
  });

  it("keeps a range as one amount", () => {
    expect(raws("每月新增线索 300-400 条")).toEqual(["300-400 条"]);
  });

  it("marks time windows, bases and measure names as qualifiers or labels, not targets", () => {
    const windows = quantities("上线 14 天内留存的用户占比达到 60%");
    expect(windows.map((quantity) => [quantity.raw, quantity.role])).toEqual([
      ["14 天", "qualifier"],
      ["60%", "value"],
    ]);
    expect(quantities("3 日留存率提升到 45%")[0]?.role).toBe("label");
    expect(quantities("Reach 10,000 installs within 90 days")[1]?.role).toBe("qualifier");
    expect(quantities("Improve 28-day retention")[0]?.role).toBe("label");
    expect(quantities("Incidents per 1,000 deploys from 8 to 3")[0]?.role).toBe("qualifier");
    expect(quantities("25-35 岁用户占比提升")[0]?.role).toBe("label");
  });

  it("reads a figure before a superlative as a rank and one that sizes a population as a qualifier", () => {
    expect(quantities("Answer the 15 most asked questions")[0]?.role).toBe("rank");
    expect(quantities("Visit our 3 largest accounts")[0]?.role).toBe("rank");
    expect(quantities("Self-serve checkout for teams under 20 seats")[0]?.role).toBe("qualifier");
    expect(quantities("Win 10 customers with more than 500 employees").map((q) => q.role)).toEqual([
      "value",
      "qualifier",
    ]);
    expect(quantities("Keep churned customers under 5")[0]?.role).toBe("value");
    expect(quantities("Self-serve order form for deals under $25k")[0]?.role).toBe("qualifier");
  });

  it("reads the interval after every as a cadence, not a target", () => {
    expect(quantities("Newsletter sent every two weeks")[0]?.role).toBe("label");
    expect(quantities("Backups tested every 2 weeks")[0]?.role).toBe("label");
    expect(quantities("Run 4 customer interviews every month")[0]?.role).toBe("value");
  });

  it("keeps a time amount that closes the sentence as a target", () => {
    expect(quantities("审批时长控制在 2 天以内")[0]?.role).toBe("value");
    expect(quantities("Cut cycle time to 6 days")[0]?.role).toBe("value");
  });

  it("reads magnitudes and currency", () => {
    const [amount] = quantities("年营收达到 3.2 亿元");
    expect(amount).toMatchObject({ value: 320_000_000, kind: "currency" });
    const [dollars] = quantities("ARR of $1.2M");
    expect(dollars).toMatchObject({ value: 1_200_000, kind: "currency" });
  });

  it("reads redacted figures as amounts", () => {
    expect(quantities("Reach $N in new bookings")[0]?.kind).toBe("currency");
    expect(quantities("Retention of X% or more")[0]?.kind).toBe("percent");
  });

  it("reads ranks apart from amounts", () => {
    expect(quantities("进入行业前五")[0]?.role).toBe("rank");
    expect(quantities("Become a top 3 vendor")[0]?.role).toBe("rank");
    expect(quantities("市场份额保持行业第一")[0]?.role).toBe("rank");
    expect(quantities("应用商店排名第 3 名")[0]?.role).toBe("rank");
    expect(quantities("Be #1 in G2 reviews")[0]?.role).toBe("rank");
    expect(quantities("第一批客户上线")).toEqual([]);
  });
});
