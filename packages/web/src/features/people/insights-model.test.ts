import type { Cycle } from "@luodi/client";
import { SCORE_BUCKETS } from "@luodi/core";
import { describe, expect, it } from "vitest";
import { BUCKETS, cycleNames, type InsightsPerson, sortPeople } from "./insights-model.ts";

const person = (name: string, flags: InsightsPerson["flags"] = []): InsightsPerson => ({
  person: { id: name, name },
  department: null,
  averageScore: null,
  committed: { count: 0, averageScore: null },
  aspirational: { count: 0, averageScore: null },
  checkInRegularity: null,
  flags,
});

describe("team insights' view", () => {
  it("orders the buckets as core defines them", () => {
    expect(BUCKETS).toEqual([...SCORE_BUCKETS]);
  });

  it("puts the people with flags first, then by name", () => {
    const silent = { flag: "silent" as const, cycleIds: [], lastCheckInAt: null };
    const sandbagging = { flag: "sandbagging" as const, cycleIds: ["a", "b"], lastCheckInAt: null };
    expect(
      sortPeople([
        person("Cleo"),
        person("Bea", [silent]),
        person("Al"),
        person("Max", [sandbagging, silent]),
      ]).map((p) => p.person.name),
    ).toEqual(["Max", "Bea", "Al", "Cleo"]);
  });

  it("names the cycles a flag rests on", () => {
    const cycles = [{ id: "a", name: "2026 Q2" }] as Cycle[];
    expect(cycleNames(["a", "gone"], cycles)).toEqual(["2026 Q2", "gone"]);
  });
});
