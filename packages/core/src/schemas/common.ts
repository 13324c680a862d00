import { z } from "zod";
import { LOCALES } from "../domain/types.ts";

/** Longest title the product stores (objectives, KRs, cycles, departments…). */
export const MAX_TITLE = 500;
/** Longest free text (descriptions, notes, reviews, mission…). */
export const MAX_TEXT = 20_000;
/** Largest magnitude a measured value may have: beyond it no KR is meaningful, and floats lose integers. */
const MAX_MAGNITUDE = 1e15;

export const idSchema = z.string().min(1).max(64);
export const titleSchema = z.string().trim().min(1).max(MAX_TITLE);
export const textSchema = z.string().max(MAX_TEXT);
export const localeSchema = z.enum(LOCALES);
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "Invalid date",
    },
  );
export const timezoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: "Unknown IANA time zone" },
  );

/**
 * A measured value: a finite JSON number or a decimal string, kept as exact decimal text from here on.
 * Strings allow values that floats cannot carry exactly ("0.1", "12345678901234.56").
 */
export const decimalInputSchema = z
  .union([
    z.number().finite().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE),
    z.string().regex(/^-?\d{1,16}(\.\d{1,12})?$/, { message: "Expected a decimal number such as 12.5" }),
  ])
  .transform((v) => (typeof v === "number" ? numberToDecimalText(v) : normalizeDecimalText(v)));

/** A weight: positive, finite, bounded. */
export const weightSchema = z.number().finite().positive().max(1000);
export const confidenceSchema = z.number().int().min(0).max(10);
export const versionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

function numberToDecimalText(n: number): string {
  // Number#toString may use exponents (1e-7, 1e21); toFixed keeps plain digits for our bounded range.
  const text = Math.abs(n) < 1e-6 && n !== 0 ? n.toFixed(12) : String(n);
  return normalizeDecimalText(text.includes("e") ? n.toFixed(12) : text);
}

function normalizeDecimalText(text: string): string {
  let [intPart = "0", frac = ""] = text.split(".");
  const negative = intPart.startsWith("-");
  intPart = intPart.replace(/^-/, "").replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  const body = frac ? `${intPart}.${frac}` : intPart;
  return negative && body !== "0" ? `-${body}` : body;
}

/** The contract's error body. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
