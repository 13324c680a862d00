import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** A database or a transaction: repositories work with either, so services decide the transaction. */
export type Executor = Kysely<Database>;

/** Returns the number of rows an update or delete touched, on both dialects. */
export function affected(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
}
