import { describe, expect, it } from "vitest";
import {
  assignKeyResultOwners,
  canDecideProposal,
  type PolicyProposal,
  proposalAbilities,
} from "./proposal.ts";
import type { OrgGraph } from "./types.ts";

// root ─ sales (led by lead) ─ east (led by eastLead); ann and bob in east.
const graph: OrgGraph = {
  rootDepartmentId: "root",
  departments: new Map([
    ["root", { id: "root", parentId: null, leaderId: "ceo" }],
    ["sales", { id: "sales", parentId: "root", leaderId: "lead" }],
    ["east", { id: "east", parentId: "sales", leaderId: "eastLead" }],
  ]),
  members: new Map(
    (
      [
        ["ceo", "root", null],
        ["lead", "sales", "ceo"],
        ["eastLead", "east", "lead"],
        ["ann", "east", "eastLead"],
        ["bob", "east", "eastLead"],
        ["admin", "root", null],
      ] as const
    ).map(([userId, departmentId, managerId]) => [
      userId,
      { userId, role: userId === "admin" ? "admin" : "member", departmentId, managerId, status: "active" },
    ]),
  ),
};

const salesObjective = {
  level: "department",
  visibility: "public",
  ownerUserId: null,
  ownerDepartmentId: "sales",
} as const;
const open: PolicyProposal = {
  status: "open",
  proposerUserId: "ann",
  parent: salesObjective,
  spunOff: false,
};
const actor = (userId: string) => ({
  userId,
  role: userId === "admin" ? ("admin" as const) : ("member" as const),
});

describe("canDecideProposal", () => {
  it("admits admins and the leaders of the parent's department and above, no one else", () => {
    expect(canDecideProposal(actor("admin"), salesObjective, graph)).toBe(true);
    expect(canDecideProposal(actor("lead"), salesObjective, graph)).toBe(true);
    expect(canDecideProposal(actor("ceo"), salesObjective, graph)).toBe(true);
    expect(canDecideProposal(actor("eastLead"), salesObjective, graph)).toBe(false);
    expect(canDecideProposal(actor("bob"), salesObjective, graph)).toBe(false);
  });

  it("reads a company parent as the root department's", () => {
    const company = {
      level: "company",
      visibility: "public",
      ownerUserId: null,
      ownerDepartmentId: null,
    } as const;
    expect(canDecideProposal(actor("ceo"), company, graph)).toBe(true);
    expect(canDecideProposal(actor("lead"), company, graph)).toBe(false);
  });
});

describe("proposalAbilities", () => {
  it("lets colleagues back and join once, the proposer withdraw, approvers decide", () => {
    expect(proposalAbilities(actor("bob"), open, graph, { backed: false, joined: false })).toEqual({
      back: true,
      unback: false,
      join: true,
      leave: false,
      withdraw: false,
      decide: false,
      spinOff: false,
    });
    expect(proposalAbilities(actor("bob"), open, graph, { backed: true, joined: true })).toMatchObject({
      back: false,
      unback: true,
      join: false,
      leave: true,
    });
    expect(proposalAbilities(actor("ann"), open, graph, { backed: false, joined: false })).toMatchObject({
      back: false,
      join: false,
      withdraw: true,
    });
    expect(proposalAbilities(actor("lead"), open, graph, { backed: false, joined: false })).toMatchObject({
      decide: true,
      spinOff: false,
    });
  });

  it("freezes a decided proposal but lets an approver spin an accepted one off, once", () => {
    const accepted = { ...open, status: "accepted" as const };
    expect(proposalAbilities(actor("lead"), accepted, graph, { backed: true, joined: false })).toEqual({
      back: false,
      unback: false,
      join: false,
      leave: false,
      withdraw: false,
      decide: false,
      spinOff: true,
    });
    expect(
      proposalAbilities(actor("lead"), { ...accepted, spunOff: true }, graph, {
        backed: false,
        joined: false,
      }).spinOff,
    ).toBe(false);
    expect(proposalAbilities(actor("bob"), accepted, graph, { backed: false, joined: false }).spinOff).toBe(
      false,
    );
  });
});

describe("assignKeyResultOwners", () => {
  it("keeps an owner who runs the initiative, and gives the others to the team in turn", () => {
    const drafts = [
      { ownerUserId: null },
      { ownerUserId: "bob" },
      { ownerUserId: null },
      { ownerUserId: "eve" },
    ];
    expect(assignKeyResultOwners(drafts, "ann", ["bob", "cat"])).toEqual(["bob", "bob", "cat", "bob"]);
  });
  it("gives every KR to the proposer when nobody joined", () => {
    expect(assignKeyResultOwners([{ ownerUserId: null }, { ownerUserId: "eve" }], "ann", [])).toEqual([
      "ann",
      "ann",
    ]);
  });
});
