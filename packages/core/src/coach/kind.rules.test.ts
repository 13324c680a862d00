import { describe, expect, it } from "vitest";
import { reviewOkr } from "./review.ts";
import type { CoachInput } from "./types.ts";

const codes = (input: CoachInput) => reviewOkr(input).findings.map((f) => f.code);

describe("the coach on committed and aspirational objectives", () => {
  it("says when a committed objective's key results read like a stretch, by words or by numbers", () => {
    const committed = (title: string, startValue?: number, targetValue?: number): CoachInput => ({
      objective: { title: "让老客户持续回购" },
      keyResults: [
        { title, type: "number", startValue: startValue ?? null, targetValue: targetValue ?? null },
      ],
      kind: "committed",
    });
    expect(codes(committed("复购收入翻一番，从 500 万元到 1000 万元", 500, 1000))).toContain(
      "objective.committed_stretch",
    );
    expect(codes(committed("Repeat revenue from 0.5M to 0.9M, then double it next year"))).toContain(
      "objective.committed_stretch",
    );
    expect(codes(committed("复购率从 40% 提升到 85%", 40, 85))).toContain("objective.committed_stretch");
    expect(codes(committed("复购率从 40% 提升到 46%", 40, 46))).not.toContain("objective.committed_stretch");
  });

  it("says when an aspirational objective only keeps things as they are", () => {
    const aspirational = (...titles: string[]): CoachInput => ({
      objective: { title: "Customers love our support" },
      keyResults: titles.map((title) => ({ title })),
      kind: "aspirational",
    });
    expect(codes(aspirational("Keep CSAT at 92%", "Maintain first reply under 2 hours"))).toContain(
      "objective.aspirational_routine",
    );
    expect(codes(aspirational("Keep CSAT at 92%", "First reply time from 6 hours to 1 hour"))).not.toContain(
      "objective.aspirational_routine",
    );
    expect(
      codes({
        objective: { title: "客户满意" },
        keyResults: [{ title: "满意度保持在 90% 以上" }],
        kind: "aspirational",
      }),
    ).toContain("objective.aspirational_routine");
  });

  it("gives no advice on the kind when the kind is not given", () => {
    expect(
      codes({
        objective: { title: "Customers love our support" },
        keyResults: [{ title: "Keep CSAT at 92%" }, { title: "Double NPS" }],
      }),
    ).not.toEqual(expect.arrayContaining(["objective.aspirational_routine"]));
  });
});
