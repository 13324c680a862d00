import { describe, expect, it } from "vitest";
import {
  type AbilityObjective,
  type AbilityScope,
  commentAbilities,
  keyResultAbilities,
  memberAbilities,
  objectiveAbilities,
} from "./abilities.ts";
import { actorOf, testOrg, withChanges } from "./org.fixture.ts";
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
      comment: false,
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
      comment: true,
    });
    expect(keyResultAbilities(s, alicesPublished, { ownerUserId: "alice" }).checkIn).toBe(false);
    expect(keyResultAbilities(scope("bob", "scoring"), alicesPublished, { ownerUserId: "bob" })).toEqual({
      update: false,
      delete: false,
      checkIn: false,
      score: true,
      managerScore: false,
      comment: true,
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

describe("my team", () => {
  it("is there for whoever someone active reports to, and only for them", () => {
    expect(memberAbilities(actorOf("eve"), testOrg).viewTeam).toBe(true);
    expect(memberAbilities(actorOf("plat-lead"), testOrg).viewTeam).toBe(true);
    expect(memberAbilities(actorOf("sam"), testOrg).viewTeam).toBe(false);
    // An admin with nobody reporting to them has no team to see.
    expect(memberAbilities(actorOf("adm"), testOrg).viewTeam).toBe(false);
    const gone = withChanges(testOrg, {
      members: [
        { userId: "carol", role: "member", departmentId: "sales", managerId: "eve", status: "deactivated" },
      ],
    });
    expect(memberAbilities(actorOf("eve"), gone).viewTeam).toBe(false);
  });
});

describe("comment abilities", () => {
  it("lets the author and admins edit and delete, everyone who sees it react and reply", () => {
    const comment = { authorId: "alice", deleted: false };
    expect(commentAbilities(actorOf("alice"), comment)).toEqual({
      update: true,
      delete: true,
      react: true,
      reply: true,
    });
    expect(commentAbilities(actorOf("adm"), comment)).toMatchObject({ update: true, delete: true });
    // Her manager reads and answers, but does not rewrite her words.
    expect(commentAbilities(actorOf("plat-lead"), comment)).toEqual({
      update: false,
      delete: false,
      react: true,
      reply: true,
    });
  });

  it("offers nothing on a deleted comment, even to its author", () => {
    const deleted = { authorId: "alice", deleted: true };
    for (const who of ["alice", "adm", "bob"]) {
      expect(commentAbilities(actorOf(who), deleted)).toEqual({
        update: false,
        delete: false,
        react: false,
        reply: false,
      });
    }
  });

  it("lets whoever sees an objective comment on it and its KRs, until it is deleted", () => {
    expect(objectiveOf("sam", alicesPublished, "closed").comment).toBe(true);
    const s = scope("sam", "planning");
    expect(keyResultAbilities(s, alicesDraft, { ownerUserId: "alice" }).comment).toBe(true);
    expect(keyResultAbilities(s, { ...alicesDraft, deleted: true }, { ownerUserId: "alice" }).comment).toBe(
      false,
    );
  });
});
