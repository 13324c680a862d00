import { describe, expect, it } from "vitest";
import { mayUsePassword, safeReturnPath, ssoOutcome } from "./single-sign-on.ts";

const verified = { email: "Li.Na@Acme.test ", emailVerified: true };

describe("ssoOutcome", () => {
  it.each([
    [
      "a linked subject signs in, whatever the email says",
      { linkedUserId: "u1", userIdByEmail: "u2", claims: { email: null, emailVerified: false } },
      { kind: "signIn", userId: "u1" },
    ],
    [
      "a verified email of a known user links",
      { linkedUserId: null, userIdByEmail: "u2", claims: verified },
      { kind: "link", userId: "u2", email: "li.na@acme.test" },
    ],
    [
      "a verified unknown email provisions",
      { linkedUserId: null, userIdByEmail: null, claims: verified },
      { kind: "provision", email: "li.na@acme.test" },
    ],
    [
      "an unverified email of a known user is refused",
      { linkedUserId: null, userIdByEmail: "u2", claims: { ...verified, emailVerified: false } },
      { kind: "refuse", reason: "email_unverified" },
    ],
    [
      "an unverified unknown email is refused",
      { linkedUserId: null, userIdByEmail: null, claims: { ...verified, emailVerified: false } },
      { kind: "refuse", reason: "email_unverified" },
    ],
    [
      "no email at all is refused",
      { linkedUserId: null, userIdByEmail: null, claims: { email: "  ", emailVerified: true } },
      { kind: "refuse", reason: "email_unverified" },
    ],
  ] as const)("%s", (_name, input, expected) => {
    expect(ssoOutcome(input)).toEqual(expected);
  });
});

describe("mayUsePassword", () => {
  it.each([
    ["member", false, true, true],
    ["member", true, true, false],
    ["admin", true, true, false],
    ["owner", true, true, true],
    // Turned off while SSO is not configured (the variables were removed): nobody is locked out.
    ["member", true, false, true],
  ] as const)("%s, disabled %s, SSO %s → %s", (role, passwordLoginDisabled, ssoConfigured, expected) => {
    expect(mayUsePassword({ role, passwordLoginDisabled, ssoConfigured })).toBe(expected);
  });
});

describe("safeReturnPath", () => {
  it.each([
    ["/okrs/123?tab=kr", "/okrs/123?tab=kr"],
    [null, "/"],
    ["", "/"],
    ["https://evil.test/", "/"],
    ["//evil.test/", "/"],
    ["/\\evil.test", "/"],
    ["okrs", "/"],
  ])("%s → %s", (path, expected) => {
    expect(safeReturnPath(path)).toBe(expected);
  });
});
