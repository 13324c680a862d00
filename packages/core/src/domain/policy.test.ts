import { describe, expect, it } from "vitest";
import { actorOf, testOrg, withChanges } from "./org.fixture.ts";
import type { PolicyObjective } from "./policy.ts";
import {
  approverOf,
  canApprove,
  canCheckIn,
  canEditComment,
  canManageOrg,
  canManagerScore,
  canReadAudit,
  canViewObjective,
  canWriteObjective,
  isAdmin,
} from "./policy.ts";
import type { Visibility } from "./types.ts";

// See org.fixture.ts for the organization: root(ceo) > sales(sales-lead), eng(eng-lead) > platform(plat-lead).
const EVERYONE = [
  "adm",
  "own",
  "ceo",
  "sales-lead",
  "sam",
  "carol",
  "eng-lead",
  "eve",
  "plat-lead",
  "alice",
  "bob",
  "nodept",
] as const;

const company = (visibility: Visibility): PolicyObjective => ({
  level: "company",
  visibility,
  ownerUserId: null,
  ownerDepartmentId: "root",
});
const department = (id: string, visibility: Visibility): PolicyObjective => ({
  level: "department",
  visibility,
  ownerUserId: null,
  ownerDepartmentId: id,
});
const personal = (userId: string, visibility: Visibility): PolicyObjective => ({
  level: "personal",
  visibility,
  ownerUserId: userId,
  ownerDepartmentId: null,
});

// Each row: an objective and exactly who may see it; everyone else must not.
const viewTable: [string, PolicyObjective, readonly string[]][] = [
  ["company public", company("public"), EVERYONE],
  ["company department", company("department"), EVERYONE.filter((u) => u !== "nodept")],
  ["company private", company("private"), ["adm", "own", "ceo"]],
  ["eng public", department("eng", "public"), EVERYONE],
  [
    "eng department",
    department("eng", "department"),
    ["adm", "own", "ceo", "eng-lead", "eve", "plat-lead", "alice", "bob"],
  ],
  ["eng private", department("eng", "private"), ["adm", "own", "ceo", "eng-lead"]],
  ["platform private", department("platform", "private"), ["adm", "own", "ceo", "eng-lead", "plat-lead"]],
  ["alice public", personal("alice", "public"), EVERYONE],
  [
    "alice department",
    personal("alice", "department"),
    ["adm", "own", "ceo", "eng-lead", "plat-lead", "alice", "bob"],
  ],
  ["alice private", personal("alice", "private"), ["adm", "own", "ceo", "eng-lead", "plat-lead", "alice"]],
  // carol reports to eve across departments: her manager chain sees her department-visible objective too.
  [
    "carol department",
    personal("carol", "department"),
    ["adm", "own", "ceo", "sales-lead", "sam", "carol", "eve", "eng-lead"],
  ],
  // Private means the manager chain, not the department: sales-lead is not in carol's chain.
  ["carol private", personal("carol", "private"), ["adm", "own", "ceo", "carol", "eve", "eng-lead"]],
  ["nodept department", personal("nodept", "department"), ["adm", "own", "nodept"]],
];

describe("canViewObjective", () => {
  it.each(
    viewTable.flatMap(([name, obj, allowed]) =>
      EVERYONE.map((userId) => [name, userId, allowed.includes(userId), obj] as const),
    ),
  )("%s seen by %s: %s", (_name, userId, expected, obj) => {
    expect(canViewObjective(actorOf(userId), obj, testOrg)).toBe(expected);
  });

  it("hides a private personal objective from a colleague in another department", () => {
    expect(canViewObjective(actorOf("sam"), personal("alice", "private"), testOrg)).toBe(false);
    expect(canViewObjective(actorOf("alice"), personal("alice", "private"), testOrg)).toBe(true);
    expect(canViewObjective(actorOf("plat-lead"), personal("alice", "private"), testOrg)).toBe(true);
    expect(canViewObjective(actorOf("adm"), personal("alice", "private"), testOrg)).toBe(true);
  });
});

const writeTable: [string, PolicyObjective, readonly string[]][] = [
  ["company", company("public"), ["adm", "own", "ceo"]],
  ["eng", department("eng", "public"), ["adm", "own", "ceo", "eng-lead"]],
  ["platform", department("platform", "public"), ["adm", "own", "ceo", "eng-lead", "plat-lead"]],
  ["alice", personal("alice", "public"), ["adm", "own", "ceo", "eng-lead", "plat-lead", "alice"]],
  ["carol", personal("carol", "public"), ["adm", "own", "ceo", "eng-lead", "eve", "carol"]],
];

describe("canWriteObjective", () => {
  it.each(
    writeTable.flatMap(([name, obj, allowed]) =>
      EVERYONE.map((userId) => [name, userId, allowed.includes(userId), obj] as const),
    ),
  )("%s written by %s: %s", (_name, userId, expected, obj) => {
    expect(canWriteObjective(actorOf(userId), obj, testOrg)).toBe(expected);
  });
});

describe("canCheckIn", () => {
  it.each([
    ["bob", true], // owns the KR
    ["alice", true], // owns the objective
    ["plat-lead", true], // manager of the objective's owner
    ["adm", true],
    ["eve", false],
    ["sam", false],
  ])("%s on bob's KR of alice's objective: %s", (userId, expected) => {
    expect(canCheckIn(actorOf(userId), personal("alice", "public"), { ownerUserId: "bob" }, testOrg)).toBe(
      expected,
    );
  });
});

describe("canEditComment", () => {
  it.each([
    ["alice", true], // wrote it
    ["adm", true],
    ["own", true],
    ["plat-lead", false], // her manager reads and answers, but does not rewrite her words
    ["bob", false],
  ])("%s on alice's comment: %s", (userId, expected) => {
    expect(canEditComment(actorOf(userId), { authorId: "alice" })).toBe(expected);
  });
});

// One approver per objective (the owner's manager; the parent department's leader), and admins stepping in.
const approveTable: [string, PolicyObjective, readonly string[]][] = [
  ["alice", personal("alice", "public"), ["adm", "own", "plat-lead"]],
  // An admin never approves their own objective; another admin or their manager does.
  ["adm", personal("adm", "public"), ["own", "ceo"]],
  ["platform", department("platform", "public"), ["adm", "own", "eng-lead"]],
  ["sales", department("sales", "public"), ["adm", "own", "ceo"]],
  ["company", company("public"), ["adm", "own"]],
];

describe("canApprove and canManagerScore", () => {
  it.each(
    approveTable.flatMap(([name, obj, allowed]) =>
      EVERYONE.map((userId) => [name, userId, allowed.includes(userId), obj] as const),
    ),
  )("%s approved by %s: %s", (_name, userId, expected, obj) => {
    expect(canApprove(actorOf(userId), obj, testOrg)).toBe(expected);
    expect(canManagerScore(actorOf(userId), obj, testOrg)).toBe(expected);
  });
});

describe("approverOf", () => {
  it.each([
    ["alice's objective: her manager", personal("alice", "public"), "plat-lead"],
    ["carol's objective: her manager across departments", personal("carol", "public"), "eve"],
    ["the owner, who reports to no one: the root's leader", personal("own", "public"), "ceo"],
    ["the CEO, who reports to no one and leads the root: the admins", personal("ceo", "public"), null],
    ["someone in no department and with no manager: the admins", personal("nodept", "public"), null],
    ["platform: the leader of engineering", department("platform", "public"), "eng-lead"],
    ["sales: the leader of the company", department("sales", "public"), "ceo"],
    ["the company: the admins", company("public"), null],
  ] as const)("%s", (_name, obj, expected) => {
    expect(approverOf(obj, testOrg)).toBe(expected);
  });

  it("skips a deactivated manager and a parent department led by the same person", () => {
    const graph = withChanges(testOrg, {
      members: [
        {
          userId: "plat-lead",
          role: "member",
          departmentId: "platform",
          managerId: "eng-lead",
          status: "deactivated",
        },
      ],
      departments: [{ id: "eng", parentId: "root", leaderId: "plat-lead" }],
    });
    expect(approverOf(personal("alice", "public"), graph)).toBe("eng-lead");
    const sameLeader = withChanges(testOrg, {
      departments: [{ id: "eng", parentId: "root", leaderId: "plat-lead" }],
    });
    expect(approverOf(department("platform", "public"), sameLeader)).toBe("ceo");
  });

  it("gives every objective of the organization at most one approver besides the admins", () => {
    for (const [, obj] of approveTable) {
      const nonAdmins = EVERYONE.filter((u) => !isAdmin(actorOf(u)) && canApprove(actorOf(u), obj, testOrg));
      expect(nonAdmins.length).toBeLessThanOrEqual(1);
    }
  });
});

describe("isAdmin, canManageOrg and canReadAudit", () => {
  it.each([
    ["own", true],
    ["adm", true],
    ["ceo", false],
    ["alice", false],
  ])("%s: %s", (userId, expected) => {
    expect(isAdmin(actorOf(userId))).toBe(expected);
    expect(canManageOrg(actorOf(userId))).toBe(expected);
    expect(canReadAudit(actorOf(userId))).toBe(expected);
  });
});
