import type { CheckIn, KeyResult } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { progressOverTime } from "./chart-data.ts";

const kr = (id: string, weight: number) => ({ id, weight }) as KeyResult;
const checkIn = (createdAt: string, progress: number) => ({ createdAt, progress }) as CheckIn;

describe("progressOverTime", () => {
  const cycle = { startDate: "2027-04-01", endDate: "2027-06-30" };
  const start = Date.parse("2027-04-01T00:00:00Z");
  const end = Date.parse("2027-07-01T00:00:00Z");

  it("replays check-ins as the weighted mean of the KRs' latest progress, ending on today's progress", () => {
    const series = progressOverTime(
      cycle,
      [kr("a", 1), kr("b", 3)],
      new Map([
        ["a", [checkIn("2027-04-20T00:00:00Z", 1), checkIn("2027-04-10T00:00:00Z", 0.4)]],
        ["b", [checkIn("2027-04-15T00:00:00Z", 0.2)]],
      ]),
      0.4,
      new Date("2027-05-01T00:00:00Z"),
    );
    expect(series.actual).toEqual([
      [start, 0],
      [Date.parse("2027-04-10T00:00:00Z"), 0.1],
      [Date.parse("2027-04-15T00:00:00Z"), 0.25],
      [Date.parse("2027-04-20T00:00:00Z"), 0.4],
      [Date.parse("2027-05-01T00:00:00Z"), 0.4],
    ]);
    expect(series.ideal).toEqual([
      [start, 0],
      [end, 1],
    ]);
  });

  it("stops the line at the end of a finished cycle", () => {
    const series = progressOverTime(cycle, [kr("a", 1)], new Map(), 0.7, new Date("2028-01-01T00:00:00Z"));
    expect(series.actual.at(-1)).toEqual([end, 0.7]);
  });
});
