import { z } from "zod";
import { MAX_TITLE } from "../domain/limits.ts";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordContext,
  passwordProblem,
} from "../domain/password.ts";
import { LOCALES } from "../domain/types.ts";

/** Longest free text (descriptions, notes, reviews, mission…). */
const MAX_TEXT = 20_000;
/** Largest magnitude a measured value may have: beyond it no KR is meaningful, and floats lose integers. */
const MAX_MAGNITUDE = 1e15;

/**
 * Which control characters each kind of text refuses. NUL and the other C0 controls, DEL and the C1
 * controls never belong in what people type: PostgreSQL cannot even store NUL, terminals and CSV
 * readers act on the others, and they hide text from whoever reads it. Tab and line feed pass
 * everywhere (pasted text carries them); carriage return only in multi-line text (Windows line ends);
 * ids, which are opaque tokens, refuse every control character.
 */
const CONTROL_CHARACTERS = {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  id: /[\u0000-\u001F\u007F-\u009F]/,
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  line: /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/,
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  text: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/,
} as const;

/**
 * A zod check refusing the control characters a kind of text may not hold. The issue carries the
 * error code of its message (`text.control_character`), so the server answers it in the caller's
 * language; the character is named as U+XXXX and its position counted from 1.
 */
function refuseControlCharacters(kind: keyof typeof CONTROL_CHARACTERS) {
  const pattern = CONTROL_CHARACTERS[kind];
  return (value: string, ctx: z.RefinementCtx) => {
    const match = pattern.exec(value);
    if (!match) return;
    const character = `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    const position = [...value.slice(0, match.index)].length + 1;
    ctx.addIssue({
      code: "custom",
      message: `Contains the control character ${character} at position ${position}`,
      params: { code: "text.control_character", character, position },
    });
  };
}

/** An opaque id (path params, query values, references in bodies): no control character at all. */
export const idSchema = z.string().min(1).max(64).superRefine(refuseControlCharacters("id"));
/** One line of text of at most `max` characters (names, units, job titles, emails…): tab and line feed pass. */
export function lineSchema(max: number) {
  return z.string().max(max).superRefine(refuseControlCharacters("line"));
}
/** Multi-line text of at most `max` characters (descriptions, notes, reasons…): tab, CR and LF pass. */
export function multilineSchema(max: number) {
  return z.string().max(max).superRefine(refuseControlCharacters("text"));
}
/**
 * A password someone chooses (setup, a new member, a password change): 10 to 200 characters, neither
 * common, repetitive nor sequential (see `passwordProblem`). Whether it is built from the person's email
 * or name is checked where both are known: {@link refusePersonalPassword} on the object that holds them.
 */
export const newPasswordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH, { abort: true })
  .superRefine(refuseControlCharacters("line"))
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue(passwordIssue(problem, []));
  })
  .meta({
    minLength: PASSWORD_MIN_LENGTH,
    description:
      "At least 10 characters (code points); not a common password, a repetition or a sequence, and not made of the person's email or name.",
  });

function passwordIssue(problem: string, path: PropertyKey[]) {
  return {
    code: "custom" as const,
    path,
    message: `Password refused: ${problem}`,
    params: { code: problem, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
  };
}

/**
 * An object check: the password at `passwordKey` may not be built from the email and name beside it
 * (reported at the password's path). Runs once the fields themselves are valid.
 */
export function refusePersonalPassword<T extends Record<string, unknown>>(
  passwordKey: keyof T & string,
  contextOf: (value: T) => PasswordContext,
) {
  return (value: T, ctx: z.RefinementCtx) => {
    const password = value[passwordKey];
    if (typeof password !== "string") return;
    const problem = passwordProblem(password, contextOf(value));
    if (problem === "password.personal") ctx.addIssue(passwordIssue(problem, [passwordKey]));
  };
}

export const titleSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TITLE)
  .superRefine(refuseControlCharacters("line"));
export const textSchema = multilineSchema(MAX_TEXT);
/** An email address as people give it. */
export const emailSchema = z.email().max(254).superRefine(refuseControlCharacters("line"));
export const localeSchema = z.enum(LOCALES);
/** An instant in ISO 8601 with its offset (`2027-06-30T00:00:00Z`, `2027-06-30T08:00:00+08:00`). */
export const instantSchema = z.iso.datetime({ offset: true });
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
  .superRefine(refuseControlCharacters("id"))
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

/** `?limit=&cursor=` of a list that grows (api.md, *Across all endpoints*); the cursor is opaque. */
export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: idSchema.optional(),
  })
  .strict();
