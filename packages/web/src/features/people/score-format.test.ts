import { describe, expect, it } from "vitest";
import { formatScore } from "./score-format.ts";

describe("formatScore", () => {
  it("reads on the organization's scale", () => {
    expect(formatScore(0.7, "0-1")).toBe("0.7");
    expect(formatScore(0.7, "0-100")).toBe("70");
    expect(formatScore(0.655, "0-100")).toBe("65.5");
  });

  it("keeps two decimals of an average and one of a whole score", () => {
    expect(formatScore(0.6549, "0-1")).toBe("0.65");
    expect(formatScore(1, "0-1")).toBe("1.0");
    expect(formatScore(0, "0-1")).toBe("0.0");
  });
});
