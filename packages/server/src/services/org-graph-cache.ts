import type { OrgGraph } from "@luodi/core";
import { type Executor, listDepartments, listMembers } from "@luodi/db";

/**
 * Keeps each organization's department tree and reporting lines in memory, because every permission
 * check reads them. Writes to departments and members invalidate it; the short lifetime bounds how stale
 * another server instance may be.
 */
export class OrgGraphCache {
  private readonly entries = new Map<string, { graph: OrgGraph; loadedAt: number }>();
  constructor(private readonly maxAgeMs = 10_000) {}

  async get(db: Executor, orgId: string): Promise<OrgGraph> {
    const entry = this.entries.get(orgId);
    if (entry && Date.now() - entry.loadedAt < this.maxAgeMs) return entry.graph;
    const graph = await loadOrgGraph(db, orgId);
    this.entries.set(orgId, { graph, loadedAt: Date.now() });
    return graph;
  }

  invalidate(orgId: string): void {
    this.entries.delete(orgId);
  }
}

/** Reads an organization's structure in two queries. */
export async function loadOrgGraph(db: Executor, orgId: string): Promise<OrgGraph> {
  const [departments, members] = await Promise.all([listDepartments(db, orgId), listMembers(db, orgId)]);
  const root = departments.find((d) => d.parentId === null);
  return {
    rootDepartmentId: root?.id ?? "",
    departments: new Map(
      departments.map((d) => [d.id, { id: d.id, parentId: d.parentId, leaderId: d.leaderId }]),
    ),
    members: new Map(
      members.map((m) => [
        m.userId,
        {
          userId: m.userId,
          role: m.role,
          departmentId: m.departmentId,
          managerId: m.managerId,
          status: m.status,
        },
      ]),
    ),
  };
}
