import type { OrgGraph } from "@luodi/core";
import { type Executor, listDepartments, listMembers } from "@luodi/db";
import { type OrgGenerations, structureScope } from "./org-generations.ts";

/**
 * Keeps each organization's department tree and reporting lines in memory, because every permission
 * check reads them. Any write to departments, members or the organization bumps its structure scope
 * (change-tracker.ts), which makes the entry stale; the short lifetime bounds how stale another server
 * instance may be.
 */
export class OrgGraphCache {
  private readonly entries = new Map<string, { graph: OrgGraph; generation: number; loadedAt: number }>();
  constructor(
    private readonly generations: OrgGenerations,
    private readonly maxAgeMs = 10_000,
  ) {}

  async get(db: Executor, orgId: string): Promise<OrgGraph> {
    const generation = this.generations.get(structureScope(orgId));
    const entry = this.entries.get(orgId);
    if (entry && entry.generation === generation && Date.now() - entry.loadedAt < this.maxAgeMs)
      return entry.graph;
    // The generation was read first: a write racing with this load leaves the entry stale at once.
    const graph = await loadOrgGraph(db, orgId);
    this.entries.set(orgId, { graph, generation, loadedAt: Date.now() });
    return graph;
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
          name: m.name,
        },
      ]),
    ),
  };
}
