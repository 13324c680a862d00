import { request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChatReceiver } from "../../test/chat-receivers.ts";
import { buildCompany } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import { type MailCapture, startMailCapture } from "../../test/mail-capture.ts";
import { buildApp, contextOf } from "../app.ts";

/*
 * Issue 8, notifications: the in-app list (bell), the person's settings and quiet hours, emails through a
 * real SMTP server on 127.0.0.1, the admin's view of the outbox, and the live stream of Server-Sent Events
 * with its replay after a reconnection — on both dialects.
 */
describe.each(testDialects())("notifications on %s", (dialect) => {
  let server: TestServer;
  let mail: MailCapture;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    mail = await startMailCapture();
    server = await startTestServer(dialect, undefined, {
      config: { smtpUrl: mail.url, allowPrivateWebhooks: true },
    });
    company = await buildCompany(server);
    await server.request("PATCH", "/org", {
      as: company.owner,
      body: { settings: { approvalRequired: true } },
    });
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  const submit = async (as: Credentials, title: string) => {
    const created = await server.request("POST", "/objectives", {
      as,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title,
        keyResults: [
          { title: "Signed customers from 10 to 20", type: "number", startValue: 10, targetValue: 20 },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect((await server.request("POST", `/objectives/${created.body.id}/submit`, { as })).status).toBe(200);
    return created.body.id as string;
  };
  /** Takes every email already received for someone, so the next one is new. */
  const takeAll = async (to: string) => {
    for (;;) {
      try {
        await mail.next(to, 200);
      } catch {
        return;
      }
    }
  };
  const sweep = async () => {
    const ctx = contextOf(server.app);
    await ctx.deliveries.idle();
    await ctx.deliveries.sweep();
  };

  it("tells the approver of a submitted objective, and the owner of the decision with its reason", async () => {
    const before = await server.request("GET", "/notifications", { as: company.as.sam });
    const id = await submit(company.as.sue, "Win the northern region");
    const list = await server.request("GET", "/notifications", { as: company.as.sam });
    expect(list.status).toBe(200);
    expect(list.body.unreadCount).toBe(before.body.unreadCount + 1);
    const [latest] = list.body.items;
    expect(latest).toMatchObject({
      kind: "approval_requested",
      actor: { id: company.users.sue, name: "Sue Seller" },
      subject: { type: "objective", id, title: "Win the northern region" },
      link: `/objectives/${id}`,
      readAt: null,
    });
    // Nobody else hears of it: not the submitter, not a colleague elsewhere.
    for (const as of [company.as.sue, company.as.pat]) {
      const other = await server.request("GET", "/notifications", { as });
      expect(other.body.items.some((n: { subject: { id: string } }) => n.subject.id === id)).toBe(false);
    }
    const rejected = await server.request("POST", `/objectives/${id}/reject`, {
      as: company.as.sam,
      body: { reason: "Name the region's numbers first" },
    });
    expect(rejected.status).toBe(200);
    const sue = await server.request("GET", "/notifications?unread=true", { as: company.as.sue });
    expect(sue.body.items[0]).toMatchObject({
      kind: "approval_decided",
      excerpt: "Name the region's numbers first",
      actor: { name: "Sam Sales" },
    });
  });

  it("marks some or all read, only the caller's own, and pages newest first", async () => {
    for (const title of ["Grow A", "Grow B", "Grow C"]) await submit(company.as.sue, title);
    const page1 = await server.request("GET", "/notifications?limit=2", { as: company.as.sam });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.items[0].subject.title).toBe("Grow C");
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await server.request("GET", `/notifications?limit=2&cursor=${page1.body.nextCursor}`, {
      as: company.as.sam,
    });
    expect(page2.body.items[0].subject.title).toBe("Grow A");
    // Someone else's ids change nothing of theirs.
    const foreign = await server.request("POST", "/notifications/read", {
      as: company.as.pat,
      body: { ids: [page1.body.items[0].id] },
    });
    expect(foreign.status).toBe(200);
    const unread = page1.body.unreadCount as number;
    expect((await server.request("GET", "/notifications", { as: company.as.sam })).body.unreadCount).toBe(
      unread,
    );
    const one = await server.request("POST", "/notifications/read", {
      as: company.as.sam,
      body: { ids: [page1.body.items[0].id] },
    });
    expect(one.body.unreadCount).toBe(unread - 1);
    const all = await server.request("POST", "/notifications/read", {
      as: company.as.sam,
      body: { all: true },
    });
    expect(all.body.unreadCount).toBe(0);
    const bad = await server.request("POST", "/notifications/read", {
      as: company.as.sam,
      body: { ids: [] },
    });
    expect(bad.status).toBe(400);
  });

  it("emails the approver in their language, once, through the SMTP server", async () => {
    await submit(company.as.pat, "Deploys stop waking people up");
    await sweep();
    const sent = await mail.next("eve@acme.test");
    expect(sent.subject).toBe("Pat Platform submitted “Deploys stop waking people up” for your approval");
    expect(sent.text).toContain("/objectives/");
    expect(sent.html).toContain("Deploys stop waking people up");
    await sweep();
    await expect(mail.next("eve@acme.test", 300)).rejects.toThrow();
  });

  it("keeps each person's choices: a channel off, quiet hours, and refuses what cannot be switched off", async () => {
    const initial = await server.request("GET", "/me/notification-settings", { as: company.as.eve });
    expect(initial.body.kinds.comment).toEqual({ inApp: true, email: true, chat: true });
    expect(initial.body.quietHours).toBeNull();
    const refused = await server.request("PUT", "/me/notification-settings", {
      as: { ...company.as.eve, locale: "zh-CN" },
      body: { kinds: { mention: { inApp: false } } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("notification.in_app_required");
    expect(refused.body.error.message).toContain("通知列表");
    const badHours = await server.request("PUT", "/me/notification-settings", {
      as: { ...company.as.eve, locale: "zh-CN" },
      body: { quietHours: { start: "25:00", end: "07:00" } },
    });
    expect(badHours.status).toBe(400);
    expect(JSON.stringify(badHours.body)).toContain("HH:MM");
    const saved = await server.request("PUT", "/me/notification-settings", {
      as: company.as.eve,
      body: { kinds: { approval_requested: { email: false } } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.kinds.approval_requested).toEqual({ inApp: true, email: false, chat: true });
    expect(saved.body.kinds.comment.email).toBe(true);
    await submit(company.as.pat, "Builds under ten minutes");
    await sweep();
    await expect(mail.next("eve@acme.test", 300)).rejects.toThrow();
    // The in-app notice still came.
    const list = await server.request("GET", "/notifications", { as: company.as.eve });
    expect(list.body.items[0].subject.title).toBe("Builds under ten minutes");
    await server.request("PUT", "/me/notification-settings", {
      as: company.as.eve,
      body: { kinds: { approval_requested: { email: true } } },
    });
  });

  it("holds emails during quiet hours on the organization's clock and sends them when they end", async () => {
    await sweep();
    await takeAll("sam@acme.test");
    // The test clock reads 2027-04-15T02:00Z: 10:00 in Shanghai.
    await server.request("PUT", "/me/notification-settings", {
      as: company.as.sam,
      body: { quietHours: { start: "09:00", end: "11:30" } },
    });
    await submit(company.as.sue, "Open two new cities");
    await sweep();
    await expect(mail.next("sam@acme.test", 300)).rejects.toThrow();
    const waiting = await server.request("GET", "/notification-deliveries?status=pending", {
      as: company.owner,
    });
    expect(waiting.body.items[0]).toMatchObject({
      channel: "email",
      nextAttemptAt: "2027-04-15T03:30:00.000Z",
    });
    server.clock.advance(90 * 60_000);
    await sweep();
    expect((await mail.next("sam@acme.test")).subject).toContain("Open two new cities");
    await server.request("PUT", "/me/notification-settings", {
      as: company.as.sam,
      body: { quietHours: null },
    });
  });

  it("posts to the team's Feishu group, signed, addressed by name, and retries a channel that fails", async () => {
    const feishu = await startChatReceiver("feishu", "feishu-secret", { now: server.clock.now });
    try {
      const created = await server.request("POST", "/integrations", {
        as: company.owner,
        body: {
          kind: "feishu",
          name: "Sales group",
          webhookUrl: feishu.url,
          secret: "feishu-secret",
          departmentId: company.departments.sales,
          events: ["approval_requested"],
        },
      });
      expect(created.status).toBe(201);
      await submit(company.as.sue, "Sell in three new provinces");
      // Engineering's approvals do not reach the Sales group.
      await submit(company.as.pat, "Faster builds for everyone");
      await sweep();
      const [message] = await feishu.waitFor(1);
      expect(message?.verdict).toBe("ok");
      const text = JSON.stringify(message?.body);
      expect(text).toContain("@Sam Sales: Sue Seller submitted");
      expect(text).toContain("Sell in three new provinces");
      expect(text).toContain("/objectives/");
      await sweep();
      expect(feishu.received).toHaveLength(1);
    } finally {
      await feishu.close();
    }
    // The receiver is gone: the next message fails, waits 10 s, and is tried again.
    await submit(company.as.sue, "Sell to two new industries");
    await sweep();
    const pending = await server.request("GET", "/notification-deliveries?status=pending", {
      as: company.owner,
    });
    const chat = pending.body.items.find((d: { channel: string }) => d.channel === "chat");
    expect(chat).toMatchObject({ attempts: 1 });
    expect(chat.lastError).toBeTruthy();
    expect(Date.parse(chat.nextAttemptAt) - server.clock.now().getTime()).toBe(10_000);
    // After the last retry it stays failed, with its reason, for the admin to see.
    for (const wait of [10_000, 60_000, 300_000, 1_800_000, 7_200_000]) {
      server.clock.advance(wait);
      await sweep();
    }
    const failed = await server.request("GET", "/notification-deliveries?status=failed", {
      as: company.owner,
    });
    expect(failed.body.items.find((d: { id: string }) => d.id === chat.id)).toMatchObject({ attempts: 6 });
    // The same attempts, as Prometheus counts them (GET /metrics).
    const counted = (await contextOf(server.app).metrics.deliveries.get()).values
      .filter((v) => v.labels.channel === "chat")
      .map((v) => [v.labels.outcome, v.value]);
    expect(Object.fromEntries(counted)).toEqual({ sent: 1, retry: 5, failed: 1 });
    server.clock.advance(-(10_000 + 60_000 + 300_000 + 1_800_000 + 7_200_000));
  });

  it("shows the outbox to admins only", async () => {
    const denied = await server.request("GET", "/notification-deliveries", { as: company.as.sue });
    expect(denied.status).toBe(403);
    const sent = await server.request("GET", "/notification-deliveries?status=sent", { as: company.as.ada });
    expect(sent.status).toBe(200);
    expect(sent.body.items.length).toBeGreaterThan(0);
    expect(sent.body.items.every((d: { status: string }) => d.status === "sent")).toBe(true);
  });

  it("streams a notification live, and replays what was missed after Last-Event-ID", async () => {
    const address = await server.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (server.app.server.address() as AddressInfo).port;
    expect(address).toContain(String(port));
    const stream = await openStream(port, company.as.sam.cookie ?? "");
    await submit(company.as.sue, "Keep every customer we have");
    const live = await stream.nextEvent("notification");
    expect(JSON.parse(live.data)).toMatchObject({
      kind: "approval_requested",
      subject: { title: "Keep every customer we have" },
    });
    stream.close();
    await submit(company.as.sue, "Missed while offline");
    const again = await openStream(port, company.as.sam.cookie ?? "", live.id);
    const replayed = await again.nextEvent("notification");
    expect(JSON.parse(replayed.data).subject.title).toBe("Missed while offline");
    again.close();
  });
});

type SseEvent = { id: string; event: string; data: string };

/** A minimal SSE reader over node:http, as a browser's EventSource reads the stream. */
async function openStream(port: number, cookie: string, lastEventId?: string) {
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      path: "/api/v1/events",
      headers: {
        cookie,
        accept: "text/event-stream",
        ...(lastEventId ? { "last-event-id": lastEventId } : {}),
      },
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toContain("text/event-stream");
  let buffer = "";
  response.setEncoding("utf8");
  response.on("data", (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split("\n")
          .filter((line) => line && !line.startsWith(":"))
          .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
      );
      if (fields.event) events.push({ id: fields.id ?? "", event: fields.event, data: fields.data ?? "" });
      for (const wake of waiters) wake();
      end = buffer.indexOf("\n\n");
    }
  });
  let taken = 0;
  return {
    nextEvent: (type: string, timeoutMs = 5_000) =>
      new Promise<SseEvent>((resolve, reject) => {
        const check = () => {
          const index = events.findIndex((e, i) => i >= taken && e.event === type);
          if (index < 0) return false;
          taken = index + 1;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(events[index] as SseEvent);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${type} event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => response.destroy(),
  };
}

describe.skipIf(!testDialects().includes("postgres"))(
  "live events across two instances on PostgreSQL",
  () => {
    let server: TestServer;
    let company: Awaited<ReturnType<typeof buildCompany>>;

    beforeAll(async () => {
      server = await startTestServer("postgres", undefined, {
        config: { databaseUrl: process.env.LUODI_TEST_DATABASE_URL },
      });
      company = await buildCompany(server);
      await server.request("PATCH", "/org", {
        as: company.owner,
        body: { settings: { approvalRequired: true } },
      });
    });
    afterAll(async () => server.close());

    it("streams from one instance what was written through the other", async () => {
      const other = await buildApp(contextOf(server.app).config, { database: server.db });
      try {
        await other.listen({ port: 0, host: "127.0.0.1" });
        const port = (other.server.address() as AddressInfo).port;
        const stream = await openStream(port, company.as.sam.cookie ?? "");
        // The submission goes through the first instance; Sam's stream is open on the second.
        const created = await server.request("POST", "/objectives", {
          as: company.as.sue,
          body: {
            cycleId: company.cycles.quarter,
            level: "personal",
            title: "Heard on the other instance",
            keyResults: [{ title: "Deals from 0 to 5", type: "number", startValue: 0, targetValue: 5 }],
          },
        });
        await server.request("POST", `/objectives/${created.body.id}/submit`, { as: company.as.sue });
        const event = await stream.nextEvent("notification");
        expect(JSON.parse(event.data).subject.title).toBe("Heard on the other instance");
        stream.close();
      } finally {
        await other.close();
      }
    });
  },
);
