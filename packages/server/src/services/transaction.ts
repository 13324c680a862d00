import { AsyncLocalStorage } from "node:async_hooks";
import type { Executor } from "@luodi/db";
import type { AppContext } from "../context.ts";

const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock detected

/** The transaction the current use case runs in, while its work runs. */
const running = new AsyncLocalStorage<{ ctx: AppContext; trx: Executor; open: boolean }>();

/**
 * Runs a use case in one transaction. PostgreSQL may abort one of two transactions that lock the same
 * roll-up chain in different orders; that attempt changed nothing, so it is retried. What the writes make
 * stale is invalidated once the transaction has committed, before the use case's caller hears back.
 *
 * Called while another use case's transaction runs (an idempotent request stores its answer in the same
 * transaction as the write it answers, services/idempotency.ts), the work joins that transaction: one
 * commit for both, retried as a whole.
 */
export async function inTransaction<T>(ctx: AppContext, work: (trx: Executor) => Promise<T>): Promise<T> {
  const outer = running.getStore();
  if (outer?.ctx === ctx && outer.open) return work(outer.trx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.changes.transaction(() =>
        ctx.db.transaction().execute(async (trx) => {
          const scope = { ctx, trx, open: true };
          try {
            return await running.run(scope, () => work(trx));
          } finally {
            // Work it started and did not wait for (a background email) runs in transactions of its own.
            scope.open = false;
          }
        }),
      );
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt < 5 && typeof code === "string" && RETRYABLE.has(code)) continue;
      throw error;
    }
  }
}
