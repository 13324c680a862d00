import type { PersonRecord } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { scorePoints, shownCycles } from "./record-model.ts";

const cycle = (id: string, extra: Partial<PersonRecord["cycles"][number]> = {}) => ({
  cycle: { id, name: id, kind: "quarter" as const, startDate: "", endDate: "", phase: "closed" as const },
  objectives: [],
  averageScore: null,
  checkInRegularity: null,
  alignedShare: null,
  proposals: { made: 0, backed: 0, joined: 0, accepted: 0, spunOff: 0 },
  praiseReceived: 0,
  reviewsWritten: 0,
  ...extra,
});

const objective = {
  id: "o",
  title: "o",
  kind: "committed" as const,
  level: "personal" as const,
  progress: 1,
  score: 1,
  reading: "success" as const,
};

const record: PersonRecord = {
  person: { id: "u", name: "U" },
  cycles: [
    cycle("q1", { objectives: [objective], averageScore: 0.9 }),
    cycle("q2"),
    cycle("q3", { praiseReceived: 1 }),
    cycle("q4", { objectives: [{ ...objective, score: null, reading: null }] }),
  ],
};

describe("the OKR record's view", () => {
  it("lists the cycles the person had something in, newest first", () => {
    expect(shownCycles(record).map((c) => c.cycle.id)).toEqual(["q4", "q3", "q1"]);
  });

  it("charts only the cycles with a score, oldest first, drawing no false zero", () => {
    expect(scorePoints(record)).toEqual([{ cycleId: "q1", name: "q1", score: 0.9 }]);
  });
});
