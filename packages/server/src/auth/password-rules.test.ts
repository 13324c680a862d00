import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, setupOrganization, signIn } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: `12345678`, `password`, eight spaces and the user's own email were accepted as passwords.
 * Per NIST SP 800-63B: at least 10 characters, not a common password, not a repetition or a sequence,
 * not built from the person's email or name — at setup, for a new member, and on a password change.
 */
describe.each(testDialects())("password rules on %s", (dialect) => {
  let server: TestServer;
  let owner: Credentials;
  let rootDepartmentId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    // Refused at setup first, while no organization exists.
    for (const [password, message] of [
      ["12345678", "密码至少需要 10 个字符；几个词连成的句子既安全又好记。"],
      ["password", "密码至少需要 10 个字符；几个词连成的句子既安全又好记。"],
      ["        ", "密码至少需要 10 个字符；几个词连成的句子既安全又好记。"],
      ["olivia@acme.test", "密码不能由你的邮箱、姓名或本系统的名称构成。"],
      ["Password123!", "该密码属于最常见的密码，最容易被猜中，请换一个。"],
      ["1234567890", "该密码是重复或连续的字符（如 aaaaaaaaaa、1234567890），请换一个。"],
    ]) {
      const reply = await server.request("POST", "/setup", {
        headers: { "accept-language": "zh-CN" },
        body: {
          organization: { name: "Acme", locale: "zh-CN", timezone: "Asia/Shanghai" },
          admin: { email: "olivia@acme.test", name: "Olivia", password },
        },
      });
      expect(reply.status, password).toBe(400);
      expect(reply.body.error.code).toBe("request.invalid");
      expect(reply.body.error.details, password).toEqual([{ path: "admin.password", message }]);
    }
    ({ owner, rootDepartmentId } = await setupOrganization(server));
  });
  afterAll(async () => server.close());

  it("refuses a new member's weak or personal password, and says why in English too", async () => {
    const member = (password: string) =>
      server.request("POST", "/members", {
        as: owner,
        body: {
          email: "max.miller@acme.test",
          name: "Max Miller",
          password,
          role: "member",
          departmentId: rootDepartmentId,
        },
      });
    const cases: Array<[string, string]> = [
      ["qwertyuiop", "This password is among the most common ones and is guessed first; choose another."],
      ["MaxMiller2027", "Do not build the password from your email, your name or the name of this service."],
      [
        "max.miller@acme.test",
        "Do not build the password from your email, your name or the name of this service.",
      ],
      ["short", "Use at least 10 characters; a few words make a strong password that is easy to remember."],
    ];
    for (const [password, message] of cases) {
      const reply = await member(password);
      expect(reply.status, password).toBe(400);
      expect(reply.body.error.details, password).toEqual([{ path: "password", message }]);
    }
    expect((await member("max climbs granite at dawn")).status).toBe(201);
  });

  it("refuses a password change to the person's email, name or a common password, and takes a good one", async () => {
    const change = (newPassword: string) =>
      server.request("PATCH", "/me", { as: owner, body: { currentPassword: PASSWORD, newPassword } });
    for (const [newPassword, code] of [
      ["owner@acme.test", "personal"],
      ["Olivia Owner 1", "personal"],
      ["iloveyou123", "common"],
      ["aaaaaaaaaaaa", "repetitive"],
    ] as const) {
      const reply = await change(newPassword);
      expect(reply.status, newPassword).toBe(400);
      expect(reply.body.error.code).toBe("request.invalid");
      expect(reply.body.error.details[0].path, newPassword).toBe("newPassword");
      expect(reply.body.error.details[0].message, newPassword).toMatch(
        { personal: /email, your name/, common: /most common/, repetitive: /repetition/ }[code],
      );
    }
    // Nothing changed: the old password still signs in.
    await signIn(server, "owner@acme.test", PASSWORD);
    expect((await change("a new and better passphrase")).status).toBe(200);
    await signIn(server, "owner@acme.test", "a new and better passphrase");
  });
});
