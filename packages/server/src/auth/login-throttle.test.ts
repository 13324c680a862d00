import { testDialects } from "@luodi/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PASSWORD, setupOrganization } from "../../test/factories.ts";
import {
  type Credentials,
  type Reply,
  startTestServer,
  type TestServer,
  testClock,
} from "../../test/harness.ts";
import { ACCOUNT_FAILURES, ADDRESS_FAILURES, addressKey, THROTTLE_WINDOW_MS } from "./login.ts";

function statuses(replies: Reply[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function expectThrottled(reply: Reply): void {
  expect(reply.status).toBe(429);
  expect(reply.body.error.code).toBe("auth.throttled");
  const seconds = Number(reply.headers["retry-after"]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
}

describe("the throttling key of a client address", () => {
  it("keeps IPv4 (mapped or not) whole and IPv6 by its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("ip:203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("ip:203.0.113.7");
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002::9")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("ip:2001:db8:0:0::/64");
    expect(addressKey("2001:db8:1:3::1")).not.toBe(addressKey("2001:db8:1:2::1"));
  });
});

describe.each(testDialects())("sign-in throttling on %s", (dialect) => {
  let server: TestServer;
  let organization: Awaited<ReturnType<typeof setupOrganization>>;
  beforeEach(async () => {
    server = await startTestServer(dialect);
    organization = await setupOrganization(server);
  });
  afterEach(async () => server.close());

  const attempt = (email: string, password: string, remoteAddress = "127.0.0.1", locale = "en") =>
    server.request("POST", "/auth/login", {
      body: { email, password },
      remoteAddress,
      headers: { "accept-language": locale },
    });

  it("holds under parallel bursts: the account locks, even the right password is refused until the window ends", async () => {
    const replies: Reply[] = [];
    const rights: Reply[] = [];
    for (let burst = 0; burst < 5; burst++) {
      // Every guess from another address: the account's own count stops them.
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => {
          const right = burst > 0 && i === 15;
          return attempt(
            "owner@acme.test",
            right ? PASSWORD : `wrong guess ${burst}-${i}`,
            `10.0.${burst}.${i}`,
          );
        }),
      );
      answers.forEach((reply, i) => {
        (burst > 0 && i === 15 ? rights : replies).push(reply);
      });
    }
    const counted = statuses([...replies, ...rights]);
    expect(counted[200]).toBeUndefined();
    expect(counted[401]).toBe(ACCOUNT_FAILURES);
    expect(counted[429]).toBe(150 - ACCOUNT_FAILURES);
    for (const reply of rights) expectThrottled(reply);
    for (const reply of replies.filter((r) => r.status === 429)) expectThrottled(reply);

    const zh = await attempt("OWNER@acme.test", PASSWORD, "10.1.0.1", "zh-CN");
    expectThrottled(zh);
    expect(zh.body.error.message).toBe(`尝试次数过多，请在 ${zh.headers["retry-after"]} 秒后重试。`);

    // The window began with the first failure; once it is over the right password works again.
    server.clock.advance(Number(zh.headers["retry-after"]) * 1000);
    expect((await attempt("owner@acme.test", PASSWORD, "10.1.0.1")).status).toBe(200);
  });

  it("throttles one address guessing across many accounts, whatever X-Forwarded-For claims", async () => {
    const replies: Reply[] = [];
    for (let round = 0; round < 4; round++) {
      replies.push(
        ...(await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            server.request("POST", "/auth/login", {
              body: { email: `person${i}@acme.test`, password: `guess ${round}` },
              remoteAddress: "198.51.100.9",
              headers: { "x-forwarded-for": `192.0.2.${round * 40 + i}` },
            }),
          ),
        )),
      );
    }
    const counted = statuses(replies);
    expect(counted[401]).toBe(ADDRESS_FAILURES);
    expect(counted[429]).toBe(160 - ADDRESS_FAILURES);
    for (const reply of replies.filter((r) => r.status === 429)) expectThrottled(reply);
    // The address is locked for everyone behind it, the accounts elsewhere are not.
    expectThrottled(await attempt("owner@acme.test", PASSWORD, "198.51.100.9"));
    expect((await attempt("owner@acme.test", PASSWORD, "198.51.100.10")).status).toBe(200);
    server.clock.advance(THROTTLE_WINDOW_MS);
    expect((await attempt("owner@acme.test", PASSWORD, "198.51.100.9")).status).toBe(200);
  });

  it("never throttles ordinary traffic: many good sign-ins from one address, a few typos forgotten by a success", async () => {
    const members = await addMembers(server, organization.owner, organization.rootDepartmentId);
    const emails = ["owner@acme.test", ...members];
    // Each person in parallel with the others, over and over: more sign-ins than the address's limit.
    const good: Reply[] = [];
    for (let round = 0; round < (ADDRESS_FAILURES + 20) / emails.length; round++) {
      good.push(...(await Promise.all(emails.map((email) => attempt(email, PASSWORD, "203.0.113.1")))));
    }
    expect(statuses(good)).toEqual({ 200: ADDRESS_FAILURES + 20 });
    // Typos up to the limit, then the right password: the account starts afresh.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) {
        expect((await attempt("owner@acme.test", `typo ${i}`, "203.0.113.1")).status).toBe(401);
      }
      expect((await attempt("owner@acme.test", PASSWORD, "203.0.113.1")).status).toBe(200);
    }
  });
});

/** Three more people who sign in with the shared test password. */
async function addMembers(server: TestServer, owner: Credentials, departmentId: string): Promise<string[]> {
  const emails = ["ann@acme.test", "bob@acme.test", "cat@acme.test"];
  for (const email of emails) {
    const reply = await server.request("POST", "/members", {
      as: owner,
      body: { email, name: email.slice(0, 3), password: PASSWORD, role: "member", departmentId },
    });
    expect(reply.status).toBe(201);
  }
  return emails;
}

describe.each(testDialects())("behind a trusted proxy on %s", (dialect) => {
  it("counts the address X-Forwarded-For names", async () => {
    const server = await startTestServer(dialect, testClock(), { config: { trustProxy: true } });
    try {
      await setupOrganization(server);
      const guess = (forwardedFor: string) =>
        server.request("POST", "/auth/login", {
          body: { email: "nobody@acme.test", password: "wrong guess" },
          headers: { "x-forwarded-for": forwardedFor },
        });
      // Spread over accounts so only the address counts.
      for (let i = 0; i < ADDRESS_FAILURES; i++) {
        const reply = await server.request("POST", "/auth/login", {
          body: { email: `p${i}@acme.test`, password: "wrong guess" },
          headers: { "x-forwarded-for": "192.0.2.1" },
        });
        expect(reply.status).toBe(401);
      }
      expectThrottled(await guess("192.0.2.1"));
      expect((await guess("192.0.2.2")).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
