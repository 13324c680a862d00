import { testDialects } from "@luodi/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCompany, PASSWORD } from "../../test/factories.ts";
import { type Credentials, sessionCookieOf, startTestServer, type TestServer } from "../../test/harness.ts";

describe.each(testDialects())("the audit log on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  beforeEach(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterEach(async () => server.close());

  const audit = (query: string, as: Credentials = company.as.ada) =>
    server.request("GET", `/audit${query}`, { as });

  /** Failed sign-ins are written after their answer: wait for the entries to land. */
  async function eventually(query: string, count: number) {
    for (let i = 0; i < 100; i++) {
      const reply = await audit(query);
      if (reply.body.items.length >= count) return reply;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fewer than ${count} entries for ${query}`);
  }

  it("is for admins and owners only", async () => {
    for (const as of [company.as.sam, company.as.sue, company.as.eve]) {
      const denied = await audit("", { ...as, locale: "zh-CN" });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe("permission.denied");
      expect(denied.body.error.message).toBe("你没有执行此操作的权限。");
    }
    expect((await audit("", company.owner)).status).toBe(200);
    const page = await audit("");
    expect(page.status).toBe(200);
    // buildCompany's departments, members and cycles are there, newest first.
    expect(page.body.items.map((e: { action: string }) => e.action)).toContain("member.create");
    const times = page.body.items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("records sign-in, sign-out and failed sign-in with the client's address, never the password", async () => {
    const login = await server.request("POST", "/auth/login", {
      body: { email: "sam@acme.test", password: PASSWORD },
      remoteAddress: "203.0.113.5",
    });
    expect(login.status).toBe(200);
    const wrong = await server.request("POST", "/auth/login", {
      body: { email: "SAM@acme.test", password: "not the password at all" },
      remoteAddress: "198.51.100.7",
    });
    expect(wrong.status).toBe(401);
    // An unknown email belongs to no organization: nobody's log shows it.
    await server.request("POST", "/auth/login", {
      body: { email: "nobody@acme.test", password: "whatever it is" },
    });
    const cookie = sessionCookieOf(login);
    expect((await server.request("POST", "/auth/logout", { as: { cookie } })).status).toBe(204);

    const failed = await eventually(`?action=auth.login_failed`, 1);
    expect(failed.body.items).toEqual([
      {
        id: expect.any(String),
        action: "auth.login_failed",
        actor: null,
        subjectType: "user",
        subjectId: company.users.sam,
        reason: null,
        before: null,
        after: { email: "sam@acme.test", address: "198.51.100.7" },
        at: expect.any(String),
      },
    ]);
    // buildCompany signed Sam in once before.
    const ins = await audit(`?action=auth.login&subjectId=${company.users.sam}`);
    expect(ins.body.items).toHaveLength(2);
    expect(ins.body.items[0]).toMatchObject({
      actor: { id: company.users.sam, name: "Sam Sales" },
      after: { address: "203.0.113.5" },
    });
    const outs = await audit(`?action=auth.logout&actorId=${company.users.sam}`);
    expect(outs.body.items).toHaveLength(1);
    const everything = JSON.stringify((await audit("?limit=200")).body);
    expect(everything).not.toContain("not the password at all");
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain("nobody@acme.test");
  });

  it("records token creation and revocation", async () => {
    const created = await server.request("POST", "/tokens", { as: company.as.sam, body: { name: "ci" } });
    await server.request("DELETE", `/tokens/${created.body.id}`, { as: company.as.sam });
    const page = await audit(`?subjectType=api_token&subjectId=${created.body.id}`);
    expect(page.body.items.map((e: { action: string }) => e.action)).toEqual([
      "token.revoke",
      "token.create",
    ]);
    expect(JSON.stringify(page.body)).not.toContain(created.body.token);
  });

  it("pages newest first, stable while new entries arrive, and narrows by time", async () => {
    const signInSam = async () =>
      expect(
        (
          await server.request("POST", "/auth/login", {
            body: { email: "sam@acme.test", password: PASSWORD },
          })
        ).status,
      ).toBe(200);
    // Many entries in the same millisecond of the test clock: the id breaks the ties.
    for (let i = 0; i < 23; i++) await signInSam();
    const query = `?action=auth.login&actorId=${company.users.sam}`;
    const all = (await audit(`${query}&limit=200`)).body.items;
    expect(all).toHaveLength(24);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply = await audit(`${query}&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.items.map((e: { id: string }) => e.id));
      cursor = reply.body.nextCursor;
      pages += 1;
      // Entries written between pages are newer: they shift nothing already paged.
      await signInSam();
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.map((e: { id: string }) => e.id));

    server.clock.advance(60_000);
    const later = await server.request("POST", "/tokens", { as: company.as.sam, body: { name: "later" } });
    const recent = await audit(`?from=${encodeURIComponent("2027-04-15T10:01:00+08:00")}`);
    expect(recent.body.items.map((e: { subjectId: string }) => e.subjectId)).toEqual([later.body.id]);
    const before = await audit(`${query}&to=2027-04-15T02:01:00Z&limit=200`);
    expect(before.body.items).toHaveLength(24 + pages);

    const bad = await audit("?cursor=not-a-cursor");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("request.invalid");
    expect((await audit("?limit=500")).status).toBe(400);
  });
});
