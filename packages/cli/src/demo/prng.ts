/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same organization on every
 * machine, which `Math.random` cannot promise.
 */
export type Random = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  /** One element of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** A UUID-shaped id made of random bits, so that ids are deterministic too. */
  id: () => string;
  /**
   * A UUIDv7-shaped id for something made at `ms` (epoch milliseconds), as the server makes them: ordered
   * by time, then by a counter within one millisecond, with a random tail from this generator.
   */
  idAt: (ms: number) => string;
};

/** A generator seeded with a 32-bit integer. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const hex = (digits: number): string => {
    let out = "";
    while (out.length < digits)
      out += Math.floor(next() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, digits);
  };
  // Next counter per millisecond; past 4,095 ids in one millisecond the next one is borrowed, as the server does.
  const counters = new Map<number, number>();
  const idAt = (at: number): string => {
    let ms = Math.max(0, Math.floor(at));
    let sequence = counters.get(ms) ?? 0;
    while (sequence > 0xfff) {
      ms += 1;
      sequence = counters.get(ms) ?? 0;
    }
    counters.set(ms, sequence + 1);
    const time = ms.toString(16).padStart(12, "0");
    const counter = sequence.toString(16).padStart(3, "0");
    const tail = hex(16);
    const variant = ((Number.parseInt(tail[0] ?? "0", 16) & 0x3) | 0x8).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter}-${variant}${tail.slice(1, 4)}-${tail.slice(4, 16)}`;
  };
  return {
    idAt,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    id: () => {
      const h = hex(32);
      // Version 4 and variant bits, so the ids look like what randomUUID gives.
      const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
