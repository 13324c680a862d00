import { describe, expect, it } from "vitest";
import { checkInWeek } from "./check-in-week.ts";

const iso = (ms: number) => new Date(ms).toISOString();
const weekAt = (now: string, timeZone: string, checkInWeekday = 5, checkInHour = 16) => {
  const week = checkInWeek({ checkInWeekday, checkInHour }, timeZone, new Date(now));
  return { start: iso(week.startMs), end: iso(week.endMs) };
};

describe("checkInWeek", () => {
  it("runs from the organization's check-in time (Friday 16:00 in Shanghai) to the next", () => {
    // Thursday 2027-04-15 10:00 in Shanghai: the week began on Friday 2027-04-09 at 16:00 there.
    expect(weekAt("2027-04-15T02:00:00Z", "Asia/Shanghai")).toEqual({
      start: "2027-04-09T08:00:00.000Z",
      end: "2027-04-16T08:00:00.000Z",
    });
  });

  it("starts a new week at the check-in hour itself, not at midnight", () => {
    expect(weekAt("2027-04-16T07:59:59Z", "Asia/Shanghai").start).toBe("2027-04-09T08:00:00.000Z");
    expect(weekAt("2027-04-16T08:00:00Z", "Asia/Shanghai").start).toBe("2027-04-16T08:00:00.000Z");
  });

  it("is not a rolling 7 days: a check-in last Saturday counts this week, one last Thursday does not", () => {
    const { start } = weekAt("2027-04-15T02:00:00Z", "Asia/Shanghai");
    expect(Date.parse("2027-04-10T02:00:00Z") >= Date.parse(start)).toBe(true);
    expect(Date.parse("2027-04-09T02:00:00Z") >= Date.parse(start)).toBe(false);
  });

  it("reads the weekday and hour in the organization's zone", () => {
    // Monday 9:00 in New York; now is Monday 2027-04-12 12:00 UTC = 8:00 there, so the week began a week ago.
    expect(weekAt("2027-04-12T12:00:00Z", "America/New_York", 1, 9)).toEqual({
      start: "2027-04-05T13:00:00.000Z",
      end: "2027-04-12T13:00:00.000Z",
    });
    // Sunday 23:00 in Shanghai is Sunday 15:00 UTC.
    expect(weekAt("2027-04-18T16:00:00Z", "Asia/Shanghai", 7, 23).start).toBe("2027-04-18T15:00:00.000Z");
  });

  it("follows the clocks across a DST change: that week is an hour shorter", () => {
    // Europe/Berlin moves to summer time on Sunday 2027-03-28.
    const week = weekAt("2027-03-30T12:00:00Z", "Europe/Berlin", 5, 16);
    expect(week).toEqual({ start: "2027-03-26T15:00:00.000Z", end: "2027-04-02T14:00:00.000Z" });
  });
});
