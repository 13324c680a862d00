import { describe, expect, it } from "vitest";
import type { CyclePhase, ObjectiveStatus } from "./types.ts";
import { CYCLE_PHASES, OBJECTIVE_STATUSES } from "./types.ts";
import type { ObjectiveAction, PhaseAction } from "./workflow.ts";
import {
  assertCheckInOpen,
  assertPhaseAdvance,
  assertPhaseAllows,
  checkInOpen,
  isPastAligning,
  needsAdjustmentReason,
  nextPhase,
  phaseAllows,
  transitionObjective,
} from "./workflow.ts";

describe("phases", () => {
  it("walks the phases in order", () => {
    expect(nextPhase("planning")).toBe("aligning");
    expect(nextPhase("aligning")).toBe("in_progress");
    expect(nextPhase("in_progress")).toBe("scoring");
    expect(nextPhase("scoring")).toBe("reviewing");
    expect(nextPhase("reviewing")).toBe("closed");
    expect(nextPhase("closed")).toBeNull();
  });

  it("advances exactly one step", () => {
    expect(() => assertPhaseAdvance("planning", "aligning")).not.toThrow();
    expect(() => assertPhaseAdvance("reviewing", "closed")).not.toThrow();
  });

  it.each([
    ["planning", "in_progress", "aligning"],
    ["aligning", "planning", "in_progress"],
    ["scoring", "scoring", "reviewing"],
    ["closed", "planning", "—"],
  ] as const)("refuses %s → %s (next is %s)", (from, to, next) => {
    expect(() => assertPhaseAdvance(from, to)).toThrow(
      expect.objectContaining({ code: "cycle.phase_order", params: { from, next } }),
    );
  });

  it.each([
    ["planning", false],
    ["aligning", false],
    ["in_progress", true],
    ["scoring", true],
    ["reviewing", true],
    ["closed", true],
  ] as const)("%s is past aligning: %s", (phase, expected) => {
    expect(isPastAligning(phase)).toBe(expected);
  });
});

// Every (status, action) pair; only the listed ones are allowed.
const ACTIONS: ObjectiveAction[] = ["submit", "approve", "reject", "publish", "close", "reopen"];
const withApproval: Record<string, ObjectiveStatus> = {
  "draft:submit": "submitted",
  "submitted:approve": "published",
  "submitted:reject": "draft",
  "published:close": "closed",
  "closed:reopen": "published",
};
const withoutApproval: Record<string, ObjectiveStatus> = {
  "draft:publish": "published",
  "submitted:approve": "published",
  "submitted:reject": "draft",
  "published:close": "closed",
  "closed:reopen": "published",
};

describe("transitionObjective", () => {
  const rows = [true, false].flatMap((approvalRequired) =>
    OBJECTIVE_STATUSES.flatMap((status) =>
      ACTIONS.map((action) => {
        const table = approvalRequired ? withApproval : withoutApproval;
        return [status, action, approvalRequired, table[`${status}:${action}`] ?? null] as const;
      }),
    ),
  );

  it.each(rows)("%s + %s (approval %s) → %s", (status, action, approvalRequired, expected) => {
    if (expected === null) {
      expect(() => transitionObjective(status, action, { approvalRequired })).toThrow(
        expect.objectContaining({ code: "workflow.invalid_transition", params: { action, status } }),
      );
    } else {
      expect(transitionObjective(status, action, { approvalRequired })).toBe(expected);
    }
  });
});

describe("assertPhaseAllows", () => {
  const allowed: Record<PhaseAction, CyclePhase[]> = {
    edit_plan: ["planning", "aligning", "in_progress", "scoring", "reviewing"],
    check_in: ["aligning", "in_progress"],
    score: ["scoring"],
    review: ["reviewing"],
  };
  const rows = (Object.keys(allowed) as PhaseAction[]).flatMap((action) =>
    CYCLE_PHASES.map((phase) => [action, phase, allowed[action].includes(phase)] as const),
  );

  it.each(rows)("%s in %s: %s", (action, phase, expected) => {
    expect(phaseAllows(phase, action)).toBe(expected);
    if (expected) expect(() => assertPhaseAllows(phase, action)).not.toThrow();
    else {
      expect(() => assertPhaseAllows(phase, action)).toThrow(
        expect.objectContaining({ code: "cycle.wrong_phase", params: { phase } }),
      );
    }
  });
});

describe("assertCheckInOpen", () => {
  const rows = CYCLE_PHASES.flatMap((phase) =>
    (["draft", "submitted", "published", "closed"] as const).map((status) => [phase, status] as const),
  );

  it.each(rows)("in %s, on a %s objective", (phase, status) => {
    const open = (phase === "aligning" || phase === "in_progress") && status === "published";
    expect(checkInOpen(phase, status)).toBe(open);
    if (open) expect(() => assertCheckInOpen(phase, status)).not.toThrow();
    else if (phase !== "aligning" && phase !== "in_progress") {
      expect(() => assertCheckInOpen(phase, status)).toThrow(
        expect.objectContaining({ code: "check_in.phase", params: { phase } }),
      );
    } else if (status === "closed") {
      expect(() => assertCheckInOpen(phase, status)).toThrow(
        expect.objectContaining({ code: "check_in.closed" }),
      );
    } else {
      expect(() => assertCheckInOpen(phase, status)).toThrow(
        expect.objectContaining({ code: "check_in.not_published", params: { status } }),
      );
    }
  });
});

describe("needsAdjustmentReason", () => {
  it.each([
    ["aligning", "published", false],
    ["in_progress", "published", true],
    ["scoring", "published", true],
    ["in_progress", "draft", false],
    ["in_progress", "submitted", false],
    ["planning", "published", false],
  ] as const)("%s, %s: %s", (phase, status, expected) => {
    expect(needsAdjustmentReason(phase, status)).toBe(expected);
  });
});
