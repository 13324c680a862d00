import {
  AppError,
  canViewObjective,
  canWriteObjective,
  type ErrorCode,
  type ImportIssue,
  type ImportKeyResultDraft,
  type ImportObjectiveDraft,
  type ImportRead,
  MAX_KEY_RESULTS_PER_OBJECTIVE,
  type ObjectiveLevel,
  phaseAllows,
} from "@luodi/core";
import {
  type CycleRow,
  type DepartmentRow,
  type Executor,
  findKeyResultsByExternalIds,
  findObjectives,
  findObjectivesByExternalIds,
  type KeyResultRow,
  listCycles,
  listDepartments,
  listKeyResultsOfObjectives,
  listMembers,
  listObjectives,
  type ObjectiveRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";

/** What the import does to one key result. */
type KeyResultPlan = {
  draft: ImportKeyResultDraft;
  existing: KeyResultRow | null;
  action: "create" | "update" | "unchanged";
};

/** What the import does to one objective, with everything resolved against the organization. */
export type ObjectivePlan = {
  draft: ImportObjectiveDraft;
  cycle: CycleRow;
  level: ObjectiveLevel;
  ownerUserId: string | null;
  ownerDepartmentId: string | null;
  existing: ObjectiveRow | null;
  /** The existing objective's live key results, in order (kept: an import never deletes). */
  existingKeyResults: KeyResultRow[];
  keyResults: KeyResultPlan[];
  action: "create" | "update" | "unchanged";
  /** How many objectives the owner has in the cycle once imported (for the coach). */
  ownerObjectiveCount: number;
  /** The new objective's id, once a real run has written it. */
  createdId?: string;
};

function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

function normalizePath(path: string): string {
  return path
    .split(/[/／\\>]/)
    .map(normalizeName)
    .filter((part) => part !== "")
    .join("/");
}

/** Each department by its path below the root (研发中心/平台部), and by the path with the root's name first. */
function departmentsByPath(departments: readonly DepartmentRow[]): Map<string, DepartmentRow> {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const paths = new Map<string, DepartmentRow>();
  for (const department of departments) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let d: DepartmentRow | undefined = department;
      d && !seen.has(d.id);
      d = byId.get(d.parentId ?? "")
    ) {
      seen.add(d.id);
      names.unshift(d.name);
    }
    const full = normalizePath(names.join("/"));
    const below = normalizePath(names.slice(1).join("/"));
    if (!paths.has(full)) paths.set(full, department);
    if (below !== "" && !paths.has(below)) paths.set(below, department);
  }
  return paths;
}

// Both sides are normalized decimal text (core's validateKeyResultDefinition wrote the stored ones too).
function sameMeasure(a: string | null, b: string | null): boolean {
  return a === b;
}

function titleKey(title: string): string {
  return normalizeName(title);
}

/**
 * Resolves an import's objectives against the organization and decides what each row does — creates,
 * updates, or nothing — adding an issue for every row the import may not write: an unknown cycle, owner
 * or department, an owner that does not fit the level, a cycle past planning, an objective the caller may
 * not write (the API's own rule: admins anything, leaders their departments, people their own and their
 * reports'), an owner over the objective limit, an external id that belongs to something else. Reads only.
 */
export async function planImport(
  caller: Caller,
  db: Executor,
  read: ImportRead,
  options: { defaultCycleId: string | null },
): Promise<{ plans: ObjectivePlan[]; issues: ImportIssue[] }> {
  const { auth } = caller;
  const orgId = auth.org.id;
  const issues: ImportIssue[] = [];
  const names = read.columnNames;
  const push = (
    draft: { sheet?: string | undefined; row: number },
    column: string,
    code: ErrorCode,
    params: Record<string, unknown> = {},
  ) => issues.push({ ...(draft.sheet ? { sheet: draft.sheet } : {}), row: draft.row, column, code, params });

  const [cycles, members, departments, graph] = await Promise.all([
    listCycles(db, orgId),
    listMembers(db, orgId),
    listDepartments(db, orgId),
    graphOf(caller, db),
  ]);
  const cycleByName = new Map<string, CycleRow>();
  for (const cycle of cycles)
    if (!cycleByName.has(normalizeName(cycle.name))) cycleByName.set(normalizeName(cycle.name), cycle);
  const defaultCycle = options.defaultCycleId
    ? cycles.find((c) => c.id === options.defaultCycleId)
    : undefined;
  if (options.defaultCycleId && !defaultCycle)
    throw new AppError("cycle.not_found", {}, [{ path: "cycleId" }]);
  const memberByEmail = new Map(
    members.filter((m) => m.status === "active").map((m) => [m.email.toLowerCase(), m]),
  );
  const departmentByPath = departmentsByPath(departments);
  const root = departments.find((d) => d.id === graph.rootDepartmentId);

  // Everything the file's external ids name, and the objectives of the cycles it writes to.
  const objectiveIds = read.objectives.flatMap((o) => (o.externalId ? [o.externalId] : []));
  const keyResultIds = read.objectives.flatMap((o) =>
    o.keyResults.flatMap((kr) => (kr.externalId ? [kr.externalId] : [])),
  );
  const [namedObjectives, namedKeyResults] = await Promise.all([
    findObjectivesByExternalIds(db, orgId, objectiveIds),
    findKeyResultsByExternalIds(db, orgId, keyResultIds),
  ]);
  const lookup = <T extends { id: string; externalId: string | null }>(rows: readonly T[]) => {
    const byExternal = new Map<string, T>();
    const byId = new Map<string, T>();
    for (const row of rows) {
      if (row.externalId !== null) byExternal.set(row.externalId, row);
      byId.set(row.id, row);
    }
    return (externalId: string) => byExternal.get(externalId) ?? byId.get(externalId);
  };
  const objectiveNamed = lookup(namedObjectives);
  const keyResultNamed = lookup(namedKeyResults);
  const parentsOfNamed = new Map(
    (await findObjectives(db, orgId, [...new Set(namedKeyResults.map((kr) => kr.objectiveId))])).map((o) => [
      o.id,
      o,
    ]),
  );

  const plannedCycleIds = new Set<string>();
  type Resolved = {
    draft: ImportObjectiveDraft;
    cycle: CycleRow;
    level: ObjectiveLevel;
    ownerUserId: string | null;
    ownerDepartmentId: string | null;
  };
  const resolved: Resolved[] = [];
  for (const draft of read.objectives) {
    const cycle = draft.cycle === null ? defaultCycle : cycleByName.get(normalizeName(draft.cycle));
    if (!cycle) {
      if (draft.cycle === null) push(draft, names.cycle, "import.required");
      else push(draft, names.cycle, "import.cycle_unknown", { value: draft.cycle });
      continue;
    }
    const owner = draft.owner.trim();
    const level: ObjectiveLevel =
      draft.level ?? (owner === "" || owner.includes("@") ? "personal" : "department");
    let ownerUserId: string | null = null;
    let ownerDepartmentId: string | null = null;
    if (level === "personal") {
      if (owner === "") ownerUserId = auth.user.id;
      else if (!owner.includes("@")) {
        push(draft, names.owner, "import.owner_level", { value: owner, level });
        continue;
      } else {
        const member = memberByEmail.get(owner.toLowerCase());
        if (!member) {
          push(draft, names.owner, "import.owner_unknown", { value: owner });
          continue;
        }
        ownerUserId = member.userId;
      }
    } else if (level === "department") {
      const department = owner.includes("@") ? undefined : departmentByPath.get(normalizePath(owner));
      if (owner === "" || owner.includes("@")) {
        push(draft, names.owner, "import.owner_level", { value: owner, level });
        continue;
      }
      if (!department) {
        push(draft, names.owner, "import.department_unknown", { value: owner });
        continue;
      }
      ownerDepartmentId = department.id;
    } else {
      if (owner !== "" && (!root || normalizePath(owner) !== normalizePath(root.name))) {
        push(draft, names.owner, "import.owner_level", { value: owner, level });
        continue;
      }
      ownerDepartmentId = graph.rootDepartmentId;
    }
    if (!phaseAllows(cycle.phase, "edit_plan")) {
      push(draft, names.cycle, "import.cycle_closed", { value: cycle.name, phase: cycle.phase });
      continue;
    }
    plannedCycleIds.add(cycle.id);
    resolved.push({ draft, cycle, level, ownerUserId, ownerDepartmentId });
  }

  const inCycles = plannedCycleIds.size
    ? await listObjectives(db, orgId, { cycleIds: [...plannedCycleIds] })
    : [];
  const ownerKey = (o: {
    cycleId: string;
    level: string;
    ownerUserId: string | null;
    ownerDepartmentId: string | null;
  }) => `${o.cycleId}\u0000${o.level}\u0000${o.level === "personal" ? o.ownerUserId : o.ownerDepartmentId}`;
  const byNaturalKey = new Map<string, ObjectiveRow>();
  const ownerCounts = new Map<string, number>();
  for (const row of inCycles) {
    const key = ownerKey(row);
    ownerCounts.set(key, (ownerCounts.get(key) ?? 0) + 1);
    const natural = `${key}\u0000${titleKey(row.title)}`;
    if (!byNaturalKey.has(natural)) byNaturalKey.set(natural, row);
  }

  // Which existing objective each imported one is, if any.
  const claimed = new Set<string>();
  const matched: Array<Resolved & { existing: ObjectiveRow | null }> = [];
  for (const item of resolved) {
    const { draft } = item;
    const sameOwner = (row: ObjectiveRow) =>
      row.cycleId === item.cycle.id && ownerKey(row) === ownerKey({ cycleId: item.cycle.id, ...item });
    const visible = (row: ObjectiveRow) => canViewObjective(auth.actor, policyObjectiveOf(row), graph);
    let existing: ObjectiveRow | null = null;
    let refused = false;
    if (draft.externalId) {
      const row = objectiveNamed(draft.externalId);
      if (row) {
        if (!visible(row) || !sameOwner(row)) {
          push(draft, names.objectiveExternalId, "import.external_id_taken", { value: draft.externalId });
          refused = true;
        } else existing = row;
      }
    }
    if (!existing && !refused) {
      for (const kr of draft.keyResults) {
        const row = kr.externalId ? keyResultNamed(kr.externalId) : undefined;
        if (!row) continue;
        const parent = parentsOfNamed.get(row.objectiveId);
        const fits =
          parent && visible(parent) && sameOwner(parent) && (!draft.externalId || existing === null);
        if (!fits || (existing !== null && existing.id !== parent.id)) {
          push(kr, names.externalId, "import.external_id_taken", { value: kr.externalId });
          refused = true;
          break;
        }
        existing = parent;
      }
    }
    if (!existing && !refused && !draft.externalId) {
      existing =
        byNaturalKey.get(`${ownerKey({ cycleId: item.cycle.id, ...item })}\u0000${titleKey(draft.title)}`) ??
        null;
    }
    if (refused) continue;
    if (existing && claimed.has(existing.id)) {
      push(draft, names.objective, "import.external_id_taken", { value: draft.externalId ?? draft.title });
      continue;
    }
    if (existing) claimed.add(existing.id);
    const policyTarget = existing
      ? policyObjectiveOf(existing)
      : {
          level: item.level,
          visibility: "public" as const,
          ownerUserId: item.ownerUserId,
          ownerDepartmentId: item.ownerDepartmentId,
        };
    if (!canWriteObjective(auth.actor, policyTarget, graph)) {
      push(draft, names.owner, "import.permission", { value: draft.owner || auth.user.email });
      continue;
    }
    matched.push({ ...item, existing });
  }

  const existingKeyResults = new Map<string, KeyResultRow[]>();
  const existingIds = matched.flatMap((m) => (m.existing ? [m.existing.id] : []));
  for (const kr of await listKeyResultsOfObjectives(db, orgId, existingIds)) {
    const list = existingKeyResults.get(kr.objectiveId) ?? [];
    list.push(kr);
    existingKeyResults.set(kr.objectiveId, list);
  }

  const plans: ObjectivePlan[] = [];
  for (const item of matched) {
    const { draft, existing } = item;
    const current = existing ? (existingKeyResults.get(existing.id) ?? []) : [];
    const byTitle = new Map(current.map((kr) => [titleKey(kr.title), kr]));
    const usedKeyResults = new Set<string>();
    const keyResults: KeyResultPlan[] = [];
    let isRefused = false;
    for (const kr of draft.keyResults) {
      let row: KeyResultRow | undefined;
      if (kr.externalId) {
        row = keyResultNamed(kr.externalId);
        if (row && row.objectiveId !== existing?.id) {
          push(kr, names.externalId, "import.external_id_taken", { value: kr.externalId });
          isRefused = true;
          continue;
        }
      } else if (existing) {
        const candidate = byTitle.get(titleKey(kr.title));
        row = candidate && candidate.externalId === null ? candidate : undefined;
      }
      if (row && usedKeyResults.has(row.id)) row = undefined;
      if (row) {
        usedKeyResults.add(row.id);
        if (row.type !== kr.type) {
          push(kr, names.type, "import.type_fixed", { type: row.type });
          isRefused = true;
          continue;
        }
        const changed =
          row.title !== kr.title ||
          !sameMeasure(row.startValue, kr.startValue) ||
          !sameMeasure(row.targetValue, kr.targetValue) ||
          (row.unit ?? null) !== kr.unit;
        keyResults.push({ draft: kr, existing: row, action: changed ? "update" : "unchanged" });
      } else {
        keyResults.push({ draft: kr, existing: null, action: "create" });
      }
    }
    const created = keyResults.filter((kr) => kr.action === "create").length;
    if (current.length + created > MAX_KEY_RESULTS_PER_OBJECTIVE) {
      push(draft, names.keyResult, "import.too_many_key_results", { max: MAX_KEY_RESULTS_PER_OBJECTIVE });
      isRefused = true;
    }
    if (isRefused) continue;
    const action = !existing
      ? "create"
      : existing.title !== draft.title || keyResults.some((kr) => kr.action !== "unchanged")
        ? "update"
        : "unchanged";
    const key = ownerKey({ cycleId: item.cycle.id, ...item });
    if (!existing) ownerCounts.set(key, (ownerCounts.get(key) ?? 0) + 1);
    plans.push({
      draft,
      cycle: item.cycle,
      level: item.level,
      ownerUserId: item.ownerUserId,
      ownerDepartmentId: item.ownerDepartmentId,
      existing,
      existingKeyResults: current,
      keyResults,
      action,
      ownerObjectiveCount: 0,
    });
  }
  const max = auth.settings.maxObjectivesPerOwner;
  for (const plan of plans) {
    const count = ownerCounts.get(ownerKey({ cycleId: plan.cycle.id, ...plan })) ?? 0;
    plan.ownerObjectiveCount = count;
    if (plan.action === "create" && count > max) {
      push(plan.draft, names.objective, "import.objective_limit", {
        value: plan.draft.owner || auth.user.email,
        max,
      });
    }
  }
  return { plans, issues };
}
