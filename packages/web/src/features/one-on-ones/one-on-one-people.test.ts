import type { Member } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { oneOnOnePartners } from "./one-on-one-people.ts";

const member = (userId: string, managerId: string | null, status: Member["status"] = "active"): Member => ({
  userId,
  email: `${userId}@acme.test`,
  name: userId.toUpperCase(),
  role: "member",
  departmentId: null,
  managerId,
  title: null,
  status,
  version: 1,
});

describe("oneOnOnePartners", () => {
  const members = [
    member("ceo", null),
    member("sam", "ceo"),
    member("sue", "sam"),
    member("tim", "sue"),
    member("eve", "ceo"),
    member("old", "sam", "deactivated"),
  ];
  it("offers everyone below the caller as a report and everyone above as a manager, not peers", () => {
    expect(oneOnOnePartners(members, "sam")).toEqual([
      { userId: "ceo", name: "CEO", side: "manager" },
      { userId: "sue", name: "SUE", side: "report" },
      { userId: "tim", name: "TIM", side: "report" },
    ]);
    expect(oneOnOnePartners(members, "eve")).toEqual([{ userId: "ceo", name: "CEO", side: "manager" }]);
  });
});
