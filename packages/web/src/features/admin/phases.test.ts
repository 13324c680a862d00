import { describe, expect, it } from "vitest";
import { nextPhaseOf } from "./phases.ts";

describe("nextPhaseOf", () => {
  it("moves one step forward, and nowhere from closed", () => {
    expect(nextPhaseOf("planning")).toBe("aligning");
    expect(nextPhaseOf("aligning")).toBe("in_progress");
    expect(nextPhaseOf("reviewing")).toBe("closed");
    expect(nextPhaseOf("closed")).toBeNull();
  });
});
