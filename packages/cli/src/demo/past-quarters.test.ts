import { describe, expect, it } from "vitest";
import { previousQuarters } from "./past-quarters.ts";

describe("previousQuarters", () => {
  it("counts back whole quarters, across the turn of the year, oldest first", () => {
    expect(previousQuarters("2027-01-01", 2)).toEqual([
      { year: 2026, quarter: 3, startDate: "2026-07-01", endDate: "2026-09-30" },
      { year: 2026, quarter: 4, startDate: "2026-10-01", endDate: "2026-12-31" },
    ]);
    expect(previousQuarters("2028-04-01", 1)).toEqual([
      { year: 2028, quarter: 1, startDate: "2028-01-01", endDate: "2028-03-31" },
    ]);
  });
});
