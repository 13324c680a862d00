import { describe, expect, it } from "vitest";
import {
  missingTitles,
  scoringStage,
  type TeamPerson,
  teamSummary,
  trendDirection,
  trendText,
} from "./team-view.ts";

const kr = (id: string, ownerUserId: string, missingCheckIn: boolean) => ({
  id,
  title: `KR ${id}`,
  ownerUserId,
  progress: 0.5,
  health: "on_track" as const,
  confidence: 7,
  confidenceTrend: [7],
  lastCheckInAt: null,
  latestNote: null,
  missingCheckIn,
  selfScore: null,
  managerScore: null,
});

const person = (userId: string, overrides: Partial<TeamPerson> = {}): TeamPerson => ({
  userId,
  name: userId,
  title: null,
  departmentId: null,
  managerId: "me",
  direct: true,
  lastCheckInAt: null,
  missingCheckIns: 0,
  pendingApprovals: 0,
  pendingAdjustments: 0,
  scoring: { keyResults: 0, selfScored: 0, managerScored: 0 },
  objectives: [],
  ...overrides,
});

describe("teamSummary", () => {
  it("counts the people, who misses check-ins and how many, and what waits for the manager", () => {
    expect(
      teamSummary([
        person("sue", { missingCheckIns: 2, pendingApprovals: 1 }),
        person("pat", { missingCheckIns: 1, pendingAdjustments: 2 }),
        person("ann"),
      ]),
    ).toEqual({ people: 3, missingPeople: 2, missingCheckIns: 3, waiting: 3 });
  });
});

describe("scoringStage", () => {
  it.each([
    [{ keyResults: 0, selfScored: 0, managerScored: 0 }, "none"],
    [{ keyResults: 3, selfScored: 1, managerScored: 0 }, "self"],
    [{ keyResults: 3, selfScored: 3, managerScored: 1 }, "manager"],
    [{ keyResults: 3, selfScored: 2, managerScored: 3 }, "done"],
  ] as const)("%o is %s", (scoring, stage) => {
    expect(scoringStage(person("sue", { scoring }))).toBe(stage);
  });
});

describe("confidence trend", () => {
  it("reads oldest to newest and says which way it went", () => {
    expect(trendText([7, 6, 5])).toBe("7 → 6 → 5");
    expect(trendText([])).toBe("");
    expect(trendDirection([7, 6, 5])).toBe("down");
    expect(trendDirection([5, 8])).toBe("up");
    expect(trendDirection([6])).toBe("flat");
    expect(trendDirection([])).toBe("flat");
  });
});

describe("missingTitles", () => {
  it("names only the person's own KRs still waiting this week", () => {
    const sue = person("sue", {
      objectives: [
        {
          id: "o",
          title: "O",
          level: "personal",
          status: "published",
          progress: 0.5,
          health: "on_track",
          score: null,
          awaitingMyScore: false,
          keyResults: [kr("1", "sue", true), kr("2", "sue", false), kr("3", "pat", true)],
        },
      ],
    });
    expect(missingTitles(sue)).toEqual(["KR 1"]);
  });
});
