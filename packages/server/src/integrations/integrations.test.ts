import type { IntegrationKind } from "@luodi/core";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatReceiver, startChatReceiver } from "../../test/chat-receivers.ts";
import { buildCompany, setupOrganization } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import { OrgGenerations } from "../services/org-generations.ts";
import { OrgGraphCache } from "../services/org-graph-cache.ts";
import { integrationsFor } from "./send-chat-message.ts";

/** A public address written as an address, so no test needs DNS. */
const FEISHU_HOOK = "https://101.126.14.10/open-apis/bot/v2/hook/7c1e-secret-token";
const SECRET = "feishu-signing-secret";

describe.each(testDialects())("chat channels (integrations) on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  const create = (body: Record<string, unknown>, as: Credentials = company.owner) =>
    server.request("POST", "/integrations", { as, body });
  /** An organization-wide Slack channel for the digest; its id. */
  const slackChannel = async (name: string) =>
    (await create({ kind: "slack", name, webhookUrl: "https://34.226.36.59/x", events: ["digest"] })).body
      .id as string;

  it("lets an admin add, list, change and remove a channel, never answering its secret or whole URL", async () => {
    const created = await create({
      kind: "feishu",
      name: "OKR 群",
      webhookUrl: FEISHU_HOOK,
      secret: SECRET,
      events: ["kr_at_risk", "mention", "mention"],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      kind: "feishu",
      name: "OKR 群",
      webhookUrlMasked: "https://101.126.14.10/…",
      hasSecret: true,
      departmentId: null,
      events: ["mention", "kr_at_risk"],
      enabled: true,
      createdAt: "2027-04-15T02:00:00.000Z",
      updatedAt: "2027-04-15T02:00:00.000Z",
    });
    const id = created.body.id as string;

    const listed = await server.request("GET", "/integrations", { as: company.as.ada });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([created.body]);

    server.clock.advance(60_000);
    const changed = await server.request("PATCH", `/integrations/${id}`, {
      as: company.as.ada,
      body: { name: "Leadership", enabled: false, departmentId: company.departments.engineering },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: "Leadership",
      enabled: false,
      departmentId: company.departments.engineering,
      hasSecret: true,
      webhookUrlMasked: "https://101.126.14.10/…",
      updatedAt: "2027-04-15T02:01:00.000Z",
    });

    const withoutSecret = await server.request("PATCH", `/integrations/${id}`, {
      as: company.owner,
      body: { secret: null },
    });
    expect(withoutSecret.body.hasSecret).toBe(false);
    await server.request("PATCH", `/integrations/${id}`, {
      as: company.owner,
      body: { secret: `${SECRET}-2` },
    });
    // A platform that signs nothing keeps no secret.
    const slack = await server.request("PATCH", `/integrations/${id}`, {
      as: company.owner,
      body: { kind: "slack", webhookUrl: "https://34.226.36.59/services/T/B/slack-token" },
    });
    expect(slack.body).toMatchObject({
      kind: "slack",
      hasSecret: false,
      webhookUrlMasked: "https://34.226.36.59/…",
    });

    for (const answer of [created, listed, changed, withoutSecret, slack]) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain("secret-token");
      expect(text).not.toContain("slack-token");
    }

    // Every write is in the change log, which keeps neither the secret nor the URL's token.
    const audit = await server.db.db
      .selectFrom("auditLog")
      .selectAll()
      .where("entityType", "=", "integration")
      .where("entityId", "=", id)
      .orderBy("createdAt")
      .orderBy("id")
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      "integration.create",
      "integration.update",
      "integration.update",
      "integration.update",
      "integration.update",
    ]);
    expect(JSON.parse(audit[3]?.after ?? "{}")).toMatchObject({ hasSecret: true });
    const logged = JSON.stringify(audit);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain("token");

    const removed = await server.request("DELETE", `/integrations/${id}`, { as: company.owner });
    expect(removed.status).toBe(204);
    expect((await server.request("GET", "/integrations", { as: company.owner })).body).toEqual([]);
    for (const [method, path] of [
      ["PATCH", `/integrations/${id}`],
      ["DELETE", `/integrations/${id}`],
      ["POST", `/integrations/${id}/test`],
    ] as const) {
      const gone = await server.request(method, path, {
        as: company.owner,
        ...(method === "PATCH" ? { body: { name: "x" } } : {}),
      });
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe("integration.not_found");
    }
  });

  it("is for admins only: members are refused every read and write", async () => {
    const id = await slackChannel("All");
    for (const as of [company.as.sam, company.as.sue]) {
      for (const [method, path, body] of [
        ["GET", "/integrations", undefined],
        [
          "POST",
          "/integrations",
          { kind: "slack", name: "Mine", webhookUrl: "https://34.226.36.59/y", events: ["digest"] },
        ],
        ["PATCH", `/integrations/${id}`, { name: "Mine" }],
        ["DELETE", `/integrations/${id}`, undefined],
        ["POST", `/integrations/${id}/test`, undefined],
      ] as const) {
        const refused = await server.request(method, path, { as, ...(body ? { body } : {}) });
        expect(refused.status, `${method} ${path}`).toBe(403);
        expect(refused.body.error.code).toBe("permission.denied");
      }
    }
    expect((await server.request("GET", "/integrations", { as: company.owner })).body).toHaveLength(1);
    await server.request("DELETE", `/integrations/${id}`, { as: company.owner });
  });

  it.each([
    "http://127.0.0.1:8080/hook",
    "http://10.0.0.8/hook",
    "http://192.168.1.20/hook",
    "http://172.20.0.2/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/hook",
    "http://[fe80::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://localhost:3000/hook",
    "ftp://101.126.14.10/hook",
    "file:///etc/passwd",
  ])("refuses the webhook %s with 422, in the caller's language", async (webhookUrl) => {
    const refused = await create(
      { kind: "wecom", name: "内网", webhookUrl, events: ["mention"] },
      {
        ...company.owner,
        locale: "zh-CN",
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("integration.webhook_forbidden");
    expect(refused.body.error.message).toBe(
      "Webhook 地址必须是公网上的 http 或 https 地址；本机、内网和云服务器元数据地址一律不允许。",
    );
    expect(refused.body.error.details).toEqual([{ path: "webhookUrl", message: refused.body.error.message }]);
  });

  it("refuses a private webhook on a change too, and keeps the channel as it was", async () => {
    const id = await slackChannel("Sales");
    const before = (await server.request("GET", "/integrations", { as: company.owner })).body;
    const refused = await server.request("PATCH", `/integrations/${id}`, {
      as: company.owner,
      body: { webhookUrl: "http://10.1.1.1/hook" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/public internet/);
    expect((await server.request("GET", "/integrations", { as: company.owner })).body).toEqual(before);
    await server.request("DELETE", `/integrations/${id}`, { as: company.owner });
  });

  it("refuses a secret for a platform that signs nothing, an unknown department and bad input", async () => {
    const secret = await create({
      kind: "wecom",
      name: "WeCom",
      webhookUrl: "https://101.91.0.1/cgi-bin/webhook/send?key=k",
      secret: "s",
      events: ["digest"],
    });
    expect(secret.status).toBe(422);
    expect(secret.body.error.code).toBe("integration.secret_not_supported");
    const department = await create({
      kind: "slack",
      name: "Nowhere",
      webhookUrl: "https://34.226.36.59/x",
      departmentId: "no-such-department",
      events: ["digest"],
    });
    expect(department.status).toBe(404);
    expect(department.body.error.details[0].path).toBe("departmentId");
    for (const body of [
      { kind: "telegram", name: "T", webhookUrl: "https://34.226.36.59/x", events: ["digest"] },
      { kind: "slack", name: "T", webhookUrl: "https://34.226.36.59/x", events: [] },
      { kind: "slack", name: "T", webhookUrl: "https://34.226.36.59/x", events: ["weather"] },
      { kind: "slack", name: "", webhookUrl: "https://34.226.36.59/x", events: ["digest"] },
      { kind: "slack", name: "T", webhookUrl: "https://34.226.36.59/x", events: ["digest"], extra: 1 },
    ]) {
      const refused = await create(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe("request.invalid");
    }
    expect((await server.request("GET", "/integrations", { as: company.owner })).body).toEqual([]);
  });

  it("picks the enabled channels of a kind for an event's department: its own, those above, the org's", async () => {
    const { engineering, platform, sales } = company.departments;
    const add = async (name: string, departmentId: string | null, events: string[], enabled = true) =>
      (
        await create({
          kind: "slack",
          name,
          webhookUrl: `https://34.226.36.59/services/${name}`,
          departmentId,
          events,
          enabled,
        })
      ).body.id as string;
    const everyone = await add("everyone", null, ["mention", "phase_changed"]);
    const eng = await add("engineering", engineering, ["mention", "kr_at_risk"]);
    await add("sales-off", sales, ["mention"], false);
    await add("platform-digest", platform, ["digest"]);
    const ctx = { db: server.db.db, graphs: new OrgGraphCache(new OrgGenerations()) };
    const names = async (kind: "mention" | "kr_at_risk" | "phase_changed", departmentId: string | null) =>
      (await integrationsFor(ctx, company.orgId, kind, departmentId)).map((row) => row.id);
    expect(await names("mention", platform)).toEqual([everyone, eng]);
    expect(await names("mention", engineering)).toEqual([everyone, eng]);
    expect(await names("mention", sales)).toEqual([everyone]);
    expect(await names("mention", null)).toEqual([everyone]);
    expect(await names("kr_at_risk", platform)).toEqual([eng]);
    expect(await names("phase_changed", sales)).toEqual([everyone]);
    // Another organization's channels are never picked.
    expect(await integrationsFor(ctx, "another-org", "mention", null)).toEqual([]);
  });
});

describe.each(testDialects())("test messages to local receivers on %s", (dialect) => {
  let server: TestServer;
  let owner: Credentials;
  const receivers: ChatReceiver[] = [];
  beforeAll(async () => {
    server = await startTestServer(dialect, undefined, {
      config: { allowPrivateWebhooks: true, publicUrl: "https://okr.example.com" },
    });
    ({ owner } = await setupOrganization(server, "zh-CN"));
  });
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await server.close();
  });

  const receiver = async (kind: IntegrationKind, secret?: string) => {
    const started = await startChatReceiver(kind, secret, { now: server.clock.now });
    receivers.push(started);
    return started;
  };
  const channel = async (kind: IntegrationKind, webhookUrl: string, secret?: string) => {
    const created = await server.request("POST", "/integrations", {
      as: owner,
      body: { kind, name: `${kind} 群`, webhookUrl, events: ["mention"], ...(secret ? { secret } : {}) },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const test = (id: string) => server.request("POST", `/integrations/${id}/test`, { as: owner });

  it.each([
    ["feishu", "feishu-secret"],
    ["dingtalk", "SEC0123456789abcdef"],
    ["wecom", undefined],
    ["slack", undefined],
    ["teams", undefined],
  ] as const)(
    "posts a %s test card the receiver accepts, in the organization's language",
    async (kind, secret) => {
      const target = await receiver(kind, secret);
      const id = await channel(kind, target.url, secret);
      const result = await test(id);
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ ok: true, status: kind === "teams" ? 202 : 200 });
      expect(target.received).toHaveLength(1);
      const [got] = target.received;
      expect(got?.problems).toEqual([]);
      expect(got?.verdict).toBe("ok");
      expect(got?.raw).toContain("落地测试消息");
      expect(got?.raw).toContain("在落地中查看");
      expect(got?.raw).toContain("https://okr.example.com/admin?tab=integrations");
      if (secret) expect(got?.raw).not.toContain(secret);
    },
  );

  it("reports the platform's refusal of a wrong signature (200, ok: false), and its error", async () => {
    const target = await receiver("feishu", "the-right-secret");
    const id = await channel("feishu", target.url, "a-wrong-secret");
    const result = await test(id);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: false, status: 200, error: "19021 sign match fail" });
    expect(target.received[0]?.verdict).toBe("bad_signature");

    const ding = await receiver("dingtalk", "SEC-right");
    const dingResult = await test(await channel("dingtalk", ding.url, "SEC-wrong"));
    expect(dingResult.body).toEqual({ ok: false, status: 200, error: "310000 sign not match" });
  });

  it("writes the test message in English once the organization speaks English", async () => {
    await server.request("PATCH", "/org", { as: owner, body: { locale: "en" } });
    const target = await receiver("slack");
    const result = await test(await channel("slack", target.url));
    expect(result.body.ok).toBe(true);
    expect(target.received[0]?.raw).toContain("Luodi test message");
    expect(target.received[0]?.raw).toContain("Open in Luodi");
    await server.request("PATCH", "/org", { as: owner, body: { locale: "zh-CN" } });
  });

  it("says why a message did not arrive: a receiver that is gone, an unknown channel", async () => {
    const target = await receiver("wecom");
    const id = await channel("wecom", target.url);
    await target.close();
    const result = await test(id);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ ok: false, error: "network error: ECONNREFUSED" });
    const unknown = await test("no-such-channel");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("integration.not_found");
    expect(unknown.body.error.message).toBe("消息集成不存在。");
  });
});
