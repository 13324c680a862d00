import { describe, expect, it } from "vitest";
import {
  type AbilityObjective,
  type AbilityScope,
  keyResultAbilities,
  memberAbilities,
  objectiveAbilities,
} from "./abilities.ts";
import { actorOf, testOrg } from "./org.fixture.ts";
import type { CyclePhase } from "./types.ts";

// See org.fixture.ts: root(ceo) > sales(sales-lead: sam, carol), eng(eng-lead: eve) > platform(plat-lead: alice, bob).
const scope = (userId: string, phase: CyclePhase, approvalRequired = false): AbilityScope => ({
  actor: actorOf(userId),
  graph: testOrg,
  phase,
  workflow: { approvalRequired },
});

const alicesDraft: AbilityObjective = {
  level: "personal",
  visibility: "public",
  ownerUserId: "alice",
  ownerDepartmentId: null,
  status: "draft",
  deleted: false,
};
const alicesPublished: AbilityObjective = { ...alicesDraft, status: "published" };

const objectiveOf = (userId: string, objective: AbilityObjective, phase: CyclePhase, approval = false) => {
  const s = scope(userId, phase, approval);
  return objectiveAbilities(s, objective, [keyResultAbilities(s, objective, { ownerUserId: "bob" })]);
};

describe("objective abilities", () => {
  it("lets the owner publish a draft without approval, and submit it with approval, never both", () => {
    expect(objectiveOf("alice", alicesDraft, "planning")).toMatchObject({ publish: true, submit: false });
    expect(objectiveOf("alice", alicesDraft, "planning", true)).toMatchObject({
      publish: false,
      submit: true,
    });
  });

  it("lets the one approver (the owner's manager) and admins approve a submitted objective, never its owner", () => {
    const submitted: AbilityObjective = { ...alicesDraft, status: "submitted" };
    expect(objectiveOf("plat-lead", submitted, "planning", true).approve).toBe(true);
    expect(objectiveOf("adm", submitted, "planning", true).approve).toBe(true);
    // Higher up the chain is not the approver: one objective, one person to decide.
    expect(objectiveOf("ceo", submitted, "planning", true).approve).toBe(false);
    expect(objectiveOf("eng-lead", submitted, "planning", true).approve).toBe(false);
    expect(objectiveOf("alice", submitted, "planning", true).approve).toBe(false);
    expect(objectiveOf("sam", submitted, "planning", true).approve).toBe(false);
  });

  it("follows the phase: scoring only in scoring, 复盘 only in reviewing, nothing to edit once closed", () => {
    expect(objectiveOf("alice", alicesPublished, "in_progress")).toMatchObject({
      update: true,
      score: false,
      review: false,
      checkIn: true,
    });
    expect(objectiveOf("alice", alicesPublished, "scoring")).toMatchObject({
      score: true,
      managerScore: false,
    });
    expect(objectiveOf("plat-lead", alicesPublished, "scoring").managerScore).toBe(true);
    expect(objectiveOf("alice", alicesPublished, "reviewing").review).toBe(true);
    expect(objectiveOf("alice", alicesPublished, "closed")).toMatchObject({
      update: false,
      checkIn: false,
      delete: true,
    });
  });

  it("offers only restore on a deleted objective, to its writers", () => {
    const deleted = { ...alicesPublished, deleted: true };
    expect(objectiveOf("alice", deleted, "in_progress")).toMatchObject({
      restore: true,
      update: false,
      delete: false,
    });
    expect(objectiveOf("sam", deleted, "in_progress").restore).toBe(false);
  });
});

describe("key result abilities", () => {
  it("lets a KR's owner check in and self-score on an objective they cannot edit", () => {
    const s = scope("bob", "in_progress");
    expect(keyResultAbilities(s, alicesPublished, { ownerUserId: "bob" })).toEqual({
      update: false,
      delete: false,
      checkIn: true,
      score: false,
      managerScore: false,
    });
    expect(keyResultAbilities(s, alicesPublished, { ownerUserId: "alice" }).checkIn).toBe(false);
    expect(keyResultAbilities(scope("bob", "scoring"), alicesPublished, { ownerUserId: "bob" })).toEqual({
      update: false,
      delete: false,
      checkIn: false,
      score: true,
      managerScore: false,
    });
  });

  it("offers check-ins only on published objectives while the cycle is aligning or in progress", () => {
    const kr = { ownerUserId: "alice" };
    for (const phase of ["planning", "aligning", "in_progress", "scoring", "reviewing", "closed"] as const) {
      for (const status of ["draft", "submitted", "published", "closed"] as const) {
        const open = (phase === "aligning" || phase === "in_progress") && status === "published";
        const objective = { ...alicesPublished, status };
        expect(keyResultAbilities(scope("alice", phase), objective, kr).checkIn).toBe(open);
        expect(objectiveOf("alice", objective, phase).checkIn).toBe(open);
      }
    }
  });

  it("refuses check-ins on a closed objective", () => {
    const closed: AbilityObjective = { ...alicesPublished, status: "closed" };
    expect(keyResultAbilities(scope("alice", "in_progress"), closed, { ownerUserId: "alice" }).checkIn).toBe(
      false,
    );
  });
});

describe("member abilities", () => {
  it("lets admins create anything and anyone's personal objectives", () => {
    const abilities = memberAbilities(actorOf("adm"), testOrg);
    expect(abilities.manageOrg).toBe(true);
    expect(abilities.createObjective).toEqual({
      company: true,
      departmentIds: ["sales", "eng", "platform"],
      anyPersonalOwner: true,
      personalOwnerIds: [],
    });
  });

  it("lets a leader write their department and those below, and their reports' personal objectives", () => {
    const abilities = memberAbilities(actorOf("eng-lead"), testOrg);
    expect(abilities.manageOrg).toBe(false);
    expect(abilities.createObjective.company).toBe(false);
    expect(abilities.createObjective.departmentIds).toEqual(["eng", "platform"]);
    // Carol sits in Sales but reports to Eve, who reports to the Engineering lead.
    expect(abilities.createObjective.personalOwnerIds.sort()).toEqual([
      "alice",
      "bob",
      "carol",
      "eng-lead",
      "eve",
      "plat-lead",
    ]);
  });

  it("lets the root's leader write company objectives, and a member only their own", () => {
    expect(memberAbilities(actorOf("ceo"), testOrg).createObjective.company).toBe(true);
    expect(memberAbilities(actorOf("sam"), testOrg).createObjective).toEqual({
      company: false,
      departmentIds: [],
      anyPersonalOwner: false,
      personalOwnerIds: ["sam"],
    });
  });
});
