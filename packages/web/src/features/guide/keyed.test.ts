import { describe, expect, it } from "vitest";
import { keyed } from "./keyed.ts";

describe("keyed", () => {
  it("keys items by their text and numbers repeats", () => {
    expect(keyed(["a", "b", "a"], (x) => x).map((k) => k.key)).toEqual(["a", "b", "a#2"]);
  });
});
