import { describe, expect, it } from "vitest";
import { testOrg, withChanges } from "./org.fixture.ts";
import {
  departmentAncestors,
  isWithinDepartment,
  leadersOver,
  managerChain,
  wouldCreateDepartmentLoop,
  wouldCreateManagerLoop,
} from "./org-graph.ts";

// A graph that a bad write made cyclic: eng under platform under eng; alice and bob manage each other.
const corrupt = withChanges(testOrg, {
  departments: [{ id: "eng", parentId: "platform", leaderId: "eng-lead" }],
  members: [
    { userId: "alice", role: "member", departmentId: "platform", managerId: "bob", status: "active" },
    { userId: "bob", role: "member", departmentId: "platform", managerId: "alice", status: "active" },
  ],
});

describe("departmentAncestors", () => {
  it("lists strict ancestors, nearest first", () => {
    expect(departmentAncestors(testOrg, "platform")).toEqual(["eng", "root"]);
    expect(departmentAncestors(testOrg, "sales")).toEqual(["root"]);
    expect(departmentAncestors(testOrg, "root")).toEqual([]);
    expect(departmentAncestors(testOrg, "unknown")).toEqual([]);
  });

  it("stops on a loop", () => {
    expect(departmentAncestors(corrupt, "platform")).toEqual(["eng"]);
  });
});

describe("isWithinDepartment", () => {
  it.each([
    ["platform", "platform", true],
    ["platform", "eng", true],
    ["platform", "root", true],
    ["eng", "platform", false],
    ["sales", "eng", false],
  ])("%s within %s: %s", (dept, ancestor, expected) => {
    expect(isWithinDepartment(testOrg, dept, ancestor)).toBe(expected);
  });
});

describe("managerChain", () => {
  it("lists managers upward", () => {
    expect(managerChain(testOrg, "alice")).toEqual(["plat-lead", "eng-lead", "ceo"]);
    expect(managerChain(testOrg, "carol")).toEqual(["eve", "eng-lead", "ceo"]);
    expect(managerChain(testOrg, "ceo")).toEqual([]);
  });

  it("stops on a loop and never lists the member", () => {
    expect(managerChain(corrupt, "alice")).toEqual(["bob"]);
  });
});

describe("leadersOver", () => {
  it("lists the leader of the department and of each one above", () => {
    expect(leadersOver(testOrg, "platform")).toEqual(["plat-lead", "eng-lead", "ceo"]);
    expect(leadersOver(testOrg, "root")).toEqual(["ceo"]);
  });

  it("skips departments without a leader and repeats of one leader", () => {
    const graph = withChanges(testOrg, {
      departments: [
        { id: "platform", parentId: "eng", leaderId: null },
        { id: "eng", parentId: "root", leaderId: "ceo" },
      ],
    });
    expect(leadersOver(graph, "platform")).toEqual(["ceo"]);
  });
});

describe("loop checks", () => {
  it.each([
    ["eng", "platform", true],
    ["eng", "eng", true],
    ["root", "platform", true],
    ["platform", "sales", false],
    ["sales", "eng", false],
    ["sales", null, false],
  ])("moving %s under %s loops: %s", (dept, parent, expected) => {
    expect(wouldCreateDepartmentLoop(testOrg, dept, parent)).toBe(expected);
  });

  it.each([
    ["ceo", "alice", true],
    ["plat-lead", "alice", true],
    ["alice", "alice", true],
    ["alice", "sam", false],
    ["sam", "carol", false],
    ["alice", null, false],
  ])("making %s report to %s loops: %s", (user, manager, expected) => {
    expect(wouldCreateManagerLoop(testOrg, user, manager)).toBe(expected);
  });
});
