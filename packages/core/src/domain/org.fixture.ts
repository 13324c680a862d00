import type { MemberStatus, OrgGraph, Role } from "./types.ts";

// A small organization shared by the org-graph, policy and alignment tests:
//
//   root (ceo) ─┬─ sales (sales-lead): sam, carol (carol reports to eve, across departments)
//               └─ eng (eng-lead): eve ─── platform (plat-lead): alice, bob
//
// Reporting lines: alice, bob → plat-lead → eng-lead → ceo; sam → sales-lead → ceo; carol → eve.
// adm (admin) and own (owner) sit in the root; nodept belongs to no department.

type Dept = { id: string; parentId: string | null; leaderId: string | null };
type Member = {
  userId: string;
  role: Role;
  departmentId: string | null;
  managerId: string | null;
  status: MemberStatus;
};

const departments: Dept[] = [
  { id: "root", parentId: null, leaderId: "ceo" },
  { id: "sales", parentId: "root", leaderId: "sales-lead" },
  { id: "eng", parentId: "root", leaderId: "eng-lead" },
  { id: "platform", parentId: "eng", leaderId: "plat-lead" },
];

const member = (
  userId: string,
  departmentId: string | null,
  managerId: string | null,
  role: Role = "member",
) => ({
  userId,
  role,
  departmentId,
  managerId,
  status: "active" as const,
});

const members: Member[] = [
  member("ceo", "root", null),
  member("adm", "root", "ceo", "admin"),
  member("own", "root", null, "owner"),
  member("sales-lead", "sales", "ceo"),
  member("sam", "sales", "sales-lead"),
  member("carol", "sales", "eve"),
  member("eng-lead", "eng", "ceo"),
  member("eve", "eng", "eng-lead"),
  member("plat-lead", "platform", "eng-lead"),
  member("alice", "platform", "plat-lead"),
  member("bob", "platform", "plat-lead"),
  member("nodept", null, null),
];

/** The test organization. */
export const testOrg: OrgGraph = {
  rootDepartmentId: "root",
  departments: new Map(departments.map((d) => [d.id, d])),
  members: new Map(members.map((m) => [m.userId, m])),
};

/** The actor for a user of the test organization, with their role there. */
export function actorOf(userId: string): { userId: string; role: Role } {
  return { userId, role: testOrg.members.get(userId)?.role ?? "member" };
}

/** A copy of an org graph with some departments or members replaced (to build corrupt or variant graphs). */
export function withChanges(
  graph: OrgGraph,
  changes: { departments?: Dept[]; members?: Member[] },
): OrgGraph {
  const nextDepartments = new Map(graph.departments);
  for (const d of changes.departments ?? []) nextDepartments.set(d.id, d);
  const nextMembers = new Map(graph.members);
  for (const m of changes.members ?? []) nextMembers.set(m.userId, m);
  return { rootDepartmentId: graph.rootDepartmentId, departments: nextDepartments, members: nextMembers };
}
