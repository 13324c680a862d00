import { describe, expect, it } from "vitest";
import { buildContext } from "./context.ts";
import { checkSet } from "./set.rules.ts";

function setCodes(keyResultCount: number, ownerObjectiveCount?: number | null): string[] {
  const keyResults = Array.from({ length: keyResultCount }, (_, index) => ({
    title: `指标${index} 从 1 到 2`,
  }));
  return checkSet(
    buildContext({ objective: { title: "让团队更专注" }, keyResults, ownerObjectiveCount }),
  ).map((finding) => finding.code);
}

describe("set rules", () => {
  it.each([
    [0, ["set.no_krs"]],
    [1, ["set.one_kr"]],
    [2, []],
    [5, []],
    [6, ["set.too_many_krs"]],
    [9, ["set.too_many_krs"]],
  ])("with %i key results finds %j", (count, codes) => {
    expect(setCodes(count)).toEqual(codes);
  });

  it.each([
    [null, false],
    [undefined, false],
    [3, false],
    [5, false],
    [6, true],
    [12, true],
  ])("with an owner of %s objectives, too_many_objectives is %s", (owned, fires) => {
    expect(setCodes(3, owned).includes("set.too_many_objectives")).toBe(fires);
  });
});
