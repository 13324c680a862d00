import { createHash } from "node:crypto";
import { AppError } from "@luodi/core";
import {
  claimIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  type Executor,
  findIdempotencyKey,
  keepIdempotentAnswer,
  reclaimIdempotencyKey,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { inTransaction } from "./transaction.ts";

/** How long a key's first answer is kept and replayed. */
const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

/** An answer to replay or send: its status and body. */
export type Answer = { status: number; body: unknown };

let lastSweep = 0;

/**
 * Runs a create under an `Idempotency-Key` (api.md, *Across all endpoints*). The key is claimed, the work
 * done and its answer kept in one transaction — the services the work calls join it (services/transaction.ts)
 * — so an answer is kept exactly when its create committed. The same key from the same person within 24 hours
 * answers that first answer again and creates nothing; with another request (method, path or body) it is
 * refused with 422 `idempotency.key_reused`. Two requests with one key at once: PostgreSQL makes the second
 * wait for the first's commit and replay it; SQLite runs them one after the other. A refused request keeps
 * nothing (its transaction rolled back), so its retry runs again. Without a key the work just runs.
 */
export async function idempotent(
  caller: Caller,
  request: { key: string | undefined; method: string; path: string; body: unknown },
  work: (trx: Executor) => Promise<Answer>,
): Promise<Answer & { replayed: boolean }> {
  const { ctx, auth } = caller;
  const { key } = request;
  if (key === undefined) return { ...(await inTransaction(ctx, work)), replayed: false };
  const id = { orgId: auth.org.id, userId: auth.user.id, key };
  const requestHash = fingerprint(request);
  const result = await inTransaction(ctx, async (trx): Promise<Answer & { replayed: boolean }> => {
    const now = ctx.config.now();
    const expiredAt = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
    const claim = { ...id, requestHash, status: 0, body: "", createdAt: now.toISOString() };
    if (!(await claimIdempotencyKey(trx, claim))) {
      const kept = await findIdempotencyKey(trx, id, { forUpdate: ctx.dialect === "postgres" });
      if (kept && kept.createdAt > expiredAt) {
        if (kept.requestHash !== requestHash) throw new AppError("idempotency.key_reused");
        return { status: kept.status, body: JSON.parse(kept.body), replayed: true };
      }
      // Older than 24 hours: the key is free again.
      await reclaimIdempotencyKey(trx, claim, expiredAt);
    }
    const answer = await work(trx);
    await keepIdempotentAnswer(trx, { ...id, status: answer.status, body: JSON.stringify(answer.body) });
    return { ...answer, replayed: false };
  });
  await sweep(caller);
  return result;
}

/** How a create route says what its `Idempotency-Key` does (the OpenAPI description). */
export const IDEMPOTENT_CREATE =
  "With an `Idempotency-Key` header, the same key from the same person within 24 hours answers the first " +
  "answer again (same status and body, header `Idempotent-Replayed: true`) and creates nothing; the key " +
  "with another body or path is refused (422 `idempotency.key_reused`).";

/** What a create keeps under its key until its answer is presented: the status and what it made. */
type Made<R> = { status: number; made: R };

/** The kept body of a create whose answer was not yet presented: `{ "$made": … }`, never an answer's shape. */
function madeOf(body: unknown): { made: unknown } | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === "$made" ? { made: (body as { $made: unknown }).$made } : undefined;
}

/**
 * A create under an `Idempotency-Key` whose answer is read after it commits: its presenters read through
 * `ctx.db`, which cannot see the open transaction (PostgreSQL) or waits for it (SQLite's one connection). The
 * key, the create and what it made (an id) are kept in one transaction, as `idempotent` does; once committed
 * the answer is presented and kept in the made thing's place, so a replay answers exactly the first answer.
 * Should the process stop between the commit and keeping the answer, a replay presents what was made as it
 * stands then — never a second create.
 */
export async function idempotentCreate<R>(
  caller: Caller,
  request: { key: string | undefined; method: string; path: string; body: unknown },
  create: () => Promise<Made<R>>,
  present: (made: R, status: number) => Promise<unknown>,
  options: {
    /**
     * False for an answer that shows more than the create made — a 1:1 with the caller's private note: only
     * what was made is kept, and a replay presents it as it stands then, so no copy of the note outlives it.
     */
    keepAnswer?: boolean;
  } = {},
): Promise<Answer & { replayed: boolean }> {
  const kept = await idempotent(caller, request, async () => {
    const { status, made } = await create();
    return { status, body: { $made: made } };
  });
  const pending = madeOf(kept.body);
  if (!pending) return kept;
  // What was kept is what `create` made (R), as JSON: the only writer of `$made` is the line above.
  const body = await present(pending.made as R, kept.status);
  if (!kept.replayed && request.key !== undefined && options.keepAnswer !== false) {
    const { auth } = caller;
    await keepIdempotentAnswer(caller.ctx.db, {
      orgId: auth.org.id,
      userId: auth.user.id,
      key: request.key,
      status: kept.status,
      body: JSON.stringify(body),
    });
  }
  return { status: kept.status, body, replayed: kept.replayed };
}

/** How a create whose answer holds a secret says what its `Idempotency-Key` does (the OpenAPI description). */
export const IDEMPOTENT_SECRET_CREATE =
  "With an `Idempotency-Key` header, the same key from the same person within 24 hours creates nothing more; " +
  "as the answer holds a secret shown only once, it is not answered again: the retry gets 409 " +
  "`idempotency.secret_not_replayed` naming what the first request made. " +
  "The key with another body or path is refused (422 `idempotency.key_reused`).";

/**
 * A create whose answer holds a secret shown once — an API token, an invitation's one-time link — under an
 * `Idempotency-Key`. Only the ids of what was made are kept under the key, never the answer: the store keeps
 * no plaintext secret (only their hashes are stored anywhere, docs/SECURITY.md), and a replay cannot show it
 * again. So the same key again creates nothing and is refused with 409 `idempotency.secret_not_replayed`,
 * naming the ids; the caller revokes or resends what was made. `create` runs in the key's transaction;
 * `finish` (an email, the answer) runs once it has committed, for the first request only.
 */
export async function idempotentSecretCreate(
  caller: Caller,
  request: { key: string | undefined; method: string; path: string; body: unknown },
  create: () => Promise<{ status: number; ids: string[]; finish: () => Promise<unknown> }>,
): Promise<Answer> {
  // The attempt that committed is the last one run (a transaction retried on PostgreSQL runs `create` again).
  let finish: (() => Promise<unknown>) | undefined;
  const kept = await idempotent(caller, request, async () => {
    const made = await create();
    finish = made.finish;
    return { status: made.status, body: { $made: made.ids } };
  });
  if (kept.replayed || !finish) {
    const ids = madeOf(kept.body)?.made;
    throw new AppError("idempotency.secret_not_replayed", {
      ids: Array.isArray(ids) ? ids.join(", ") : "",
    });
  }
  return { status: kept.status, body: await finish() };
}

/** Forgets expired answers, at most once an hour per process. */
async function sweep(caller: Caller): Promise<void> {
  const now = caller.ctx.config.now().getTime();
  if (now - lastSweep < 3_600_000) return;
  lastSweep = now;
  await deleteExpiredIdempotencyKeys(caller.ctx.db, new Date(now - IDEMPOTENCY_WINDOW_MS).toISOString());
}

/** The request as a retry repeats it: method, path and body (keys in a stable order). */
function fingerprint(request: { method: string; path: string; body: unknown }): string {
  return createHash("sha256")
    .update(JSON.stringify([request.method, request.path, canonical(request.body)]))
    .digest("hex");
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}
