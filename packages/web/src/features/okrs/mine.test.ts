import type { Cycle, KeyResult, KeyResultAbilities, Objective, ObjectiveAbilities } from "@luodi/client";
import { checkInWeek } from "@luodi/core";
import { describe, expect, it } from "vitest";
import { approvalsWaitingFor, computeTodos, myKeyResults, myObjectives } from "./mine.ts";

const cycle = (phase: Cycle["phase"]): Cycle => ({
  id: "q2",
  name: "Q2",
  kind: "quarter",
  startDate: "2027-04-01",
  endDate: "2027-06-30",
  parentId: null,
  phase,
  phaseDue: {},
  version: 1,
});

// What the server answers for the KR owner while the cycle runs; tests override what they need.
const krAbilities = (extra: Partial<KeyResultAbilities> = {}): KeyResultAbilities => ({
  update: true,
  delete: true,
  checkIn: true,
  score: false,
  managerScore: false,
  comment: true,
  ...extra,
});
const objectiveAbilities = (extra: Partial<ObjectiveAbilities> = {}): ObjectiveAbilities => ({
  update: true,
  delete: true,
  restore: false,
  submit: false,
  publish: false,
  approve: false,
  align: true,
  score: false,
  managerScore: false,
  review: false,
  checkIn: true,
  comment: true,
  ...extra,
});

const kr = (id: string, ownerUserId: string | null, extra: Partial<KeyResult> = {}): KeyResult => ({
  id,
  objectiveId: "o",
  ownerUserId,
  title: id,
  type: "number",
  unit: null,
  startValue: 0,
  targetValue: 10,
  currentValue: 0,
  direction: "increase",
  aggregation: null,
  parentKeyResultId: null,
  weight: 1,
  confidence: 5,
  progress: 0,
  progressRaw: 0,
  health: "on_track",
  selfScore: null,
  managerScore: null,
  score: null,
  scoreComment: null,
  suggestedScore: 0,
  lastCheckInAt: null,
  abilities: krAbilities(),
  version: 1,
  createdAt: "2027-04-01T00:00:00Z",
  updatedAt: "2027-04-01T00:00:00Z",
  ...extra,
});

const objective = (id: string, extra: Partial<Objective> = {}): Objective => ({
  id,
  cycleId: "q2",
  level: "personal",
  ownerUserId: "me",
  ownerDepartmentId: null,
  title: id,
  description: "",
  weight: 1,
  visibility: "public",
  kind: "aspirational",
  status: "published",
  progress: 0,
  health: "on_track",
  score: null,
  parentObjectiveId: null,
  parentKeyResultId: null,
  rejectReason: null,
  approver: null,
  review: null,
  abilities: objectiveAbilities(),
  version: 1,
  createdAt: "2027-04-01T00:00:00Z",
  updatedAt: "2027-04-01T00:00:00Z",
  deletedAt: null,
  keyResults: [],
  alignment: { parentObjectiveId: null, parentKeyResultId: null, supports: [] },
  ...extra,
});

// Monday 2027-05-17, 16:00 in Shanghai; the organization checks in on Fridays at 16:00 (its defaults).
const now = new Date("2027-05-17T08:00:00Z");
const week = checkInWeek({ checkInWeekday: 5, checkInHour: 16 }, "Asia/Shanghai", now);

describe("my OKRs", () => {
  it("lists objectives I own or hold a KR of, and only my KRs (no rollups) for check-in", () => {
    const mine = objective("mine", {
      keyResults: [
        kr("a", "me"),
        kr("r", "me", { type: "rollup" }),
        // The server says no check-in here (a closed objective, a closed cycle…).
        kr("z", "me", { abilities: krAbilities({ checkIn: false }) }),
      ],
    });
    const company = objective("company", {
      level: "company",
      ownerUserId: null,
      ownerDepartmentId: "root",
      keyResults: [kr("b", "me"), kr("c", "boss")],
    });
    const other = objective("other", { ownerUserId: "sue", keyResults: [kr("d", "sue")] });
    const all = [mine, company, other];
    expect(myObjectives(all, "me", []).map((o) => o.id)).toEqual(["mine", "company"]);
    expect(myKeyResults(all, "me").map((k) => k.keyResult.id)).toEqual(["a", "b"]);
  });
});

describe("computeTodos", () => {
  const a = kr("a", "me", { lastCheckInAt: "2027-05-15T08:00:00Z" });
  const b = kr("b", "me", { lastCheckInAt: "2027-05-09T08:00:00Z" });
  const published = objective("p", {
    keyResults: [a, b],
    parentObjectiveId: "up",
    alignment: { parentObjectiveId: "up", parentKeyResultId: null, supports: [] },
  });

  it("asks for check-ins on KRs without one this check-in week — since Friday 16:00, not a rolling 7 days", () => {
    // Thursday: within the last 7 days, but before this week's check-in time.
    const c = kr("c", "me", { lastCheckInAt: "2027-05-13T08:00:00Z" });
    const three = objective("p3", { ...published, keyResults: [a, b, c] });
    const todos = computeTodos({
      cycle: cycle("in_progress"),
      owned: [three],
      keyResults: myKeyResults([three], "me"),
      approvals: [],
      week,
    });
    expect(todos.map((t) => (t.kind === "checkIn" ? t.keyResult.id : t.kind))).toEqual(["b", "c"]);
  });

  it("asks for check-ins on KRs without one since the week began while the cycle runs", () => {
    const todos = computeTodos({
      cycle: cycle("in_progress"),
      owned: [published],
      keyResults: myKeyResults([published], "me"),
      approvals: [],
      week,
    });
    expect(todos.map((t) => (t.kind === "checkIn" ? `${t.kind}:${t.keyResult.id}` : t.kind))).toEqual([
      "checkIn:b",
    ]);
  });

  it("asks nothing of drafts' KRs, and lists drafts to publish and objectives without alignment", () => {
    const draft = objective("d", {
      status: "draft",
      abilities: objectiveAbilities({ publish: true, checkIn: false }),
      // The server offers no check-in on a draft.
      keyResults: [kr("x", "me", { abilities: krAbilities({ checkIn: false }) })],
    });
    const todos = computeTodos({
      cycle: cycle("in_progress"),
      owned: [draft],
      keyResults: myKeyResults([draft], "me"),
      approvals: [],
      week,
    });
    expect(todos.map((t) => t.kind)).toEqual(["publish", "align"]);
  });

  it("puts approvals first, and asks for scores and 复盘 in their phases", () => {
    const waiting = objective("w", { status: "submitted", ownerUserId: "sue" });
    const scored = objective("p", {
      ...published,
      // Scoring: scores, no more check-ins.
      keyResults: [kr("a", "me", { abilities: krAbilities({ checkIn: false, score: true }) })],
    });
    const scoring = computeTodos({
      cycle: cycle("scoring"),
      owned: [scored],
      keyResults: myKeyResults([scored], "me"),
      approvals: [waiting],
      week,
    });
    expect(scoring.map((t) => t.kind)).toEqual(["approve", "score"]);
    // A report has scored themselves: the manager's score is asked for, once per objective.
    const withReports = computeTodos({
      cycle: cycle("scoring"),
      owned: [scored],
      keyResults: myKeyResults([scored], "me"),
      approvals: [],
      week,
      scoresToGive: [
        { id: "sue-o", title: "Sue's objective" },
        { id: "sue-o", title: "Sue's objective" },
      ],
    });
    expect(withReports.map((t) => `${t.kind}:${t.objective.id}`)).toEqual(["score:p", "managerScore:sue-o"]);
    const reviewing = computeTodos({
      cycle: cycle("reviewing"),
      owned: [
        objective("p", { ...published, abilities: objectiveAbilities({ review: true }) }),
        objective("done", {
          abilities: objectiveAbilities({ review: true }),
          review: {
            wentWell: "x",
            wentBadly: "",
            lessons: "",
            nextSteps: "",
            reviewedBy: "me",
            reviewedAt: "2027-07-01T00:00:00Z",
          },
        }),
        // No 复盘 asked of what the server does not let me review.
        objective("theirs"),
      ],
      keyResults: [],
      approvals: [],
      week,
    });
    expect(reviewing.map((t) => `${t.kind}:${t.objective.id}`)).toEqual(["review:p"]);
  });
});

describe("approvalsWaitingFor", () => {
  const submitted = (id: string, approver: Objective["approver"], approve = true) =>
    objective(id, {
      status: "submitted",
      ownerUserId: "sue",
      approver,
      abilities: objectiveAbilities({ approve }),
    });

  it("asks the one approver, not everyone who may step in", () => {
    const mine = submitted("mine", { userId: "me", name: "Me" });
    // An admin may approve Sam's report's objective, but it waits for Sam.
    const sams = submitted("sams", { userId: "sam", name: "Sam" });
    // Nobody named (a company objective): the admins decide, so it is every admin's to-do.
    const admins = submitted("admins", { userId: null, name: null });
    const notMine = submitted("not-mine", { userId: null, name: null }, false);
    const published = objective("published", {
      approver: null,
      abilities: objectiveAbilities({ approve: true }),
    });
    expect(approvalsWaitingFor([mine, sams, admins, notMine, published], "me").map((o) => o.id)).toEqual([
      "mine",
      "admins",
    ]);
  });
});
