import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, PASSWORD, signIn } from "../../test/factories.ts";
import { sessionCookieOf, startTestServer, type TestServer } from "../../test/harness.ts";
import { linkIn, type MailCapture, startMailCapture } from "../../test/mail-capture.ts";

const NEW_PASSWORD = "Kites above the harbour 42";
const tokenOf = (url: string) => url.split("/").pop() as string;

describe.each(testDialects())("password resets on %s", (dialect) => {
  let server: TestServer;
  let mail: MailCapture;

  beforeAll(async () => {
    // A slow mail server: an answer that waited for the email would take over a second.
    mail = await startMailCapture({ delayMs: 1_500 });
    server = await startTestServer(dialect, undefined, { config: { smtpUrl: mail.url } });
    await buildCompany(server);
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  const ask = async (email: string) => {
    const started = performance.now();
    const reply = await server.request("POST", "/auth/password-reset", { body: { email } });
    return { reply, ms: performance.now() - started };
  };

  it("answers 202 at once for a known and an unknown email alike, and emails only the known one", async () => {
    const unknown = await ask("nobody@acme.test");
    const known = await ask("sue@acme.test");
    for (const { reply } of [unknown, known]) {
      expect(reply.status).toBe(202);
      expect(reply.body).toBeNull();
    }
    expect(Object.keys(known.reply.headers).sort()).toEqual(Object.keys(unknown.reply.headers).sort());
    // Neither waits for the database or the (slow) mail server: the timing tells nothing either.
    expect(known.ms).toBeLessThan(700);
    expect(unknown.ms).toBeLessThan(700);
    const email = await mail.next(undefined, 10_000);
    expect(email.to).toEqual(["sue@acme.test"]);
    expect(email.subject).toBe("Set a new password for Luodi");
    expect(email.html).toContain("/reset-password/");
    // The unknown email's work (one lookup) began before the known one's, which is done: no email for it.
    expect(mail.mails.filter((m) => m.to.includes("nobody@acme.test"))).toEqual([]);
  });
});

describe.each(testDialects())("setting a new password with a link, on %s", (dialect) => {
  let server: TestServer;
  let mail: MailCapture;

  beforeAll(async () => {
    mail = await startMailCapture();
    server = await startTestServer(dialect, undefined, { config: { smtpUrl: mail.url } });
    await buildCompany(server);
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  const resetLinkFor = async (email: string) => {
    expect((await server.request("POST", "/auth/password-reset", { body: { email } })).status).toBe(202);
    return linkIn(await mail.next(email), "reset-password");
  };

  it("sets a new password once, ends every other session and token, and signs in", async () => {
    const oldSession = await signIn(server, "pat@acme.test");
    const token = await server.request("POST", "/tokens", { as: oldSession, body: { name: "left behind" } });
    expect((await server.request("GET", "/me", { as: { token: token.body.token } })).status).toBe(200);
    const url = await resetLinkFor("pat@acme.test");
    const confirmed = await server.request("POST", "/auth/password-reset/confirm", {
      body: { token: tokenOf(url), password: NEW_PASSWORD },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.email).toBe("pat@acme.test");
    expect((await server.request("GET", "/me", { as: { cookie: sessionCookieOf(confirmed) } })).status).toBe(
      200,
    );
    expect((await server.request("GET", "/me", { as: oldSession })).status).toBe(401);
    expect((await server.request("GET", "/me", { as: { token: token.body.token } })).status).toBe(401);
    expect(
      (await server.request("POST", "/auth/login", { body: { email: "pat@acme.test", password: PASSWORD } }))
        .status,
    ).toBe(401);
    await signIn(server, "pat@acme.test", NEW_PASSWORD);
    const reused = await server.request("POST", "/auth/password-reset/confirm", {
      body: { token: tokenOf(url), password: "Yet another long passphrase" },
    });
    expect(reused.status).toBe(404);
    expect(reused.body.error.code).toBe("link.invalid");
  });

  it("lets a reset link expire after an hour", async () => {
    const url = await resetLinkFor("eve@acme.test");
    server.clock.advance(3_600_000 + 1000);
    try {
      const late = await server.request("POST", "/auth/password-reset/confirm", {
        body: { token: tokenOf(url), password: NEW_PASSWORD },
      });
      expect(late.status).toBe(404);
      expect(late.body.error.code).toBe("link.invalid");
    } finally {
      server.clock.advance(-(3_600_000 + 1000));
    }
    await signIn(server, "eve@acme.test");
  });

  it("sends no more than three reset emails an hour to one person", async () => {
    // Sent together, as a script would: each is counted against the others, not only against the past.
    const sent = await Promise.all(
      Array.from({ length: 20 }, () =>
        server.request("POST", "/auth/password-reset", { body: { email: "ada@acme.test" } }),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(20).fill(202));
    for (let i = 0; i < 3; i++) await mail.next("ada@acme.test");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail.mails.filter((m) => m.to.includes("ada@acme.test"))).toHaveLength(3);
  });
});

describe.each(testDialects())("an admin's password reset, on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    // No SMTP_URL: the link is only answered, for the admin to hand over.
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  it("stops the old password, sessions and tokens at once; the member sets a new one with the link", async () => {
    const token = await server.request("POST", "/tokens", { as: company.as.sue, body: { name: "script" } });
    expect((await server.request("GET", "/me", { as: { token: token.body.token } })).status).toBe(200);
    const reset = await server.request("POST", `/members/${company.users.sue}/password-reset`, {
      as: company.as.ada,
      headers: { host: "okr.acme.test" },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({
      url: expect.stringMatching(/^http:\/\/okr\.acme\.test\/reset-password\/[A-Za-z0-9_-]{40,}$/),
      expiresAt: "2027-04-16T02:00:00.000Z",
      emailed: false,
    });
    // Her old session ends and her old password no longer signs in: she must set a new one.
    expect((await server.request("GET", "/me", { as: company.as.sue })).status).toBe(401);
    expect((await server.request("GET", "/me", { as: { token: token.body.token } })).status).toBe(401);
    const old = await server.request("POST", "/auth/login", {
      body: { email: "sue@acme.test", password: PASSWORD },
    });
    expect(old.status).toBe(401);
    const confirmed = await server.request("POST", "/auth/password-reset/confirm", {
      body: { token: tokenOf(reset.body.url), password: NEW_PASSWORD },
    });
    expect(confirmed.status).toBe(200);
    await signIn(server, "sue@acme.test", NEW_PASSWORD);
  });

  it("is for admins only, and an admin may not reset an owner's password", async () => {
    const bySam = await server.request("POST", `/members/${company.users.sue}/password-reset`, {
      as: company.as.sam,
    });
    expect(bySam.status).toBe(403);
    const ownerByAda = await server.request("POST", `/members/${company.ownerId}/password-reset`, {
      as: company.as.ada,
    });
    expect(ownerByAda.status).toBe(403);
    const ghost = await server.request("POST", "/members/no-such-member/password-reset", {
      as: company.as.ada,
    });
    expect(ghost.status).toBe(404);
    expect(ghost.body.error.code).toBe("member.not_found");
    await signIn(server, "owner@acme.test");
  });
});
