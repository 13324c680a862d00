import { describe, expect, it } from "vitest";
import { canHoldOneOnOne, isOneOnOneParticipant, oneOnOneAbilities } from "./one-on-one.ts";
import { actorOf, testOrg as graph } from "./org.fixture.ts";

describe("canHoldOneOnOne", () => {
  it.each([
    ["plat-lead", "alice", true], // her manager
    ["alice", "plat-lead", false], // a report does not manage her manager
    ["bob", "alice", false], // a peer
    ["alice", "alice", false],
  ])("%s with %s: %s", (managerId, reportId, expected) => {
    expect(canHoldOneOnOne(graph, managerId, reportId)).toBe(expected);
  });
});

describe("oneOnOneAbilities", () => {
  const meeting = { managerId: "plat-lead", reportId: "alice", status: "scheduled" as const };
  it("gives participants every control and strangers (admins too) none", () => {
    expect(oneOnOneAbilities(actorOf("alice"), meeting).addAgenda).toBe(true);
    expect(oneOnOneAbilities(actorOf("plat-lead"), meeting).markDone).toBe(true);
    expect(oneOnOneAbilities(actorOf("plat-lead"), { ...meeting, status: "done" }).markDone).toBe(false);
    expect(isOneOnOneParticipant(actorOf("adm"), meeting)).toBe(false);
    expect(Object.values(oneOnOneAbilities(actorOf("adm"), meeting)).some(Boolean)).toBe(false);
  });
});
