import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, signIn } from "../../test/factories.ts";
import { sessionCookieOf, startTestServer, type TestServer } from "../../test/harness.ts";
import { linkIn, type MailCapture, startMailCapture } from "../../test/mail-capture.ts";

const NEW_PASSWORD = "Lanterns over the river 7";

/** The secret of an invitation or password link, as the page's URL carries it. */
const tokenOf = (url: string) => url.split("/").pop() as string;

describe.each(testDialects())("invitations on %s", (dialect) => {
  let server: TestServer;
  let mail: MailCapture;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    mail = await startMailCapture();
    server = await startTestServer(dialect, undefined, {
      config: { smtpUrl: mail.url, publicUrl: "https://okr.acme.test" },
    });
    company = await buildCompany(server);
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  const invite = (body: unknown, as = company.owner) => server.request("POST", "/invitations", { as, body });

  it("invites one person: a member at once, a one-time link emailed in both text and HTML, accepted with a password", async () => {
    const reply = await invite({
      email: "Nina@Acme.test",
      name: "Nina New",
      role: "member",
      departmentId: company.departments.sales,
      managerId: company.users.sam,
      title: "Account executive",
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String),
      email: "nina@acme.test",
      url: expect.stringMatching(/^https:\/\/okr\.acme\.test\/invite\/[A-Za-z0-9_-]{40,}$/),
      expiresAt: "2027-04-22T02:00:00.000Z",
      emailed: true,
    });
    // A member from now on: she can be a KR owner or someone's manager before she ever signs in.
    const members = await server.request("GET", "/members", { as: company.as.sam });
    expect(members.body.map((m: { email: string }) => m.email)).toContain("nina@acme.test");
    // Only the secret's hash is kept.
    const stored = await server.db.db.selectFrom("accountLink").select("tokenHash").execute();
    expect(stored.map((row) => row.tokenHash)).not.toContain(tokenOf(reply.body.url));

    const email = await mail.next("nina@acme.test");
    expect(email.subject).toBe("Olivia Owner invited you to Acme's OKRs on Luodi");
    expect(email.from).toBe("no-reply@okr.acme.test");
    expect(linkIn(email, "invite")).toBe(reply.body.url);
    expect(email.html).toContain(`href="${reply.body.url}"`);
    expect(email.text).toContain("Hello Nina New");

    const token = tokenOf(reply.body.url);
    const shown = await server.request("GET", `/invitations/${token}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      email: "nina@acme.test",
      name: "Nina New",
      organization: { id: company.orgId, name: "Acme" },
      invitedBy: { name: "Olivia Owner" },
      role: "member",
      department: { id: company.departments.sales, name: "Sales" },
      title: "Account executive",
      existingAccount: false,
    });

    const accepted = await server.request("POST", `/invitations/${token}/accept`, {
      body: { password: NEW_PASSWORD, name: "Nina Newton" },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: "nina@acme.test", name: "Nina Newton" });
    expect(accepted.body.organizations).toEqual([{ id: company.orgId, name: "Acme", role: "member" }]);
    const me = await server.request("GET", "/me", { as: { cookie: sessionCookieOf(accepted) } });
    expect(me.status).toBe(200);
    expect(me.body.membership).toMatchObject({
      departmentId: company.departments.sales,
      managerId: company.users.sam,
    });
    // Signed in from now on with the password she chose.
    await signIn(server, "nina@acme.test", NEW_PASSWORD);

    // One time only: the link is spent, whoever tries it next.
    const again = await server.request("POST", `/invitations/${token}/accept`, {
      body: { password: "Another fine passphrase 8" },
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("link.invalid");
    expect((await server.request("GET", `/invitations/${token}`)).status).toBe(404);
  });

  it("invites several at once from a list, all or none, placing a refusal at its item", async () => {
    const refused = await invite({
      items: [
        {
          email: "olga@acme.test",
          name: "Olga",
          role: "member",
          departmentId: company.departments.engineering,
        },
        {
          email: "sue@acme.test",
          name: "Sue again",
          role: "member",
          departmentId: company.departments.sales,
        },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("user.email_taken");
    expect(refused.body.error.details[0].path).toBe("items.1.email");
    const none = await server.request("GET", "/members", { as: company.owner });
    expect(none.body.map((m: { email: string }) => m.email)).not.toContain("olga@acme.test");

    const batch = await invite({
      items: [
        {
          email: "olga@acme.test",
          name: "Olga",
          role: "member",
          departmentId: company.departments.engineering,
        },
        { email: "omar@acme.test", name: "Omar", role: "admin", departmentId: company.departments.platform },
      ],
    });
    expect(batch.status).toBe(201);
    expect(batch.body.items.map((i: { email: string; emailed: boolean }) => [i.email, i.emailed])).toEqual([
      ["olga@acme.test", true],
      ["omar@acme.test", true],
    ]);
    await mail.next("olga@acme.test");
    await mail.next("omar@acme.test");
  });

  it("lets only admins invite, and only owners invite owners", async () => {
    const body = { email: "x@acme.test", name: "X", role: "member", departmentId: company.departments.sales };
    const bySam = await invite(body, company.as.sam);
    expect(bySam.status).toBe(403);
    expect(bySam.body.error.code).toBe("permission.denied");
    const ownerByAda = await invite({ ...body, role: "owner" }, company.as.ada);
    expect(ownerByAda.status).toBe(403);
    expect((await server.request("POST", "/invitations", { body })).status).toBe(401);
  });

  it("lets an invitation expire after a week, with the same answer as a link that never existed", async () => {
    const reply = await invite({
      email: "late@acme.test",
      name: "Late Larry",
      role: "member",
      departmentId: company.departments.sales,
    });
    const token = tokenOf(reply.body.url);
    server.clock.advance(7 * 86_400_000 + 1000);
    try {
      const expired = await server.request("POST", `/invitations/${token}/accept`, {
        body: { password: NEW_PASSWORD },
        headers: { "accept-language": "zh-CN" },
      });
      expect(expired.status).toBe(404);
      expect(expired.body.error).toMatchObject({
        code: "link.invalid",
        message: "该链接无效或已过期，请重新获取。",
      });
      const never = await server.request("GET", `/invitations/${"x".repeat(43)}`);
      expect(never.status).toBe(404);
      expect(never.body.error.code).toBe("link.invalid");
      await expect(signInFails(server, "late@acme.test")).resolves.toBe(401);
    } finally {
      server.clock.advance(-(7 * 86_400_000 + 1000));
    }
  });

  it("refuses a weak password at acceptance, and keeps the link usable", async () => {
    const reply = await invite({
      email: "weak@acme.test",
      name: "Wendy Weak",
      role: "member",
      departmentId: company.departments.sales,
    });
    const token = tokenOf(reply.body.url);
    const weak = await server.request("POST", `/invitations/${token}/accept`, {
      body: { password: "1234567890" },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe("password");
    const ok = await server.request("POST", `/invitations/${token}/accept`, {
      body: { password: NEW_PASSWORD },
    });
    expect(ok.status).toBe(200);
  });

  it("sends an invitation to a member added without a password, instead of leaving them unable to sign in", async () => {
    const created = await server.request("POST", "/members", {
      as: company.owner,
      body: {
        email: "paul@acme.test",
        name: "Paul Later",
        role: "member",
        departmentId: company.departments.sales,
      },
    });
    expect(created.status).toBe(201);
    const email = await mail.next("paul@acme.test");
    const token = tokenOf(linkIn(email, "invite"));
    const accepted = await server.request("POST", `/invitations/${token}/accept`, {
      body: { password: NEW_PASSWORD },
    });
    expect(accepted.status).toBe(200);
  });

  it("ends the invitation of someone deactivated before they accept", async () => {
    const reply = await invite({
      email: "gone@acme.test",
      name: "Gone Gina",
      role: "member",
      departmentId: company.departments.sales,
    });
    const members = await server.request("GET", "/members", { as: company.owner });
    const gina = members.body.find((m: { email: string }) => m.email === "gone@acme.test");
    await server.request("PATCH", `/members/${gina.userId}`, {
      as: company.owner,
      body: { status: "deactivated" },
    });
    const accepted = await server.request("POST", `/invitations/${tokenOf(reply.body.url)}/accept`, {
      body: { password: NEW_PASSWORD },
    });
    expect(accepted.status).toBe(404);
  });
});

async function signInFails(server: TestServer, email: string): Promise<number> {
  const reply = await server.request("POST", "/auth/login", { body: { email, password: NEW_PASSWORD } });
  return reply.status;
}
