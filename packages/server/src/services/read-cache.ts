import type { Caller } from "../context.ts";

/** A JSON answer serialized once, kept as bytes so that every reply sends the same buffer. */
export class RawJson {
  constructor(readonly bytes: Buffer) {}
}

const MINUTE_MS = 60_000;

// Keys include the organization, so builds of different tenants never share a promise.
const inFlight = new Map<string, Promise<Buffer>>();

/**
 * The answer of a heavy read (tree, dashboard, lists), serialized once and kept until the next write in
 * the organization. Health moves with time alone, so an answer also lasts at most until the clock's
 * minute turns. Each caller has their own answers: visibility and abilities (what they may do to each
 * objective, which differs even between admins) are per person.
 */
export async function cachedRead(
  caller: Caller,
  kind: string,
  params: string,
  build: () => Promise<unknown>,
): Promise<RawJson> {
  const { ctx, auth } = caller;
  const minute = Math.floor(ctx.config.now().getTime() / MINUTE_MS);
  const key = `${kind}|${auth.org.id}|${ctx.generations.get(auth.org.id)}|${minute}|${auth.user.id}|${caller.locale}|${params}`;
  const hit = ctx.readCache.get(key);
  if (hit !== undefined) return new RawJson(hit);
  // Fifty callers asking for the same missing answer wait for one build instead of running fifty, which
  // would multiply the memory of a large tree by fifty.
  let pending = inFlight.get(key);
  if (!pending) {
    pending = (async () => {
      // The key's generation was read before building, so whatever the build read is at least that new.
      const bytes = Buffer.from(JSON.stringify(await build()));
      ctx.readCache.set(key, bytes, bytes.length);
      return bytes;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return new RawJson(await pending);
}
