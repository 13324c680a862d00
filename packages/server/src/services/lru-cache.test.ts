import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache.ts";

describe("LruCache", () => {
  it("drops the least recently used entry first, by count and by size", () => {
    const cache = new LruCache<string>(2, 10);
    cache.set("a", "A", 4);
    cache.set("b", "B", 4);
    expect(cache.get("a")).toBe("A");
    cache.set("c", "C", 4);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("A");
    cache.set("big", "X", 9);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("c")).toBeUndefined();
    expect(cache.get("big")).toBe("X");
    cache.set("huge", "Y", 11);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
