import type { Objective, Proposal, Race } from "@luodi/client";
import { describe, expect, it } from "vitest";
import {
  groupByParent,
  objectiveOfParent,
  parentFilterQuery,
  parentSearches,
  proposalParents,
  raceLines,
  racePath,
  raceQueryFromSearch,
  raceQueryOf,
} from "./board-model.ts";

const objective = { id: "o1", title: "Grow revenue", level: "company" as const };
const kr = { id: "k1", title: "ARR from 10 to 20" };

function proposal(id: string, parent: Partial<Proposal["parent"]>): Proposal {
  return {
    id,
    title: `Proposal ${id}`,
    parent: { objective, keyResult: null, department: null, ...parent },
  } as Proposal;
}

describe("the race of a parent", () => {
  it("is the race of its KR when it serves one, else of its objective", () => {
    expect(raceQueryOf({ objective, keyResult: kr, department: null })).toEqual({ parentKeyResultId: "k1" });
    expect(raceQueryOf({ objective, keyResult: null, department: null })).toEqual({
      parentObjectiveId: "o1",
    });
    expect(racePath({ objective, keyResult: kr, department: null })).toBe("/races?parentKeyResultId=k1");
    expect(racePath({ objective, keyResult: null, department: null })).toBe("/races?parentObjectiveId=o1");
  });

  it("is read back from the race view's address", () => {
    expect(raceQueryFromSearch(new URLSearchParams("parentKeyResultId=k1"))).toEqual({
      parentKeyResultId: "k1",
    });
    expect(raceQueryFromSearch(new URLSearchParams("parentObjectiveId=o1"))).toEqual({
      parentObjectiveId: "o1",
    });
    expect(raceQueryFromSearch(new URLSearchParams(""))).toBeNull();
  });
});

describe("groupByParent", () => {
  it("puts the proposals serving the same KR together, where the first of them stood", () => {
    const groups = groupByParent([
      proposal("a", { keyResult: kr }),
      proposal("b", {}),
      proposal("c", { keyResult: kr }),
      proposal("d", { keyResult: { id: "k2", title: "NPS 40" } }),
    ]);
    expect(groups.map((g) => [g.key, g.proposals.map((p) => p.id)])).toEqual([
      ["k:k1", ["a", "c"]],
      ["o:o1", ["b"]],
      ["k:k2", ["d"]],
    ]);
  });
});

describe("parentFilterQuery", () => {
  it("narrows the board to a KR or an objective, or to nothing", () => {
    expect(parentFilterQuery("k:k1")).toEqual({ parentKeyResultId: "k1" });
    expect(parentFilterQuery("o:o1")).toEqual({ parentObjectiveId: "o1" });
    expect(parentFilterQuery(undefined)).toEqual({});
  });
});

describe("objectiveOfParent", () => {
  const found = new Map([
    ["o1", { id: "o1", keyResults: [{ id: "k1" }] } as Objective],
    ["o2", { id: "o2", keyResults: [{ id: "k2" }] } as Objective],
  ]);
  it("finds the objective a parent value names, by its own id or one of its KRs'", () => {
    expect(objectiveOfParent("o:o2", found)?.id).toBe("o2");
    expect(objectiveOfParent("k:k1", found)?.id).toBe("o1");
    expect(objectiveOfParent("k:k9", found)).toBeUndefined();
    expect(objectiveOfParent(null, found)).toBeUndefined();
  });
  it("asks the server for the cycle's company and department objectives only", () => {
    expect(parentSearches("c1")).toEqual([
      { cycleId: "c1", level: "company" },
      { cycleId: "c1", level: "department" },
    ]);
  });
});

describe("proposalParents", () => {
  it("offers the company's and the departments' committed objectives, not personal ones or drafts", () => {
    const of = (id: string, level: Objective["level"], status: Objective["status"]) =>
      ({ id, level, status }) as Objective;
    const kept = proposalParents([
      of("c", "company", "published"),
      of("d", "department", "submitted"),
      of("p", "personal", "published"),
      of("x", "company", "draft"),
    ]);
    expect(kept.map((o) => o.id)).toEqual(["c", "d"]);
  });
});

describe("raceLines", () => {
  const race = {
    parent: { objective, keyResult: kr, department: null },
    entries: [
      {
        proposal: { title: "Fast" },
        series: [
          { date: "2026-12-01", progress: 0.2 },
          { date: "2026-12-03", progress: 0.5 },
        ],
      },
      { proposal: { title: "Not started" }, series: [] },
    ],
  } as unknown as Race;
  const span = { start: Date.UTC(2026, 9, 1), end: Date.UTC(2026, 11, 31) };

  it("draws each horse's days in leaderboard order, as UTC days", () => {
    expect(raceLines(race, null, Date.UTC(2026, 11, 7))).toEqual([
      {
        name: "Fast",
        points: [
          [Date.UTC(2026, 11, 1), 0.2],
          [Date.UTC(2026, 11, 3), 0.5],
        ],
      },
      { name: "Not started", points: [] },
    ]);
  });

  it("runs a line from 0 at the cycle's start and holds its last value until today", () => {
    const [fast, idle] = raceLines(race, span, Date.UTC(2026, 11, 7));
    expect(fast?.points).toEqual([
      [span.start, 0],
      [Date.UTC(2026, 11, 1), 0.2],
      [Date.UTC(2026, 11, 3), 0.5],
      [Date.UTC(2026, 11, 7), 0.5],
    ]);
    expect(idle?.points).toEqual([]);
  });

  it("stops at the cycle's end once the cycle is over", () => {
    const [fast] = raceLines(race, span, Date.UTC(2027, 2, 1));
    expect(fast?.points.at(-1)).toEqual([span.end, 0.5]);
  });
});
