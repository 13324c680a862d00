import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/index.ts";
import { parseDecimal, sumDecimals, toDecimalString } from "./decimal.ts";

describe("parseDecimal", () => {
  it("reads decimal text and numbers", () => {
    expect(parseDecimal("12.50").toFixed()).toBe("12.5");
    expect(parseDecimal(" -3 ").toFixed()).toBe("-3");
    expect(parseDecimal("1e3").toFixed()).toBe("1000");
    expect(parseDecimal(0.1).toFixed()).toBe("0.1");
  });

  it.each([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    "NaN",
    "Infinity",
    "abc",
    "",
    "0x10",
    "1,5",
  ])("rejects %s with request.invalid", (value) => {
    let error: unknown;
    try {
      parseDecimal(value);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error, "request.invalid")).toBe(true);
  });
});

describe("toDecimalString", () => {
  it.each([
    ["1.500", "1.5"],
    ["100", "100"],
    ["1e25", "10000000000000000000000000"],
    ["1e-7", "0.0000001"],
    ["-0.0", "0"],
    ["007.10", "7.1"],
  ])("canonicalizes %s to %s", (input, expected) => {
    expect(toDecimalString(input)).toBe(expected);
  });

  it("accepts numbers and decimals", () => {
    expect(toDecimalString(2.5)).toBe("2.5");
    expect(toDecimalString(parseDecimal("3.000"))).toBe("3");
  });
});

describe("sumDecimals", () => {
  it("adds exactly where floats would drift", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["1e20", "0.000001", "-1e20"])).toBe("0.000001");
    expect(sumDecimals(["99999999999999999999.99", "0.01"])).toBe("100000000000000000000");
  });

  it("is 0 for nothing", () => {
    expect(sumDecimals([])).toBe("0");
  });
});
