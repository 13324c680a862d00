import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error.ts";
import { messageOf } from "../errors/error-codes.ts";
import { newPasswordSchema, setupInputSchema } from "../schemas/index.ts";
import COMMON_PASSWORDS from "./common-passwords.json";
import { assertAcceptablePassword, PASSWORD_MIN_LENGTH, passwordProblem } from "./password.ts";

const olivia = { email: "olivia.owner@acme.test", name: "Olivia Owner" };

describe("passwordProblem", () => {
  it.each([
    // What the probe of issue 15 got accepted.
    ["12345678", "password.too_short"],
    ["password", "password.too_short"],
    ["        ", "password.too_short"],
    ["olivia.owner@acme.test", "password.personal"],
    // Length is counted in characters (code points), not UTF-16 units.
    ["🔑🔑🔑🔑🔑", "password.too_short"],
    ["x".repeat(201), "password.too_long"],
    // Common, also with digits or symbols around, in any case or width.
    ["password123", "password.common"],
    ["Password1234", "password.common"],
    ["qwertyuiop", "password.common"],
    ["ｑｗｅｒｔｙｕｉｏｐ", "password.common"],
    ["!basketball99", "password.common"],
    ["Password123!", "password.common"],
    ["Dragon2027!!", "password.common"],
    ["woaini1314", "password.common"],
    ["1qaz2wsx3edc", "password.common"],
    // Repetitions and runs.
    ["aaaaaaaaaaaa", "password.repetitive"],
    ["          ", "password.repetitive"],
    ["abcabcabcabc", "password.repetitive"],
    ["1234567890", "password.repetitive"],
    ["0123456789", "password.repetitive"],
    ["9876543210", "password.repetitive"],
    ["abcdefghijk", "password.repetitive"],
    // The person's email, name, or the service's name, with little around them.
    ["Olivia Owner", "password.personal"],
    ["oliviaowner2027", "password.personal"],
    ["olivia.owner@acme.test!", "password.personal"],
    ["luodi-okr-2027", "password.personal"],
    // Fine: long enough, not on the list, not personal.
    ["correct horse battery", null],
    ["Olivia likes green tea at dawn", null],
    ["落地计划每周都要更新进展", null],
    ["luodi-demo", null],
    ["t7#Kq9!vLm2$", null],
  ] as const)("%s → %s", (password, expected) => {
    expect(passwordProblem(password, olivia)).toBe(expected);
  });

  it("ships a list of common passwords, folded and unique, with thousands as long as the minimum", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(11_000);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const entry of COMMON_PASSWORDS) {
      expect([...entry].length).toBeGreaterThanOrEqual(4);
      expect(entry).toBe(entry.normalize("NFKC").toLowerCase().replace(/\s+/gu, ""));
    }
    expect(COMMON_PASSWORDS.filter((p) => [...p].length >= PASSWORD_MIN_LENGTH).length).toBeGreaterThan(1600);
  });

  it("says why in both languages", () => {
    for (const code of [
      "password.too_short",
      "password.too_long",
      "password.common",
      "password.repetitive",
      "password.personal",
    ] as const) {
      expect(messageOf(code, "en", { min: 10, max: 200 })).not.toMatch(/[{}]/);
      expect(messageOf(code, "zh-CN", { min: 10, max: 200 })).toMatch(/密码/);
    }
    expect(messageOf("password.too_short", "zh-CN", { min: 10 })).toContain("10");
  });
});

describe("assertAcceptablePassword", () => {
  it("throws request.invalid with one detail at the path, its message from the problem's code", () => {
    try {
      assertAcceptablePassword("olivia.owner@acme.test", olivia, "newPassword");
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, "request.invalid")).toBe(true);
      if (!isAppError(error)) throw error;
      expect(error.status).toBe(400);
      expect(error.toBody("zh-CN").error.details).toEqual([
        { path: "newPassword", message: messageOf("password.personal", "zh-CN") },
      ]);
    }
    expect(() => assertAcceptablePassword("correct horse battery", olivia)).not.toThrow();
  });
});

describe("the schemas that take a new password", () => {
  it("refuse what passwordProblem refuses, and a password built from the email or name beside it", () => {
    expect(newPasswordSchema.safeParse("password123").success).toBe(false);
    expect(newPasswordSchema.safeParse("correct horse battery").success).toBe(true);
    const setup = (password: string) =>
      setupInputSchema.safeParse({
        organization: { name: "Acme", locale: "en", timezone: "UTC" },
        admin: { ...olivia, password },
      });
    expect(setup("correct horse battery").success).toBe(true);
    const personal = setup("OliviaOwner!!");
    expect(personal.success).toBe(false);
    expect(personal.error?.issues).toMatchObject([
      { path: ["admin", "password"], params: { code: "password.personal" } },
    ]);
  });
});
