import { describe, expect, it } from "vitest";
import {
  averageScore,
  canAccessTalentReview,
  canViewInsights,
  canViewRecord,
  checkInRegularity,
  isNextReviewStatus,
  placeableInReview,
  readScore,
  talentFlags,
} from "./talent.ts";
import type { OrgGraph } from "./types.ts";

const graph: OrgGraph = {
  rootDepartmentId: "root",
  departments: new Map([
    ["root", { id: "root", parentId: null, leaderId: "ceo" }],
    ["sales", { id: "sales", parentId: "root", leaderId: "lead" }],
    ["ops", { id: "ops", parentId: "root", leaderId: "opsLead" }],
  ]),
  members: new Map(
    (
      [
        ["ceo", "root", null],
        ["lead", "sales", "ceo"],
        ["ann", "sales", "lead"],
        ["bob", "sales", "lead"],
        ["opsLead", "ops", "ceo"],
        ["admin", "root", null],
      ] as const
    ).map(([userId, departmentId, managerId]) => [
      userId,
      { userId, role: userId === "admin" ? "admin" : "member", departmentId, managerId, status: "active" },
    ]),
  ),
};
const actor = (userId: string) => ({
  userId,
  role: userId === "admin" ? ("admin" as const) : ("member" as const),
});

describe("who reads a record and insights", () => {
  it("gives a record to the person, their manager chain and admins — not to peers or other leaders", () => {
    const readers = ["ann", "lead", "ceo", "admin", "bob", "opsLead"].filter((id) =>
      canViewRecord(actor(id), "ann", graph),
    );
    expect(readers).toEqual(["ann", "lead", "ceo", "admin"]);
  });

  it("gives a department's insights to its leaders and those above, and admins", () => {
    const readers = ["ann", "lead", "ceo", "admin", "opsLead"].filter((id) =>
      canViewInsights(actor(id), "sales", graph),
    );
    expect(readers).toEqual(["lead", "ceo", "admin"]);
  });
});

describe("averageScore", () => {
  it("weighs scored objectives as the objectives are weighted, and ignores the unscored", () => {
    expect(
      averageScore([
        { weight: 1, score: 0.4 },
        { weight: 3, score: 0.8 },
        { weight: 5, score: null },
      ]),
    ).toBeCloseTo(0.7);
    expect(averageScore([{ weight: 1, score: null }])).toBeNull();
  });
});

describe("checkInRegularity", () => {
  const schedule = { checkInWeekday: 1, checkInHour: 9 };
  it("counts the check-in weeks with at least one check-in", () => {
    // Weeks from Monday 2027-04-05 09:00 UTC: 04-05, 04-12, 04-19, 04-26 (holding `to`).
    const regularity = checkInRegularity(
      ["2027-04-06T10:00:00Z", "2027-04-07T10:00:00Z", "2027-04-20T10:00:00Z"],
      new Date("2027-04-05T10:00:00Z"),
      new Date("2027-04-27T00:00:00Z"),
      schedule,
      "UTC",
    );
    expect(regularity).toBe(2 / 4);
  });
  it("is null before the span begins", () => {
    expect(checkInRegularity([], new Date("2027-05-01"), new Date("2027-04-01"), schedule, "UTC")).toBeNull();
  });
});

describe("talentFlags", () => {
  const now = new Date("2027-07-01T00:00:00Z");
  const base = {
    hasKeyResultsUnderWay: false,
    lastCheckInAt: "2027-06-30T00:00:00Z",
    activeSince: "2027-01-01T00:00:00Z",
    now,
  };
  const cycle = (cycleId: string, ...scores: number[]) => ({
    cycleId,
    scores: scores.map((score, i) => ({
      kind: i % 2 === 0 ? ("committed" as const) : ("aspirational" as const),
      score,
    })),
  });

  it("flags sandbagging only when every score of the last two scored cycles is at least 0.95", () => {
    expect(talentFlags({ ...base, scoredCycles: [cycle("q1", 1, 0.96), cycle("q2", 0.95, 1)] })).toEqual([
      { flag: "sandbagging", cycleIds: ["q1", "q2"], lastCheckInAt: base.lastCheckInAt },
    ]);
    expect(talentFlags({ ...base, scoredCycles: [cycle("q1", 1, 0.9), cycle("q2", 1, 1)] })).toEqual([]);
    expect(talentFlags({ ...base, scoredCycles: [cycle("q2", 1, 1)] })).toEqual([]);
  });

  it("flags overreach when every score of both cycles is under 0.3; an unscored cycle is skipped", () => {
    const flags = talentFlags({
      ...base,
      scoredCycles: [cycle("q1", 0.1), cycle("q2"), cycle("q3", 0.2, 0.29)],
    });
    expect(flags.map((f) => [f.flag, f.cycleIds])).toEqual([["overreach", ["q1", "q3"]]]);
  });

  it("flags silence after three weeks without a check-in while KRs are under way", () => {
    const quiet = { ...base, hasKeyResultsUnderWay: true, scoredCycles: [] };
    expect(talentFlags({ ...quiet, lastCheckInAt: "2027-06-10T00:00:00Z" }).map((f) => f.flag)).toEqual([
      "silent",
    ]);
    expect(talentFlags({ ...quiet, lastCheckInAt: "2027-06-11T00:00:01Z" })).toEqual([]);
    expect(
      talentFlags({ ...quiet, lastCheckInAt: null, activeSince: "2027-06-01T00:00:00Z" }).map((f) => f.flag),
    ).toEqual(["silent"]);
    expect(talentFlags({ ...quiet, hasKeyResultsUnderWay: false, lastCheckInAt: null })).toEqual([]);
  });
});

describe("readScore", () => {
  it("reads a committed objective against 1.0 and an aspirational one against 0.6–0.7", () => {
    expect([readScore("committed", 1), readScore("committed", 0.9)]).toEqual(["success", "short"]);
    expect([0.5, 0.6, 0.7, 0.85].map((s) => readScore("aspirational", s))).toEqual([
      "short",
      "success",
      "success",
      "above",
    ]);
  });
});

describe("talent reviews", () => {
  it("go one step at a time from draft to final", () => {
    expect(isNextReviewStatus("draft", "calibrating")).toBe(true);
    expect(isNextReviewStatus("calibrating", "final")).toBe(true);
    expect(isNextReviewStatus("draft", "final")).toBe(false);
    expect(isNextReviewStatus("final", "draft")).toBe(false);
  });

  it("are open to the department's leaders above and admins, never to someone placed", () => {
    const review = { departmentId: "sales", placedUserIds: ["ann", "admin"] };
    const readers = ["ann", "bob", "lead", "ceo", "admin", "opsLead"].filter((id) =>
      canAccessTalentReview(actor(id), review, graph),
    );
    expect(readers).toEqual(["lead", "ceo"]);
  });

  it("place the subtree's members but not the people who run the review", () => {
    expect(placeableInReview(graph, "sales").sort()).toEqual(["ann", "bob"]);
    expect(placeableInReview(graph, "root").sort()).toEqual(["admin", "ann", "bob", "lead", "opsLead"]);
  });
});
