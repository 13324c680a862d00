import { describe, expect, it } from "vitest";
import { type CorpusEntry, confuseTaskAndMeasure, evaluateCorpus, isCorpusEntry } from "./evaluate.ts";
import type { CoachInput, CoachReview } from "./types.ts";

const entry = (id: string, expected: string[]): CorpusEntry => ({
  id,
  objective: { title: id },
  keyResults: [{ title: "k" }],
  expected,
});

// A fake coach: each entry's objective title decides what it "finds".
const answers: Record<string, string[]> = {
  a: ["objective:objective.is_task", "keyResults[0]:kr.no_baseline"],
  b: ["keyResults[0]:kr.is_task", "set:custom.not_in_catalogue"],
};

function fakeReview(input: CoachInput): CoachReview {
  const findings = (answers[input.objective.title] ?? []).map((pair) => {
    const [target = "", code = ""] = pair.split(":");
    return {
      code,
      target,
      severity: "info",
      message: "",
      suggestion: "",
    } as unknown as CoachReview["findings"][number];
  });
  return { score: 0, findings };
}

describe("evaluateCorpus", () => {
  it("counts micro true/false positives and negatives over target:code pairs", () => {
    const result = evaluateCorpus(
      [
        entry("a", ["objective:objective.is_task", "keyResults[0]:kr.not_measurable"]),
        entry("b", ["keyResults[0]:kr.is_task", "set:other.code"]),
      ],
      fakeReview,
    );
    expect(result.overall).toMatchObject({ tp: 2, fp: 1, fn: 1, support: 3 });
    expect(result.overall.precision).toBeCloseTo(2 / 3);
    expect(result.overall.recall).toBeCloseTo(2 / 3);
    expect(result.overall.f1).toBeCloseTo(2 / 3);
    expect(result.perCode["kr.no_baseline"]).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
    expect(result.perCode["kr.not_measurable"]).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0, f1: 0 });
    expect(result.perCode["set.no_krs"]).toMatchObject({ support: 0, precision: 1, recall: 1 });
    expect(result.mistakes).toEqual([
      { id: "a", missing: ["keyResults[0]:kr.not_measurable"], unexpected: ["keyResults[0]:kr.no_baseline"] },
      { id: "b", missing: [], unexpected: ["set:custom.not_in_catalogue"] },
    ]);
  });

  it("recognises corpus entries", () => {
    expect(isCorpusEntry(entry("x", []))).toBe(true);
    expect(isCorpusEntry({ id: "x", objective: {}, keyResults: [], expected: [] })).toBe(false);
    expect(isCorpusEntry(null)).toBe(false);
  });

  it("counts key results by labelled and found class of kr.is_task and kr.not_measurable", () => {
    const matrix = confuseTaskAndMeasure(
      [
        entry("a", ["keyResults[0]:kr.not_measurable"]), // coach: neither of the two
        entry("b", ["keyResults[0]:kr.is_task", "keyResults[0]:kr.not_measurable"]), // coach: is_task
        entry("c", []), // coach: neither
      ],
      fakeReview,
    );
    expect(matrix.not_measurable.neither).toBe(1);
    expect(matrix.both.is_task).toBe(1);
    expect(matrix.neither.neither).toBe(1);
    expect(
      Object.values(matrix)
        .flatMap((row) => Object.values(row))
        .reduce((a, b) => a + b, 0),
    ).toBe(3);
  });
});
