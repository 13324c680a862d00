import { AppError, managerChain } from "@luodi/core";
import { findCycle, listNotifications } from "@luodi/db";
import type { Caller } from "../context.ts";
import { notify } from "../notifications/notify.ts";
import { recordAudit } from "../services/audit.ts";
import { inTransaction } from "../services/transaction.ts";

/** A manager reminds a person at most this often: a nudge is a nudge, not a stream. */
const NUDGE_INTERVAL_MS = 12 * 3_600_000;

/**
 * My team's one-click nudge (我的团队 → 提醒): the caller reminds someone below them in the manager chain to
 * check in this cycle — a check-in reminder from the manager, by every channel the person allows.
 */
export async function nudgeReport(
  caller: Caller,
  input: { userId: string; cycleId: string },
): Promise<boolean> {
  const { ctx, auth } = caller;
  return inTransaction(ctx, async (trx) => {
    const graph = await ctx.graphs.get(trx, auth.org.id);
    const active = graph.members.get(input.userId)?.status === "active";
    if (!active || !managerChain(graph, input.userId).includes(auth.user.id)) {
      throw new AppError("team.not_report", {}, [{ path: "userId" }]);
    }
    const cycle = await findCycle(trx, auth.org.id, input.cycleId);
    if (!cycle) throw new AppError("cycle.not_found", {}, [{ path: "cycleId" }]);
    const since = new Date(ctx.config.now().getTime() - NUDGE_INTERVAL_MS).toISOString();
    const recent = await listNotifications(trx, auth.org.id, input.userId, { limit: 50 });
    const already = recent.some(
      (n) => n.kind === "check_in_reminder" && n.actorId === auth.user.id && n.createdAt > since,
    );
    if (already) return false;
    await notify(caller, trx, {
      kind: "check_in_reminder",
      recipientIds: [input.userId],
      subject: { type: "cycle", id: cycle.id, title: cycle.name },
      link: "/check-in",
    });
    await recordAudit(trx, [
      {
        orgId: auth.org.id,
        actorId: auth.user.id,
        action: "team.nudge",
        entityType: "user",
        entityId: input.userId,
        after: { cycleId: cycle.id },
        at: ctx.config.now().toISOString(),
      },
    ]);
    return true;
  });
}
