import {
  AppError,
  assertPhaseAdvance,
  type CycleKind,
  type CyclePhase,
  canManageOrg,
  termOf,
} from "@luodi/core";
import {
  type CycleRow,
  closePublishedObjectives,
  findCycle,
  insertCycle,
  updateCycle as updateCycleRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { phaseExcerpt } from "../notifications/notification-texts.ts";
import { notify } from "../notifications/notify.ts";
import { type AuditEntry, diffFields, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";

function assertAdmin(caller: Caller): void {
  if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
}

export type CycleInput = {
  name: string;
  kind: CycleKind;
  startDate: string;
  endDate: string;
  parentId?: string | null | undefined;
  phaseDue?: Partial<Record<CyclePhase, string>> | undefined;
};

/** Opens a cycle (a year, a quarter inside it…), in planning. */
export async function createCycle(caller: Caller, input: CycleInput): Promise<string> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  if (input.endDate < input.startDate) throw new AppError("cycle.dates", {}, [{ path: "endDate" }]);
  return inTransaction(ctx, async (trx) => {
    if (input.parentId) {
      const parent = await findCycle(trx, orgId, input.parentId);
      if (!parent) throw new AppError("cycle.not_found", {}, [{ path: "parentId" }]);
      if (input.startDate < parent.startDate || input.endDate > parent.endDate) {
        throw new AppError("cycle.outside_parent", {}, [{ path: "startDate" }]);
      }
    }
    const id = newId();
    const now = ctx.config.now().toISOString();
    await insertCycle(trx, {
      orgId: orgId,
      id,
      name: input.name,
      kind: input.kind,
      startDate: input.startDate,
      endDate: input.endDate,
      parentId: input.parentId ?? null,
      phase: "planning",
      phaseDue: JSON.stringify(input.phaseDue ?? {}),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "cycle.create",
        entityType: "cycle",
        entityId: id,
        after: input,
        at: now,
      },
    ]);
    return id;
  });
}

export type CyclePatch = {
  name?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  phaseDue?: Partial<Record<CyclePhase, string>> | undefined;
};

/** Renames a cycle, moves its dates (still inside its parent) or sets phase due dates. */
export async function updateCycle(
  caller: Caller,
  id: string,
  patch: CyclePatch,
  version: number | undefined,
): Promise<void> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const cycle = await findCycle(trx, orgId, id);
    if (!cycle) throw new AppError("cycle.not_found");
    if (version !== undefined && version !== cycle.version)
      throw new AppError("version.conflict", { current: cycle.version });
    const start = patch.startDate ?? cycle.startDate;
    const end = patch.endDate ?? cycle.endDate;
    if (end < start) throw new AppError("cycle.dates", {}, [{ path: "endDate" }]);
    if (cycle.parentId) {
      const parent = await findCycle(trx, orgId, cycle.parentId);
      if (parent && (start < parent.startDate || end > parent.endDate)) {
        throw new AppError("cycle.outside_parent", {}, [{ path: "startDate" }]);
      }
    }
    const changed = diffFields<CycleRow>(cycle, {
      name: patch.name,
      startDate: patch.startDate,
      endDate: patch.endDate,
      phaseDue: patch.phaseDue ? JSON.stringify(patch.phaseDue) : undefined,
    });
    if (!changed) return;
    const now = ctx.config.now().toISOString();
    if (!(await updateCycleRow(trx, orgId, id, cycle.version, { ...changed.after, updatedAt: now }))) {
      throw new AppError("version.conflict", { current: cycle.version + 1 });
    }
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "cycle.update",
        entityType: "cycle",
        entityId: id,
        before: changed.before,
        after: changed.after,
        at: now,
      },
    ]);
  });
}

/**
 * Moves a cycle one phase forward. Closing it closes its published objectives, which keeps them as the
 * record of the cycle.
 */
export async function advanceCyclePhase(caller: Caller, id: string, phase: CyclePhase): Promise<void> {
  assertAdmin(caller);
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const cycle = await findCycle(trx, orgId, id);
    if (!cycle) throw new AppError("cycle.not_found");
    assertPhaseAdvance(cycle.phase, phase);
    const now = ctx.config.now().toISOString();
    if (!(await updateCycleRow(trx, orgId, id, cycle.version, { phase, updatedAt: now }))) {
      throw new AppError("version.conflict", { current: cycle.version + 1 });
    }
    const entries: AuditEntry[] = [
      {
        orgId,
        actorId: auth.user.id,
        action: "cycle.phase",
        entityType: "cycle",
        entityId: id,
        before: { phase: cycle.phase },
        after: { phase },
        at: now,
      },
    ];
    if (phase === "closed") {
      for (const objectiveId of await closePublishedObjectives(trx, orgId, id, now)) {
        entries.push({
          orgId,
          actorId: auth.user.id,
          action: "objective.close",
          entityType: "objective",
          entityId: objectiveId,
          objectiveId,
          before: { status: "published" },
          after: { status: "closed" },
          at: now,
        });
      }
    }
    await recordAudit(trx, entries);
    // Everyone hears that the cycle moved on: what it asks of them changes (write, align, check in, score, 复盘).
    const graph = await ctx.graphs.get(trx, orgId);
    await notify(caller, trx, {
      kind: "phase_changed",
      recipientIds: [...graph.members.values()].filter((m) => m.status === "active").map((m) => m.userId),
      subject: { type: "cycle", id, title: cycle.name },
      excerpt: phaseExcerpt(auth.org.locale, termOf("phase", phase, auth.org.locale)),
      link: "/",
    });
  });
}
