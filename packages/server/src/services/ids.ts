import { randomUUID } from "node:crypto";

let lastMs = 0;
let sequence = 0;

/**
 * A new opaque id: a UUIDv7, ordered by creation time and, within one millisecond of one process, by a
 * counter. Histories sort by time then id, so writes made in the same millisecond keep their order.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence += 1;
    if (sequence > 0xfff) {
      // 4,096 ids in one millisecond: borrow the next millisecond rather than lose the order.
      lastMs += 1;
      ms = lastMs;
      sequence = 0;
    }
  } else {
    lastMs = ms;
    sequence = 0;
  }
  // randomUUID draws from a cached entropy pool, much cheaper than randomBytes per id; its variant bits
  // and the random tail are kept, the first 64 bits become the time, the version and the counter.
  const random = randomUUID();
  const time = ms.toString(16).padStart(12, "0");
  const counter = sequence.toString(16).padStart(3, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter}-${random.slice(19)}`;
}
