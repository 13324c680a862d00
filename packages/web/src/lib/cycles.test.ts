import type { Cycle } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { enclosingCycles, pickDefaultCycle, todayIn } from "./cycles.ts";

const cycle = (id: string, kind: Cycle["kind"], startDate: string, endDate: string): Cycle => ({
  id,
  name: id,
  kind,
  startDate,
  endDate,
  parentId: null,
  phase: "planning",
  phaseDue: {},
  version: 1,
});

describe("pickDefaultCycle", () => {
  const year = cycle("2027", "annual", "2027-01-01", "2027-12-31");
  const q2 = cycle("Q2", "quarter", "2027-04-01", "2027-06-30");
  const q3 = cycle("Q3", "quarter", "2027-07-01", "2027-09-30");
  const may = cycle("May", "month", "2027-05-01", "2027-05-31");

  it("prefers the quarter that contains today over the year and a month", () => {
    expect(pickDefaultCycle([year, may, q2, q3], "2027-05-17")?.id).toBe("Q2");
  });
  it("takes the shortest containing cycle when no quarter contains today", () => {
    expect(pickDefaultCycle([year, may], "2027-05-17")?.id).toBe("May");
  });
  it("counts the last day of a cycle as inside it", () => {
    expect(pickDefaultCycle([q2, q3], "2027-06-30")?.id).toBe("Q2");
  });
  it("falls back to the next cycle to start, then to the one that ended last", () => {
    expect(pickDefaultCycle([q2, q3], "2027-03-01")?.id).toBe("Q2");
    expect(pickDefaultCycle([q2, q3], "2028-01-01")?.id).toBe("Q3");
    expect(pickDefaultCycle([], "2028-01-01")).toBeUndefined();
  });
});

describe("todayIn", () => {
  it("reads the calendar day in the organization's time zone", () => {
    const instant = new Date("2027-05-16T17:00:00Z");
    expect(todayIn("Asia/Shanghai", instant)).toBe("2027-05-17");
    expect(todayIn("America/New_York", instant)).toBe("2027-05-16");
  });
});

describe("enclosingCycles", () => {
  it("finds the year around a quarter, not the quarter itself or its neighbours", () => {
    const year = cycle("2027", "annual", "2027-01-01", "2027-12-31");
    const q2 = cycle("Q2", "quarter", "2027-04-01", "2027-06-30");
    const q3 = cycle("Q3", "quarter", "2027-07-01", "2027-09-30");
    expect(enclosingCycles([year, q2, q3], q2).map((c) => c.id)).toEqual(["2027"]);
  });
});
