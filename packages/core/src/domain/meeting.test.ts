import { describe, expect, it } from "vitest";
import {
  canAnswerQuestion,
  canCreateMeeting,
  canMoveMeeting,
  canRunMeeting,
  canViewMeeting,
  confidenceTrend,
  isUnalignedDraft,
  type PolicyMeeting,
} from "./meeting.ts";
import { actorOf, testOrg } from "./org.fixture.ts";

// See org.fixture.ts: root(ceo) > sales(sales-lead), eng(eng-lead) > platform(plat-lead).
const engMeeting: PolicyMeeting = { departmentId: "eng", createdBy: "eng-lead", attendeeIds: ["sam"] };
const companyMeeting: PolicyMeeting = { departmentId: null, createdBy: "adm", attendeeIds: [] };

describe("meeting rules", () => {
  it.each([
    ["adm", null, true],
    ["ceo", null, false],
    ["eng-lead", "eng", true],
    ["ceo", "platform", true],
    ["plat-lead", "eng", false],
    ["sales-lead", "eng", false],
    ["alice", "platform", false],
  ] as const)("%s may schedule a meeting of %s: %s", (who, dept, allowed) => {
    expect(canCreateMeeting(actorOf(who), dept, testOrg)).toBe(allowed);
  });

  it.each([
    ["alice", true],
    ["eve", true],
    ["sam", true],
    ["carol", false],
    ["sales-lead", false],
    ["ceo", true],
    ["adm", true],
    ["nodept", false],
  ] as const)("%s may see the engineering meeting: %s", (who, allowed) => {
    expect(canViewMeeting(actorOf(who), engMeeting, testOrg)).toBe(allowed);
    expect(canViewMeeting(actorOf(who), companyMeeting, testOrg)).toBe(true);
  });

  it.each([
    ["eng-lead", true],
    ["ceo", true],
    ["adm", true],
    ["plat-lead", false],
    ["sam", false],
  ] as const)("%s may run the engineering meeting: %s", (who, allowed) => {
    expect(canRunMeeting(actorOf(who), engMeeting, testOrg)).toBe(allowed);
  });

  it("lets the CEO (the owner) and admins answer questions, no one else", () => {
    expect(canAnswerQuestion({ userId: "own", role: "owner" })).toBe(true);
    expect(canAnswerQuestion(actorOf("adm"))).toBe(true);
    expect(canAnswerQuestion(actorOf("ceo"))).toBe(false);
    expect(canAnswerQuestion(actorOf("alice"))).toBe(false);
  });

  it("moves forward one step at a time", () => {
    expect(canMoveMeeting("scheduled", "in_progress")).toBe(true);
    expect(canMoveMeeting("in_progress", "ended")).toBe(true);
    expect(canMoveMeeting("scheduled", "ended")).toBe(false);
    expect(canMoveMeeting("ended", "in_progress")).toBe(false);
    expect(canMoveMeeting("in_progress", "in_progress")).toBe(false);
  });
});

describe("agenda helpers", () => {
  it("keeps the last five confidences, oldest first", () => {
    expect(confidenceTrend([])).toEqual([]);
    expect(confidenceTrend([7, 6])).toEqual([7, 6]);
    expect(confidenceTrend([9, 8, 7, 6, 5, 4, 2])).toEqual([7, 6, 5, 4, 2]);
  });

  it("calls a draft unaligned only when nothing above it is linked and it is not the company's", () => {
    const draft = { status: "draft", level: "personal", parentObjectiveId: null, parentKeyResultId: null };
    expect(isUnalignedDraft(draft)).toBe(true);
    expect(isUnalignedDraft({ ...draft, parentObjectiveId: "o1" })).toBe(false);
    expect(isUnalignedDraft({ ...draft, parentKeyResultId: "kr1" })).toBe(false);
    expect(isUnalignedDraft({ ...draft, level: "company" })).toBe(false);
    expect(isUnalignedDraft({ ...draft, status: "published" })).toBe(false);
  });
});
