import type { Executor } from "@luodi/db";
import type { AppContext } from "../context.ts";

const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock detected

/**
 * Runs a use case in one transaction. PostgreSQL may abort one of two transactions that lock the same
 * roll-up chain in different orders; that attempt changed nothing, so it is retried. What the writes make
 * stale is invalidated once the transaction has committed, before the use case's caller hears back.
 */
export async function inTransaction<T>(ctx: AppContext, work: (trx: Executor) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.changes.transaction(() => ctx.db.transaction().execute(work));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt < 5 && typeof code === "string" && RETRYABLE.has(code)) continue;
      throw error;
    }
  }
}
