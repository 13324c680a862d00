import Decimal from "decimal.js";
import { AppError } from "../errors/index.ts";
import type { DecimalString } from "./types.ts";

/**
 * The Decimal constructor the domain computes with. Measures are stored as text and summed across
 * many key results, so the default 20 significant digits could round a sum; 100 digits keeps every
 * sum of stored values exact, and the exponent bounds keep `toString` free of exponent notation.
 */
const D = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

// Plain decimal notation only: decimal.js would also accept hex, binary and "Infinity", which no
// stored measure should ever hold.
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a measure given as text or number; throws AppError("request.invalid") for NaN, Infinity or junk. */
export function parseDecimal(value: DecimalString | number): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new AppError("request.invalid", { value: String(value) });
    // String(value) is the shortest text that round-trips, so 0.1 stays 0.1 instead of its binary expansion.
    return new D(String(value));
  }
  const text = value.trim();
  if (!DECIMAL_TEXT.test(text)) throw new AppError("request.invalid", { value });
  return new D(text);
}

/** Canonical text of a decimal: no exponent, no trailing zeros, no negative zero ("1.50" → "1.5"). */
export function toDecimalString(d: Decimal | DecimalString | number): DecimalString {
  const value = typeof d === "object" ? d : parseDecimal(d);
  // toFixed() without digits prints plain notation; decimal.js keeps no trailing zeros and drops the sign of -0.
  return value.toFixed();
}

/** Exact sum of decimal strings, in canonical text ("0" for an empty list). */
export function sumDecimals(values: readonly DecimalString[]): DecimalString {
  let total = new D(0);
  for (const value of values) total = total.plus(parseDecimal(value));
  return toDecimalString(total);
}
