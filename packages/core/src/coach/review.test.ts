import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COACH_CODE_SPECS, COACH_CODES } from "./codes.ts";
import { reviewOkr, scoreFindings } from "./review.ts";

describe("reviewOkr", () => {
  it("returns 100 and no findings for a well-written OKR", () => {
    const review = reviewOkr({
      objective: { title: "让门店成为社区的生活中心" },
      keyResults: [
        { title: "门店周均到店人次从 3000 提升到 4500" },
        { title: "会员复购率由 28% 提升到 40%" },
        { title: "社区活动参与家庭从 200 户增加到 600 户" },
      ],
    });
    expect(review).toEqual({ score: 100, findings: [] });
  });

  it("scores 25 per error, 10 per warning and 3 per info", () => {
    const review = reviewOkr({
      objective: { title: "Launch the partner portal" },
      keyResults: [{ title: "Improve partner happiness" }],
    });
    const codes = review.findings.map((finding) => finding.code).sort();
    expect(codes).toEqual(["kr.not_measurable", "objective.is_task", "set.one_kr"]);
    expect(review.score).toBe(100 - 25 - 10 - 3);
  });

  it("never scores below 0", () => {
    expect(scoreFindings(Array.from({ length: 5 }, () => ({ severity: "error" as const })))).toBe(0);
  });

  it("writes messages in the language of the OKR unless a locale is given", () => {
    const input = { objective: { title: "搭建客户数据平台" }, keyResults: [] };
    expect(reviewOkr(input).findings[0]?.message).toMatch(/\p{Script=Han}/u);
    expect(reviewOkr(input, { locale: "en" }).findings[0]?.message).toMatch(/^The objective/);
  });

  it("analyses each text in its own language", () => {
    const review = reviewOkr(
      {
        objective: { title: "Make renewals boring" },
        keyResults: [{ title: "争取续约率达到 95%" }, { title: "Churn from 4% to 2%" }],
      },
      { locale: "en" },
    );
    expect(review.findings.map((finding) => `${finding.target}:${finding.code}`).sort()).toEqual([
      "keyResults[0]:kr.no_baseline",
      "keyResults[0]:kr.weasel_words",
    ]);
  });

  it("gives every finding the severity of its code and a target", () => {
    const review = reviewOkr({
      objective: {
        title: "在 2028 年 6 月前完成全国 12 个城市的配送网络建设，并让配送成本下降 15%，同时服务满意度更高",
      },
      keyResults: [
        { title: "争取配送时效从 48 小时缩短到 24 小时左右" },
        { title: "举办 3 场供应商大会" },
        { title: "优化路线规划" },
        { title: "单均配送成本从 12 元降到 9 元，同时准时率从 90% 提升到 97%" },
        { title: "配送网络覆盖城市达到 12 个" },
        { title: "配送网络覆盖城市达到 12 个" },
      ],
      ownerObjectiveCount: 7,
    });
    const seen = new Set(review.findings.map((finding) => finding.code));
    expect(seen).toEqual(
      // Advice on the kind needs a kind (kind.rules.test.ts); no set can be empty and single at once.
      new Set(
        COACH_CODES.filter(
          (code) =>
            ![
              "set.no_krs",
              "set.one_kr",
              "objective.committed_stretch",
              "objective.aspirational_routine",
            ].includes(code),
        ),
      ),
    );
    for (const finding of review.findings) {
      expect(finding.severity).toBe(COACH_CODE_SPECS[finding.code].severity);
      expect(finding.target).toMatch(/^(?:objective|set|keyResults\[\d+\])$/);
      expect(finding.suggestion.length).toBeGreaterThan(0);
    }
  });
});

describe("COACH_CODES", () => {
  it("lists the catalogue with severity and target", () => {
    expect(COACH_CODES).toHaveLength(15);
    expect(COACH_CODE_SPECS["kr.not_measurable"]).toEqual({ severity: "error", target: "keyResult" });
    expect(COACH_CODE_SPECS["objective.too_long"]).toEqual({ severity: "info", target: "objective" });
    expect(COACH_CODE_SPECS["set.duplicate_krs"]).toEqual({ severity: "warning", target: "set" });
  });
});

describe("reviewOkr on arbitrary text", () => {
  const fragments = [
    "完成",
    "上线",
    "提升",
    "从",
    "到",
    "由",
    "至",
    "每",
    "第",
    "一",
    "两",
    "三",
    "十",
    "百",
    "万",
    "亿",
    "%",
    "％",
    "，",
    "、",
    "和",
    "并且",
    "左右",
    "争取",
    "希望",
    "天内",
    "→",
    "Q3",
    "2028年",
    "launch",
    "from",
    "to",
    "and",
    "try to",
    "12",
    "3.5",
    "$2M",
    "1,500",
    "x",
    "-",
    "(",
    ")",
    "当前",
    "currently",
    " ",
    "SOC 2",
    "v2",
    "#1",
  ];
  const text = fc.array(fc.constantFrom(...fragments), { maxLength: 14 }).map((parts) => parts.join(""));
  const input = fc.record({
    title: fc.oneof(text, fc.string({ maxLength: 40 })),
    keyResults: fc.array(
      fc.record({
        title: fc.oneof(text, fc.string({ maxLength: 40 })),
        type: fc.constantFrom(null, "milestone", "boolean", "number", "percentage"),
        startValue: fc.constantFrom(null, 0, "", "12"),
        targetValue: fc.constantFrom(null, 40, "", "90"),
      }),
      { maxLength: 7 },
    ),
    owned: fc.option(fc.integer({ min: 0, max: 12 })),
  });

  it("never throws, keeps the score in 0–100 and only uses catalogue codes and valid targets", () => {
    fc.assert(
      fc.property(input, ({ title, keyResults, owned }) => {
        const review = reviewOkr({ objective: { title }, keyResults, ownerObjectiveCount: owned });
        expect(review.score).toBeGreaterThanOrEqual(0);
        expect(review.score).toBeLessThanOrEqual(100);
        for (const finding of review.findings) {
          expect(COACH_CODES).toContain(finding.code);
          const index = /^keyResults\[(\d+)\]$/.exec(finding.target)?.[1];
          if (index !== undefined) expect(Number(index)).toBeLessThan(keyResults.length);
          else expect(["objective", "set"]).toContain(finding.target);
        }
      }),
      { numRuns: 300 },
    );
  });
});
