import { AppError } from "../errors/app-error.ts";
import COMMON_PASSWORDS from "./common-passwords.json";

/*
 * Password rules after NIST SP 800-63B (rev. 4, §3.1.1.2): a minimum length and a generous maximum,
 * counted in Unicode code points; no composition rules (no "one digit, one symbol"), no expiry; and a
 * refusal of passwords found in lists of common or breached passwords, of repetitive or sequential
 * ones, and of context-specific words — the person's email, their name, the service's name.
 *
 * common-passwords.json (folded, see `fold`; 4 characters or more): the 10,000 most common passwords of
 * zxcvbn-ts's frequency list (@zxcvbn-ts/language-common 4.1.3, MIT, © 2012-2016 Dan Wheeler and
 * Dropbox, Inc., © 2021 @zxcvbn-ts) — the short ones matter as the core of a longer one ("Password123!")
 * —, every one of at least 10 characters among its 49,000, and a hundred common in China (pinyin,
 * "5201314", keyboard walks).
 */

/** Fewest characters (code points) a password has. */
export const PASSWORD_MIN_LENGTH = 10;
/** Most characters a password may have: long passphrases pass, hashing stays cheap. */
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused: the error code of the message that says so. */
export type PasswordProblem =
  | "password.too_short"
  | "password.too_long"
  | "password.common"
  | "password.repetitive"
  | "password.personal";

/** What a password must not be made of: the person's email and name, when known. */
export type PasswordContext = { email?: string | null | undefined; name?: string | null | undefined };

/** The words of the service itself: a password made of them is the first an attacker tries here. */
const SERVICE_WORDS = ["luodi", "落地", "okr"];

/** Compared folded: compatibility forms unified (full-width digits), lower case, without white space. */
function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

const COMMON = new Set<string>(COMMON_PASSWORDS);

function isCommon(folded: string): boolean {
  if (COMMON.has(folded)) return true;
  // A common password with digits or symbols around it ("Password123!", "!qwertyuiop") is no better.
  const core = folded.replace(/^[\p{N}\p{P}\p{S}]+|[\p{N}\p{P}\p{S}]+$/gu, "");
  return core !== folded && [...core].length >= 4 && COMMON.has(core);
}

/** One short unit repeated ("aaaaaaaaaa", "abcabcabca", "1212121212"), or a run up or down ("1234567890"). */
function isRepetitive(folded: string): boolean {
  const chars = [...folded];
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.length > unit && chars.every((c, i) => c === chars[i % unit])) return true;
  }
  const codes = chars.map((c) => (c === "0" ? 58 : (c.codePointAt(0) ?? 0))); // 0 follows 9 on a keyboard
  const steps = new Set(codes.slice(1).map((code, i) => code - (codes[i] ?? 0)));
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return true;
  // "0123456789" reads 0 as the first digit, not as the one after 9.
  const plain = chars.map((c) => c.codePointAt(0) ?? 0);
  const plainSteps = new Set(plain.slice(1).map((code, i) => code - (plain[i] ?? 0)));
  return plainSteps.size === 1 && (plainSteps.has(1) || plainSteps.has(-1));
}

/** What is left of the password once the person's and the service's words are taken out of it. */
function withoutContext(folded: string, context: PasswordContext): string {
  const email = fold(context.email ?? "");
  const name = context.name ?? "";
  const words = [
    email,
    email.split("@")[0] ?? "",
    fold(name),
    ...name.split(/[\s._-]+/u).map(fold),
    ...email.split(/[@._+-]+/u),
    ...SERVICE_WORDS,
  ]
    .filter((word) => [...word].length >= 2)
    .sort((a, b) => b.length - a.length);
  let rest = folded;
  for (const word of words) rest = rest.split(word).join("");
  return rest;
}

/**
 * Why a password may not be chosen, or null when it may: too short or too long, common (on the list,
 * or a listed one with digits or symbols around it), repetitive or sequential, or made of the person's
 * email or name or the service's name (once they are taken out, fewer than 4 letters are left besides
 * digits and symbols: "OliviaOwner2027", "luodi-okr-2027").
 */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "password.too_short";
  if (length > PASSWORD_MAX_LENGTH) return "password.too_long";
  const folded = fold(password);
  if (folded.length === 0 || isRepetitive(folded)) return "password.repetitive";
  if (isCommon(folded)) return "password.common";
  const rest = withoutContext(folded, context);
  if (rest !== folded && [...rest.replace(/[\p{N}\p{P}\p{S}]/gu, "")].length < 4) return "password.personal";
  return null;
}

/**
 * Throws when a new password may not be chosen (see {@link passwordProblem}): AppError `request.invalid`
 * (400) with one detail at `path` whose message, in the caller's language, says why. Every place that
 * sets a password calls it — setup, member creation, a password change, an invitation's acceptance, a
 * reset — with the person's email and name.
 */
export function assertAcceptablePassword(
  password: string,
  context: PasswordContext,
  path = "password",
): void {
  const problem = passwordProblem(password, context);
  if (problem) {
    throw new AppError("request.invalid", {}, [
      { path, code: problem, params: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH } },
    ]);
  }
}
