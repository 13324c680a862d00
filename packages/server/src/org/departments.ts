import { AppError, canManageOrg, wouldCreateDepartmentLoop } from "@luodi/core";
import {
  type DepartmentRow,
  departmentDependents,
  type Executor,
  findDepartment,
  findMember,
  insertDepartments,
  updateDepartment as updateDepartmentRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { diffFields, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { loadOrgGraph } from "../services/org-graph-cache.ts";
import { inTransaction } from "../services/transaction.ts";

function assertAdmin(caller: Caller): void {
  if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
}

async function assertLeaderIsMember(
  caller: Caller,
  db: Executor,
  leaderId: string | null | undefined,
): Promise<void> {
  if (!leaderId) return;
  const member = await findMember(db, caller.auth.org.id, leaderId);
  if (member?.status !== "active") {
    throw new AppError("member.not_found", {}, [{ path: "leaderId" }]);
  }
}

/** Adds a department under an existing one. */
export async function createDepartment(
  caller: Caller,
  input: { name: string; parentId: string; leaderId?: string | null | undefined },
): Promise<string> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const id = newId();
  const now = ctx.config.now().toISOString();
  // Read in the transaction: it may be an Idempotency-Key's, already open (services/idempotency.ts).
  await inTransaction(ctx, async (trx) => {
    if (!(await findDepartment(trx, orgId, input.parentId))) {
      throw new AppError("department.not_found", {}, [{ path: "parentId" }]);
    }
    await assertLeaderIsMember(caller, trx, input.leaderId);
    await insertDepartments(trx, [
      {
        orgId: orgId,
        id,
        parentId: input.parentId,
        name: input.name,
        leaderId: input.leaderId ?? null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      },
    ]);
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "department.create",
        entityType: "department",
        entityId: id,
        after: input,
        at: now,
      },
    ]);
  });
  return id;
}

/** Renames, moves (never under itself, never the root) or changes the leader of a department. */
export async function updateDepartment(
  caller: Caller,
  id: string,
  patch: { name?: string | undefined; parentId?: string | undefined; leaderId?: string | null | undefined },
  version: number | undefined,
): Promise<void> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    await assertLeaderIsMember(caller, trx, patch.leaderId);
    const department = await findDepartment(trx, orgId, id);
    if (!department) throw new AppError("department.not_found");
    if (version !== undefined && version !== department.version)
      throw new AppError("version.conflict", { current: department.version });
    if (patch.parentId !== undefined && patch.parentId !== department.parentId) {
      if (department.parentId === null) throw new AppError("department.root");
      if (!(await findDepartment(trx, orgId, patch.parentId))) {
        throw new AppError("department.not_found", {}, [{ path: "parentId" }]);
      }
      if (wouldCreateDepartmentLoop(await loadOrgGraph(trx, orgId), id, patch.parentId))
        throw new AppError("department.loop");
    }
    const changed = diffFields<DepartmentRow>(department, {
      name: patch.name,
      parentId: patch.parentId,
      leaderId: patch.leaderId,
    });
    if (!changed) return;
    const now = ctx.config.now().toISOString();
    if (
      !(await updateDepartmentRow(trx, orgId, id, department.version, { ...changed.after, updatedAt: now }))
    ) {
      throw new AppError("version.conflict", { current: department.version + 1 });
    }
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "department.update",
        entityType: "department",
        entityId: id,
        before: changed.before,
        after: changed.after,
        at: now,
      },
    ]);
  });
}

/** Soft-deletes an empty department; refuses while members, sub-departments or OKRs remain. */
export async function deleteDepartment(caller: Caller, id: string): Promise<void> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const department = await findDepartment(trx, orgId, id);
    if (!department) throw new AppError("department.not_found");
    if (department.parentId === null) throw new AppError("department.root");
    const dependents = await departmentDependents(trx, orgId, id);
    if (dependents.children + dependents.members + dependents.objectives > 0)
      throw new AppError("department.not_empty", dependents);
    const now = ctx.config.now().toISOString();
    await updateDepartmentRow(trx, orgId, id, department.version, { deletedAt: now, updatedAt: now });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "department.delete",
        entityType: "department",
        entityId: id,
        before: { name: department.name },
        at: now,
      },
    ]);
  });
}
