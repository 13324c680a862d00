import { describe, expect, it } from "vitest";
import { raceCheckInRate, raceSeries, rankRace } from "./race.ts";

const krs = [
  { id: "a", weight: 1 },
  { id: "b", weight: 3 },
];

describe("raceSeries", () => {
  it("starts at 0 on the day the race started and takes each day's last weighted progress", () => {
    const series = raceSeries(
      krs,
      [
        { keyResultId: "a", progress: 0.4, createdAt: "2027-04-12T01:00:00Z" },
        { keyResultId: "b", progress: 0.2, createdAt: "2027-04-12T02:00:00Z" },
        { keyResultId: "a", progress: 0.8, createdAt: "2027-04-14T03:00:00Z" },
      ],
      "2027-04-10T00:00:00Z",
      "Asia/Shanghai",
    );
    expect(series).toEqual([
      { date: "2027-04-10", progress: 0 },
      { date: "2027-04-12", progress: (0.4 + 3 * 0.2) / 4 },
      { date: "2027-04-14", progress: (0.8 + 3 * 0.2) / 4 },
    ]);
  });

  it("counts days in the organization's zone and ignores KRs the objective no longer has", () => {
    const series = raceSeries(
      [{ id: "a", weight: 1 }],
      [
        // 23:30 UTC on the 11th is the 12th in Shanghai.
        { keyResultId: "a", progress: 0.5, createdAt: "2027-04-11T23:30:00Z" },
        { keyResultId: "gone", progress: 1, createdAt: "2027-04-13T00:00:00Z" },
      ],
      "2027-04-11T00:00:00Z",
      "Asia/Shanghai",
    );
    expect(series).toEqual([
      { date: "2027-04-11", progress: 0 },
      { date: "2027-04-12", progress: 0.5 },
    ]);
  });
});

describe("raceCheckInRate", () => {
  const schedule = { checkInWeekday: 1, checkInHour: 9 };
  it("is the share of check-in weeks in which every KR was checked in", () => {
    // Weeks start Monday 09:00 UTC: 2027-04-05, 04-12, 04-19 (now).
    const rate = raceCheckInRate(
      ["a", "b"],
      [
        { keyResultId: "a", createdAt: "2027-04-06T10:00:00Z" },
        { keyResultId: "b", createdAt: "2027-04-07T10:00:00Z" },
        { keyResultId: "a", createdAt: "2027-04-13T10:00:00Z" },
        { keyResultId: "a", createdAt: "2027-04-20T10:00:00Z" },
        { keyResultId: "b", createdAt: "2027-04-20T11:00:00Z" },
      ],
      "2027-04-06T00:00:00Z",
      new Date("2027-04-21T00:00:00Z"),
      schedule,
      "UTC",
    );
    expect(rate).toBeCloseTo(2 / 3);
  });

  it("is null without KRs", () => {
    expect(
      raceCheckInRate([], [], "2027-04-06T00:00:00Z", new Date("2027-04-21T00:00:00Z"), schedule, "UTC"),
    ).toBeNull();
  });
});

describe("rankRace", () => {
  it("puts running horses first by progress, then confidence, then backing; open ones after by backing", () => {
    const order = rankRace([
      { running: false, progress: 0, confidence: null, backerCount: 9 },
      { running: true, progress: 0.3, confidence: 3, backerCount: 0 },
      { running: true, progress: 0.6, confidence: 1, backerCount: 0 },
      { running: true, progress: 0.3, confidence: 7, backerCount: 0 },
      { running: false, progress: 0, confidence: null, backerCount: 12 },
    ]);
    expect(order).toEqual([2, 3, 1, 4, 0]);
  });
});
