import { describe, expect, it } from "vitest";
import { weeklyCheckInRates } from "./check-in-rate.ts";

const DAY = 86_400_000;
const start = Date.parse("2027-04-01T00:00:00Z");

describe("weeklyCheckInRates", () => {
  it("counts each KR once per week, up to now, ignoring other KRs and times outside the cycle", () => {
    const rates = weeklyCheckInRates({
      startDate: "2027-04-01",
      startMs: start,
      endMs: start + 91 * DAY,
      nowMs: start + 16 * DAY,
      keyResultIds: new Set(["a", "b", "c", "d"]),
      checkIns: [
        { keyResultId: "a", atMs: start + 1 * DAY },
        { keyResultId: "a", atMs: start + 2 * DAY },
        { keyResultId: "b", atMs: start + 6 * DAY },
        { keyResultId: "c", atMs: start + 8 * DAY },
        { keyResultId: "x", atMs: start + 8 * DAY },
        { keyResultId: "d", atMs: start - 1 * DAY },
        { keyResultId: "d", atMs: start + 15 * DAY },
        { keyResultId: "a", atMs: start + 20 * DAY },
      ],
    });
    expect(rates).toEqual([
      { weekStart: "2027-04-01", rate: 0.5 },
      { weekStart: "2027-04-08", rate: 0.25 },
      { weekStart: "2027-04-15", rate: 0.25 },
    ]);
  });

  it("has no weeks before the cycle starts, and none past its end", () => {
    const base = {
      startDate: "2027-04-01",
      startMs: start,
      endMs: start + 14 * DAY,
      keyResultIds: new Set(["a"]),
      checkIns: [],
    };
    expect(weeklyCheckInRates({ ...base, nowMs: start - DAY })).toEqual([]);
    expect(weeklyCheckInRates({ ...base, nowMs: start + 60 * DAY })).toHaveLength(2);
    expect(weeklyCheckInRates({ ...base, keyResultIds: new Set(), nowMs: start + DAY })).toEqual([
      { weekStart: "2027-04-01", rate: 0 },
    ]);
  });
});
