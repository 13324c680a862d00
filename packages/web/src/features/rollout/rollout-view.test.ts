import { describe, expect, it } from "vitest";
import { publishedShare, ROLLOUT_SORTS, type RolloutRow } from "./rollout-view.ts";

const row = (name: string, overrides: Partial<RolloutRow> = {}): RolloutRow => ({
  departmentId: name,
  name,
  parentId: null,
  leaderId: null,
  members: 4,
  membersWithPublishedOkrs: 2,
  objectives: 1,
  alignmentCoverage: 1,
  checkInRate: 0.5,
  scoredShare: 0,
  reviewedShare: 0,
  missing: [],
  ...overrides,
});

describe("publishedShare", () => {
  it("is the share of people with published OKRs, 0 in an empty department", () => {
    expect(publishedShare(row("Sales"))).toBe(0.5);
    expect(publishedShare(row("Empty", { members: 0, membersWithPublishedOkrs: 0 }))).toBe(0);
  });
});

describe("ROLLOUT_SORTS", () => {
  it("orders departments by each column, ascending", () => {
    const rows = [
      row("Sales", { checkInRate: 0.9, missing: [{ userId: "a", name: "A", reason: "not_checked_in" }] }),
      row("Eng", { checkInRate: 0.2, membersWithPublishedOkrs: 4 }),
      row("Ops", { checkInRate: 0.5, membersWithPublishedOkrs: 1 }),
    ];
    const names = (sort: keyof typeof ROLLOUT_SORTS) =>
      [...rows].sort(ROLLOUT_SORTS[sort]).map((r) => r.name);
    expect(names("checkIn")).toEqual(["Eng", "Ops", "Sales"]);
    expect(names("published")).toEqual(["Ops", "Sales", "Eng"]);
    expect(names("missing")).toEqual(["Eng", "Ops", "Sales"]);
    expect(names("name")).toEqual(["Eng", "Ops", "Sales"]);
  });
});
