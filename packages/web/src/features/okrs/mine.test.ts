import type { CheckIn, Cycle, KeyResult, Member, Objective } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { computeTodos, mayApprove, myKeyResults, myObjectives } from "./mine.ts";

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
  description: null,
  weight: 1,
  visibility: "public",
  status: "published",
  progress: 0,
  health: "on_track",
  score: null,
  parentObjectiveId: null,
  parentKeyResultId: null,
  rejectReason: null,
  review: null,
  version: 1,
  createdAt: "2027-04-01T00:00:00Z",
  updatedAt: "2027-04-01T00:00:00Z",
  deletedAt: null,
  keyResults: [],
  alignment: { parentObjectiveId: null, parentKeyResultId: null, supports: [] },
  ...extra,
});

const checkIn = (keyResultId: string, createdAt: string): CheckIn => ({
  id: `${keyResultId}-${createdAt}`,
  keyResultId,
  authorId: "me",
  authorName: "Me",
  value: 1,
  previousValue: 0,
  milestonesDone: null,
  confidence: 5,
  note: null,
  progress: 0.1,
  createdAt,
});

const now = new Date("2027-05-17T08:00:00Z");

describe("my OKRs", () => {
  it("lists objectives I own or hold a KR of, and only my KRs (no rollups) for check-in", () => {
    const mine = objective("mine", { keyResults: [kr("a", "me"), kr("r", "me", { type: "rollup" })] });
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
  const a = kr("a", "me");
  const b = kr("b", "me");
  const published = objective("p", {
    keyResults: [a, b],
    parentObjectiveId: "up",
    alignment: { parentObjectiveId: "up", parentKeyResultId: null, supports: [] },
  });

  it("asks for check-ins on KRs without one in the last 7 days while the cycle runs", () => {
    const todos = computeTodos({
      userId: "me",
      cycle: cycle("in_progress"),
      owned: [published],
      keyResults: myKeyResults([published], "me"),
      checkIns: new Map([
        ["a", [checkIn("a", "2027-05-15T08:00:00Z")]],
        ["b", [checkIn("b", "2027-05-09T08:00:00Z")]],
      ]),
      approvals: [],
      now,
    });
    expect(todos.map((t) => (t.kind === "checkIn" ? `${t.kind}:${t.keyResult.id}` : t.kind))).toEqual([
      "checkIn:b",
    ]);
  });

  it("asks nothing of drafts' KRs, and lists drafts to publish and objectives without alignment", () => {
    const draft = objective("d", { status: "draft", keyResults: [kr("x", "me")] });
    const todos = computeTodos({
      userId: "me",
      cycle: cycle("in_progress"),
      owned: [draft],
      keyResults: myKeyResults([draft], "me"),
      checkIns: new Map([["x", []]]),
      approvals: [],
      now,
    });
    expect(todos.map((t) => t.kind)).toEqual(["publish", "align"]);
  });

  it("puts approvals first, and asks for scores and 复盘 in their phases", () => {
    const waiting = objective("w", { status: "submitted", ownerUserId: "sue" });
    const scoring = computeTodos({
      userId: "me",
      cycle: cycle("scoring"),
      owned: [published],
      keyResults: myKeyResults([published], "me"),
      checkIns: new Map(),
      approvals: [waiting],
      now,
    });
    expect(scoring.map((t) => t.kind)).toEqual(["approve", "score"]);
    const reviewing = computeTodos({
      userId: "me",
      cycle: cycle("reviewing"),
      owned: [published, objective("done", { review: { wentWell: "x" } })],
      keyResults: [],
      checkIns: new Map(),
      approvals: [],
      now,
    });
    expect(reviewing.map((t) => `${t.kind}:${t.objective.id}`)).toEqual(["review:p"]);
  });
});

describe("mayApprove", () => {
  const member = (userId: string, managerId: string | null, role: Member["role"] = "member"): Member => ({
    userId,
    email: `${userId}@x.test`,
    name: userId,
    role,
    departmentId: "sales",
    managerId,
    title: null,
    status: "active",
    version: 1,
  });
  const members = [member("ceo", null, "owner"), member("sam", "ceo"), member("sue", "sam")];
  const suesObjective = objective("s", { ownerUserId: "sue", status: "submitted" });

  it("lets the manager chain and admins approve, not the owner or a peer", () => {
    expect(mayApprove(suesObjective, { userId: "sam", role: "member" }, members, [])).toBe(true);
    expect(mayApprove(suesObjective, { userId: "ceo", role: "owner" }, members, [])).toBe(true);
    expect(mayApprove(suesObjective, { userId: "sue", role: "member" }, members, [])).toBe(false);
  });

  it("lets the leaders above a department approve its objective", () => {
    const departments = [
      { id: "root", name: "Co", parentId: null, leaderId: "ceo", version: 1 },
      { id: "sales", name: "Sales", parentId: "root", leaderId: "sam", version: 1 },
    ];
    const salesObjective = objective("d", {
      level: "department",
      ownerUserId: null,
      ownerDepartmentId: "sales",
    });
    expect(mayApprove(salesObjective, { userId: "ceo", role: "member" }, members, departments)).toBe(true);
    expect(mayApprove(salesObjective, { userId: "sam", role: "member" }, members, departments)).toBe(false);
  });
});
