import { describe, expect, it } from "vitest";
import {
  elapsedFraction,
  isCommitted,
  keyResultHealth,
  keyResultHealthIn,
  objectiveHealth,
  objectiveHealthIn,
} from "./health.ts";
import type { Health } from "./types.ts";

const quarter = { startDate: "2026-01-01", endDate: "2026-03-31" }; // 90 days

describe("elapsedFraction", () => {
  it("is 0 before the start and 1 after the end", () => {
    expect(elapsedFraction(quarter, new Date("2025-12-31T23:59:59Z"))).toBe(0);
    expect(elapsedFraction(quarter, new Date("2026-01-01T00:00:00Z"))).toBe(0);
    expect(elapsedFraction(quarter, new Date("2026-04-01T00:00:00Z"))).toBe(1);
    expect(elapsedFraction(quarter, new Date("2027-01-01T00:00:00Z"))).toBe(1);
  });

  it("counts the end date as a whole day", () => {
    // 45 of 90 days.
    expect(elapsedFraction(quarter, new Date("2026-02-15T00:00:00Z"))).toBe(0.5);
    expect(elapsedFraction(quarter, new Date("2026-03-31T12:00:00Z"))).toBeCloseTo(89.5 / 90, 12);
  });

  it("runs from midnight to midnight in the organization's time zone", () => {
    const days = { startDate: "2026-01-01", endDate: "2026-01-10" };
    // Midnight in Shanghai (UTC+8) is 16:00 UTC the day before.
    expect(elapsedFraction(days, new Date("2025-12-31T15:59:59Z"), "Asia/Shanghai")).toBe(0);
    expect(elapsedFraction(days, new Date("2026-01-05T16:00:00Z"), "Asia/Shanghai")).toBe(0.5);
    expect(elapsedFraction(days, new Date("2026-01-10T16:00:00Z"), "Asia/Shanghai")).toBe(1);
    // In UTC the same instant is 4 days and 16 hours into the 10 days.
    expect(elapsedFraction(days, new Date("2026-01-05T16:00:00Z"))).toBeCloseTo(0.4666666666666667, 12);
  });

  it("follows daylight saving time: a spring-forward day has 23 hours", () => {
    const day = { startDate: "2026-03-08", endDate: "2026-03-08" };
    expect(elapsedFraction(day, new Date("2026-03-08T05:00:00Z"), "America/New_York")).toBe(0);
    expect(elapsedFraction(day, new Date("2026-03-08T16:30:00Z"), "America/New_York")).toBe(0.5);
    expect(elapsedFraction(day, new Date("2026-03-09T04:00:00Z"), "America/New_York")).toBe(1);
  });

  it("starts a day whose midnight is skipped at the clock change", () => {
    // Chile springs forward at 00:00 on 2025-09-07: the day starts at 01:00 local (04:00 UTC), 23 hours long.
    const day = { startDate: "2025-09-07", endDate: "2025-09-07" };
    expect(elapsedFraction(day, new Date("2025-09-07T03:59:59Z"), "America/Santiago")).toBe(0);
    expect(elapsedFraction(day, new Date("2025-09-07T05:00:00Z"), "America/Santiago")).toBeCloseTo(
      1 / 23,
      12,
    );
  });

  it.each([
    [{ startDate: "2026-13-01", endDate: "2026-12-31" }, "UTC"],
    [{ startDate: "2026-02-30", endDate: "2026-12-31" }, "UTC"],
    [{ startDate: "2026-1-1", endDate: "2026-12-31" }, "UTC"],
    [quarter, "Mars/Olympus"],
  ])("rejects %j in %s", (dates, zone) => {
    expect(() => elapsedFraction(dates, new Date("2026-01-01T00:00:00Z"), zone)).toThrow(
      expect.objectContaining({ code: "request.invalid" }),
    );
  });
});

describe("keyResultHealth", () => {
  it.each([
    // done comes first, whatever the confidence
    [1, 0, 0.5, "done"],
    [1.2, 10, 1, "done"],
    // confidence thresholds
    [0.5, 3, 0.5, "off_track"],
    [0.5, 4, 0.5, "at_risk"],
    [0.5, 6, 0.5, "at_risk"],
    [0.5, 7, 0.5, "on_track"],
    // behind the clock: more than 0.25 behind is off track, more than 0.10 at risk
    [0.49, 10, 0.75, "off_track"],
    [0.5, 10, 0.75, "at_risk"],
    [0.64, 10, 0.75, "at_risk"],
    [0.65, 10, 0.75, "on_track"],
    [0, 10, 0, "on_track"],
    [0, 10, 0.2, "at_risk"],
    [0.99, 10, 1, "on_track"],
  ] as const)("progress %s, confidence %s, elapsed %s → %s", (progress, confidence, elapsed, expected) => {
    expect(keyResultHealth({ progress, confidence, elapsed })).toBe(expected);
  });

  it.each([
    // No confidence before the first check-in: only progress and time count, so a new KR is on track.
    [0, 0, "on_track"],
    [0.5, 0.5, "on_track"],
    [0.5, 0.65, "at_risk"],
    [0.49, 0.75, "off_track"],
    [1, 1, "done"],
  ] as const)("progress %s with no confidence yet, elapsed %s → %s", (progress, elapsed, expected) => {
    expect(keyResultHealth({ progress, confidence: null, elapsed })).toBe(expected);
  });
});

describe("health of drafts", () => {
  const lowConfidence = { progress: 0.1, confidence: 2, elapsed: 0.9 };

  it.each([
    ["draft", false],
    ["submitted", false],
    ["published", true],
    ["closed", true],
  ] as const)("an objective %s is committed: %s", (status, expected) => {
    expect(isCommitted(status)).toBe(expected);
  });

  it("gives a KR of a draft or submitted objective no health, however it stands", () => {
    expect(keyResultHealthIn("draft", lowConfidence)).toBeNull();
    expect(keyResultHealthIn("submitted", lowConfidence)).toBeNull();
    expect(keyResultHealthIn("published", lowConfidence)).toBe("off_track");
    expect(keyResultHealthIn("closed", { progress: 1, confidence: null, elapsed: 1 })).toBe("done");
  });

  it("gives a draft or submitted objective no health, and a committed one the worst of its KRs", () => {
    expect(objectiveHealthIn("draft", ["off_track"])).toBeNull();
    expect(objectiveHealthIn("submitted", [null, null])).toBeNull();
    expect(objectiveHealthIn("published", ["on_track", "off_track"])).toBe("off_track");
    expect(objectiveHealthIn("published", [])).toBe("on_track");
    expect(objectiveHealthIn("closed", [null, "done"])).toBe("done");
  });
});

describe("objectiveHealth", () => {
  it.each([
    [[], "on_track"],
    [["done", "done"], "done"],
    [["done", "on_track"], "on_track"],
    [["on_track", "at_risk", "done"], "at_risk"],
    [["at_risk", "off_track", "on_track"], "off_track"],
    [["off_track"], "off_track"],
  ] as [Health[], Health][])("%j → %s", (healths, expected) => {
    expect(objectiveHealth(healths)).toBe(expected);
  });
});
