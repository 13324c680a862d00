import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testDialects } from "@luodi/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish, salesObjective } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { contextOf } from "../app.ts";

type Received = {
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  verified: boolean;
};

/**
 * A company's receiver on 127.0.0.1, as its developers would write one from api.md: it recomputes the
 * HMAC-SHA256 of the raw body with the shared secret and compares it with `X-Luodi-Signature` in constant
 * time; it answers the statuses it is told to, one per request, then 204.
 */
async function startReceiver(secret: string, statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`);
      const given = Buffer.from(String(request.headers["x-luodi-signature"] ?? ""));
      const verified = given.length === expected.length && timingSafeEqual(given, expected);
      received.push({ headers: request.headers, raw, body: JSON.parse(raw), verified });
      response.statusCode = statuses.shift() ?? 204;
      response.end(response.statusCode >= 400 ? "receiver is down" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/luodi/events`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testDialects())("outbound webhooks on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeEach(async () => {
    server = await startTestServer(dialect, undefined, { config: { allowPrivateWebhooks: true } });
    company = await buildCompany(server);
  });
  afterEach(async () => server.close());

  const sweep = async () => {
    const ctx = contextOf(server.app);
    await ctx.deliveries.idle();
    await ctx.deliveries.sweep();
    await ctx.deliveries.idle();
  };
  const subscribe = async (url: string, events: string[], secret?: string) => {
    const reply = await server.request("POST", "/webhooks", {
      as: company.owner,
      body: { url, events, ...(secret ? { secret } : {}) },
    });
    expect(reply.status).toBe(201);
    return reply.body as { id: string; secret?: string };
  };
  const deliveries = async (webhookId: string) =>
    (await server.request("GET", `/webhooks/${webhookId}/deliveries`, { as: company.owner })).body
      .items as Array<{
      id: string;
      eventId: string;
      event: string;
      status: string;
      attempts: number;
      lastError: string | null;
      redeliveryOf: string | null;
    }>;
  const departmentObjective = async () => {
    const made = await salesObjective(server, company);
    return { id: made.id, kr: made.krs[0] as string };
  };

  it("delivers each subscribed event, signed, once its change is committed — and nothing of a refused one", async () => {
    const secret = "a-shared-secret-of-the-company";
    const receiver = await startReceiver(secret);
    try {
      const hook = await subscribe(
        receiver.url,
        [
          "objective.published",
          "objective.updated",
          "check_in.created",
          "cycle.phase_changed",
          "comment.created",
        ],
        secret,
      );
      expect(hook.secret).toBeUndefined();
      const objective = await departmentObjective();
      await publish(server, company.as.sam, objective.id);
      const edited = await server.request("PATCH", `/objectives/${objective.id}`, {
        as: company.as.sam,
        body: { title: "Key accounts grow with us, quarter after quarter" },
      });
      expect(edited.status).toBe(200);
      await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
      const checkIn = await server.request("POST", `/key-results/${objective.kr}/check-ins`, {
        as: company.as.sam,
        body: { value: 120, confidence: 6 },
      });
      expect(checkIn.status).toBe(201);
      // Refused (confidence out of range): no event.
      const refused = await server.request("POST", `/key-results/${objective.kr}/check-ins`, {
        as: company.as.sam,
        body: { value: 130, confidence: 11 },
      });
      expect(refused.status).toBe(400);
      const comment = await server.request("POST", `/objectives/${objective.id}/comments`, {
        as: company.as.sue,
        body: { body: "Let us start with the top ten accounts." },
      });
      expect(comment.status).toBe(201);
      await sweep();

      expect(receiver.received.every((r) => r.verified)).toBe(true);
      const events = receiver.received.map((r) => r.body.event);
      expect(events).toEqual([
        "objective.published",
        "objective.updated",
        "cycle.phase_changed",
        "cycle.phase_changed",
        "check_in.created",
        "comment.created",
      ]);
      for (const r of receiver.received) {
        expect(r.headers["x-luodi-event"]).toBe(r.body.event);
        expect(r.headers["content-type"]).toMatch(/^application\/json/);
        expect(r.body.organizationId).toBe(company.orgId);
      }
      expect(receiver.received[1]?.body).toMatchObject({
        objectiveId: objective.id,
        change: {
          action: "objective.update",
          after: { title: "Key accounts grow with us, quarter after quarter" },
        },
      });
      const checkInEvent = receiver.received[4]?.body;
      expect(checkInEvent).toMatchObject({
        actorId: company.users.sam,
        subject: { type: "key_result", id: objective.kr },
        objectiveId: objective.id,
        change: { action: "key_result.check_in", after: { confidence: 6 } },
      });
      expect(receiver.received[2]?.body.change).toMatchObject({
        before: { phase: "planning" },
        after: { phase: "aligning" },
      });
      // The log shows each as sent, with the id the receiver saw.
      const log = await deliveries(hook.id);
      expect(log).toHaveLength(6);
      expect(log.every((d) => d.status === "sent" && d.attempts === 1)).toBe(true);
      expect(new Set(receiver.received.map((r) => r.headers["x-luodi-delivery"]))).toEqual(
        new Set(log.map((d) => d.id)),
      );
    } finally {
      await receiver.close();
    }
  });

  it("retries a receiver that answers 500 twice with backoff, and the third delivery succeeds", async () => {
    const receiver = await startReceiver("retry-secret-0123456789", [500, 500]);
    try {
      const hook = await subscribe(receiver.url, ["cycle.phase_changed"], "retry-secret-0123456789");
      await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
      await sweep();
      let [delivery] = await deliveries(hook.id);
      expect(delivery).toMatchObject({
        status: "pending",
        attempts: 1,
        lastError: "HTTP 500: receiver is down",
      });
      // Not before its time: the first retry waits 10 s.
      server.clock.advance(9_000);
      await sweep();
      expect(receiver.received).toHaveLength(1);
      server.clock.advance(1_000);
      await sweep();
      [delivery] = await deliveries(hook.id);
      expect(delivery).toMatchObject({ status: "pending", attempts: 2 });
      server.clock.advance(60_000);
      await sweep();
      [delivery] = await deliveries(hook.id);
      expect(delivery).toMatchObject({ status: "sent", attempts: 3 });
      expect(receiver.received).toHaveLength(3);
      // Three attempts of one delivery: the same id, the same body, each verified.
      expect(new Set(receiver.received.map((r) => r.headers["x-luodi-delivery"])).size).toBe(1);
      expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
      expect(receiver.received.every((r) => r.verified)).toBe(true);

      // Redelivery: the same event and body, as a new delivery.
      const again = await server.request(
        "POST",
        `/webhooks/${hook.id}/deliveries/${delivery?.id}/redeliver`,
        {
          as: company.owner,
        },
      );
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({
        eventId: delivery?.eventId,
        redeliveryOf: delivery?.id,
        status: "pending",
      });
      await sweep();
      expect(receiver.received).toHaveLength(4);
      expect(receiver.received[3]?.raw).toBe(receiver.received[0]?.raw);
      expect(receiver.received[3]?.headers["x-luodi-delivery"]).toBe(again.body.id);
    } finally {
      await receiver.close();
    }
  });

  it("makes a secret when none is given, answers it once, and never again", async () => {
    const receiver = await startReceiver("");
    try {
      const first = await server.request("POST", "/webhooks", {
        as: company.owner,
        body: { url: receiver.url, events: ["objective.published"] },
        headers: { "idempotency-key": "hook-1" },
      });
      expect(first.status).toBe(201);
      expect(first.body.secret).toMatch(/^[0-9a-f]{64}$/);
      const replay = await server.request("POST", "/webhooks", {
        as: company.owner,
        body: { url: receiver.url, events: ["objective.published"] },
        headers: { "idempotency-key": "hook-1" },
      });
      expect(replay.status).toBe(201);
      expect(replay.headers["idempotent-replayed"]).toBe("true");
      expect(replay.body.id).toBe(first.body.id);
      expect(replay.body.secret).toBeUndefined();
      const list = await server.request("GET", "/webhooks", { as: company.owner });
      expect(list.body).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toContain(first.body.secret);
      expect(list.body[0].urlMasked).toBe(
        `${new URL(receiver.url).protocol}//${new URL(receiver.url).host}/…`,
      );
      // The secret signs: a ping verifies with it.
      const ping = await server.request("POST", `/webhooks/${first.body.id}/ping`, { as: company.owner });
      expect(ping.status).toBe(202);
      await sweep();
      const [received] = receiver.received;
      expect(received?.body.event).toBe("ping");
      const expected = `sha256=${createHmac("sha256", first.body.secret)
        .update(received?.raw ?? "")
        .digest("hex")}`;
      expect(received?.headers["x-luodi-signature"]).toBe(expected);
      // The audit log keeps the change, never the secret.
      const audit = await server.request("GET", "/audit?subjectType=webhook", { as: company.owner });
      expect(audit.status).toBe(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain("webhook.create");
      expect(JSON.stringify(audit.body)).not.toContain(first.body.secret);
    } finally {
      await receiver.close();
    }
  });

  it("stops at a removed webhook: what waited fails at once, its log stays", async () => {
    const receiver = await startReceiver("x".repeat(16), [500]);
    try {
      const hook = await subscribe(receiver.url, ["cycle.phase_changed"], "x".repeat(16));
      await advanceCycle(server, company.owner, company.cycles.quarter, "aligning");
      await sweep();
      expect((await server.request("DELETE", `/webhooks/${hook.id}`, { as: company.owner })).status).toBe(
        204,
      );
      server.clock.advance(10_000);
      await sweep();
      expect(receiver.received).toHaveLength(1);
      const outbox = await server.db.db
        .selectFrom("notificationDelivery")
        .select(["status", "lastError"])
        .where("targetId", "=", hook.id)
        .execute();
      expect(outbox).toEqual([{ status: "failed", lastError: "the webhook was removed" }]);
      expect((await server.request("DELETE", `/webhooks/${hook.id}`, { as: company.owner })).status).toBe(
        404,
      );
      expect(
        (await server.request("GET", `/webhooks/${hook.id}/deliveries`, { as: company.owner })).status,
      ).toBe(404);
    } finally {
      await receiver.close();
    }
  });

  it("refuses bad input in the caller's language and changes nothing", async () => {
    const count = async () => (await server.db.db.selectFrom("webhook").select("id").execute()).length;
    const post = (body: unknown, as = company.owner) =>
      server.request("POST", "/webhooks", { as, body, headers: { "accept-language": "zh-CN" } });
    const url = "http://127.0.0.1:9/hook";
    expect((await post({ url, events: [] })).status).toBe(400);
    expect((await post({ url, events: ["objective.deleted"] })).status).toBe(400);
    expect((await post({ url, events: ["objective.published"], secret: "short" })).status).toBe(400);
    expect((await post({ url: "ftp://example.com/x", events: ["objective.published"] })).status).toBe(422);
    const member = await post({ url, events: ["objective.published"] }, company.as.sue);
    expect(member.status).toBe(403);
    expect(member.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await server.request("GET", "/webhooks", { as: company.as.sue })).status).toBe(403);
    expect(await count()).toBe(0);
    for (let i = 0; i < 20; i += 1)
      expect((await post({ url, events: ["objective.published"] })).status).toBe(201);
    const over = await post({ url, events: ["objective.published"] });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe("webhook.limit");
    expect(await count()).toBe(20);
    const unknown = await server.request("POST", "/webhooks/nope/deliveries/nope/redeliver", {
      as: company.owner,
    });
    expect(unknown.status).toBe(404);
  });
});

describe.each(testDialects())("webhooks and the SSRF rule on %s", (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(async () => server.close());

  it("refuses addresses of this machine and private networks unless ALLOW_PRIVATE_WEBHOOKS is set", async () => {
    const company = await buildCompany(server);
    for (const url of [
      "http://127.0.0.1:8080/x",
      "http://10.0.0.8/x",
      "http://169.254.169.254/latest",
      "http://[::1]/x",
    ]) {
      const reply = await server.request("POST", "/webhooks", {
        as: company.owner,
        body: { url, events: ["objective.published"] },
      });
      expect(reply.status).toBe(422);
      expect(reply.body.error).toMatchObject({
        code: "integration.webhook_forbidden",
        details: [{ path: "url" }],
      });
    }
    expect((await server.db.db.selectFrom("webhook").select("id").execute()).length).toBe(0);
  });
});
