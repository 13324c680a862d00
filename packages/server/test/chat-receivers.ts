import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { IntegrationKind } from "@luodi/core";

/*
 * Stand-ins for the chat platforms' incoming webhooks, on 127.0.0.1, for tests (servers started with
 * ALLOW_PRIVATE_WEBHOOKS). Each checks a message the way its platform documents it — the path with its
 * token, the JSON shape of the card, the signature recomputed from the secret (Feishu in the body, DingTalk
 * in the query, both within an hour of now) — and answers like the platform: Feishu, DingTalk and WeCom
 * with HTTP 200 and a non-zero `code`/`errcode` when they refuse, Slack and Teams with a 4xx status.
 * Nothing here shares code with the server's formatters: the algorithms are written again from the
 * platforms' documentation, so a mistake in one is not repeated in the other.
 */

/** One message a receiver got, with what it made of it. */
type ReceivedChatMessage = {
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body (null when it was not JSON). */
  body: unknown;
  raw: string;
  /** `ok` when the platform would have posted it; otherwise why it would not. */
  verdict: "ok" | "bad_signature" | "bad_request";
  problems: string[];
};

export type ChatReceiver = {
  /** The webhook URL to configure, with the platform's path and token. */
  url: string;
  received: ReceivedChatMessage[];
  /** Waits until `count` messages have arrived (dispatch may be asynchronous). */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedChatMessage[]>;
  close: () => Promise<void>;
};

type Verdict = { verdict: ReceivedChatMessage["verdict"]; problems: string[] };
type Reply = { status: number; body: string; type?: string };
// biome-ignore lint/suspicious/noExplicitAny: the receivers read untrusted JSON loosely and check each field
type Json = any;

const isHttpUrl = (value: unknown) => typeof value === "string" && /^https?:\/\//.test(value);
const isText = (value: unknown) => typeof value === "string" && value.length > 0;

/** Feishu 签名校验: base64(HmacSHA256 with key `timestamp + "\n" + secret` over no data). */
function feishuSignatureOf(timestamp: string, secret: string): string {
  return createHmac("sha256", Buffer.from(`${timestamp}\n${secret}`, "utf8"))
    .update(Buffer.alloc(0))
    .digest("base64");
}

/** DingTalk 加签: base64(HmacSHA256 with key `secret` over `timestamp + "\n" + secret`), URL-encoded in the query. */
function dingtalkSignatureOf(timestamp: string, secret: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`${timestamp}\n${secret}`, "utf8"))
    .digest("base64");
}

function checkFeishuCard(body: Json, problems: string[]): void {
  if (body?.msg_type !== "interactive") problems.push(`msg_type ${body?.msg_type}`);
  const card = body?.card;
  if (card?.header?.title?.tag !== "plain_text" || !isText(card?.header?.title?.content))
    problems.push("card.header.title");
  if (!Array.isArray(card?.elements) || card.elements.length === 0) problems.push("card.elements");
  for (const element of card?.elements ?? []) {
    if (element?.tag === "div") {
      if (
        !["lark_md", "plain_text"].includes(element?.text?.tag) ||
        typeof element?.text?.content !== "string"
      )
        problems.push("div.text");
    } else if (element?.tag === "action") {
      for (const action of element?.actions ?? []) {
        if (action?.tag !== "button" || action?.text?.tag !== "plain_text" || !isText(action?.text?.content))
          problems.push("action button text");
        if (!isHttpUrl(action?.url)) problems.push("action button url");
        if (!["default", "primary", "danger"].includes(action?.type)) problems.push("action button type");
      }
    } else problems.push(`element tag ${element?.tag}`);
  }
}

function feishu(secret: string | undefined, now: () => Date) {
  return (body: Json, _query: Record<string, string>): Verdict & { reply: Reply } => {
    if (secret) {
      const timestamp = body?.timestamp;
      const fresh =
        typeof timestamp === "string" &&
        /^\d+$/.test(timestamp) &&
        Math.abs(now().getTime() / 1000 - Number(timestamp)) <= 3600;
      if (!fresh || body?.sign !== feishuSignatureOf(timestamp, secret)) {
        return {
          verdict: "bad_signature",
          problems: [fresh ? "sign" : "timestamp"],
          reply: json(200, { code: 19021, msg: "sign match fail" }),
        };
      }
    }
    const problems: string[] = [];
    checkFeishuCard(body, problems);
    if (problems.length > 0)
      return {
        verdict: "bad_request",
        problems,
        reply: json(200, { code: 9499, msg: "Bad Request", data: {} }),
      };
    return {
      verdict: "ok",
      problems,
      reply: json(200, { StatusCode: 0, StatusMessage: "success", code: 0, data: {}, msg: "success" }),
    };
  };
}

function dingtalk(secret: string | undefined, now: () => Date) {
  return (body: Json, query: Record<string, string>): Verdict & { reply: Reply } => {
    if (secret) {
      const timestamp = query.timestamp ?? "";
      const fresh = /^\d+$/.test(timestamp) && Math.abs(now().getTime() - Number(timestamp)) <= 3_600_000;
      // The query was URL-decoded when it was parsed: `sign` is the base64 text again.
      if (!fresh || query.sign !== dingtalkSignatureOf(timestamp, secret)) {
        return {
          verdict: "bad_signature",
          problems: [fresh ? "sign" : "timestamp"],
          reply: json(200, { errcode: 310000, errmsg: "sign not match" }),
        };
      }
    }
    const problems: string[] = [];
    if (body?.msgtype === "actionCard") {
      const card = body.actionCard;
      if (!isText(card?.title)) problems.push("actionCard.title");
      if (!isText(card?.text)) problems.push("actionCard.text");
      if (!(isText(card?.singleTitle) && isHttpUrl(card?.singleURL)) && !Array.isArray(card?.btns))
        problems.push("actionCard.singleTitle/singleURL");
    } else if (body?.msgtype === "markdown") {
      if (!isText(body.markdown?.title) || !isText(body.markdown?.text)) problems.push("markdown");
    } else problems.push(`msgtype ${body?.msgtype}`);
    if (problems.length > 0)
      return {
        verdict: "bad_request",
        problems,
        reply: json(200, { errcode: 400105, errmsg: "不支持的消息类型" }),
      };
    return { verdict: "ok", problems, reply: json(200, { errcode: 0, errmsg: "ok" }) };
  };
}

function wecom() {
  return (body: Json): Verdict & { reply: Reply } => {
    if (body?.msgtype !== "markdown" || typeof body?.markdown?.content !== "string")
      return {
        verdict: "bad_request",
        problems: [`msgtype ${body?.msgtype}`],
        reply: json(200, { errcode: 40008, errmsg: "invalid message type" }),
      };
    if (Buffer.byteLength(body.markdown.content, "utf8") > 4096)
      return {
        verdict: "bad_request",
        problems: ["markdown.content over 4096 bytes"],
        reply: json(200, { errcode: 40058, errmsg: "markdown.content exceed max length 4096" }),
      };
    return { verdict: "ok", problems: [], reply: json(200, { errcode: 0, errmsg: "ok" }) };
  };
}

function slack() {
  return (body: Json): Verdict & { reply: Reply } => {
    const problems: string[] = [];
    if (!isText(body?.text) && !Array.isArray(body?.blocks)) problems.push("no text");
    for (const block of body?.blocks ?? []) {
      if (block?.type === "header") {
        if (
          block?.text?.type !== "plain_text" ||
          !isText(block?.text?.text) ||
          [...block.text.text].length > 150
        )
          problems.push("header.text");
      } else if (block?.type === "section") {
        if (
          !["mrkdwn", "plain_text"].includes(block?.text?.type) ||
          [...(block?.text?.text ?? "")].length > 3000
        )
          problems.push("section.text");
      } else if (block?.type === "actions") {
        for (const element of block?.elements ?? []) {
          if (
            element?.type !== "button" ||
            element?.text?.type !== "plain_text" ||
            !isText(element?.text?.text)
          )
            problems.push("button.text");
          if (!isHttpUrl(element?.url)) problems.push("button.url");
        }
      } else problems.push(`block type ${block?.type}`);
    }
    if (problems.length > 0)
      return {
        verdict: "bad_request",
        problems,
        reply: { status: 400, body: "invalid_blocks", type: "text/plain" },
      };
    return { verdict: "ok", problems, reply: { status: 200, body: "ok", type: "text/html" } };
  };
}

function teams() {
  return (body: Json): Verdict & { reply: Reply } => {
    const problems: string[] = [];
    const attachment = body?.attachments?.[0];
    if (body?.type !== "message") problems.push(`type ${body?.type}`);
    if (attachment?.contentType !== "application/vnd.microsoft.card.adaptive") problems.push("contentType");
    if (attachment?.contentUrl !== null) problems.push("contentUrl");
    const card = attachment?.content;
    if (card?.type !== "AdaptiveCard" || !isText(card?.version)) problems.push("content.type/version");
    if (card?.$schema !== "http://adaptivecards.io/schemas/adaptive-card.json")
      problems.push("content.$schema");
    if (
      !Array.isArray(card?.body) ||
      card.body.some((element: Json) => element?.type !== "TextBlock" || !isText(element?.text))
    )
      problems.push("content.body");
    for (const action of card?.actions ?? []) {
      if (action?.type !== "Action.OpenUrl" || !isText(action?.title) || !isHttpUrl(action?.url))
        problems.push("content.actions");
    }
    if (problems.length > 0) {
      return {
        verdict: "bad_request",
        problems,
        reply: json(400, {
          error: { code: "InvalidRequestContent", message: `Invalid card: ${problems.join(", ")}` },
        }),
      };
    }
    return { verdict: "ok", problems, reply: { status: 202, body: "" } };
  };
}

function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), type: "application/json; charset=utf-8" };
}

/** Each platform's webhook path and the token it carries (what the platform would give an admin). */
function webhookPathOf(kind: IntegrationKind, token: string): string {
  switch (kind) {
    case "feishu":
      return `/open-apis/bot/v2/hook/${token}`;
    case "dingtalk":
      return `/robot/send?access_token=${token}`;
    case "wecom":
      return `/cgi-bin/webhook/send?key=${token}`;
    case "slack":
      return `/services/T0LUODI/B0LUODI/${token}`;
    case "teams":
      return `/workflows/${token}/triggers/manual/paths/invoke?api-version=1&sig=${token}`;
  }
}

/**
 * Starts a receiver of one platform on 127.0.0.1; with `secret`, it checks signatures as the platform does
 * with that secret set (Feishu and DingTalk), within an hour of `options.now` (the real clock by default).
 */
export async function startChatReceiver(
  kind: IntegrationKind,
  secret?: string,
  options: { now?: () => Date } = {},
): Promise<ChatReceiver> {
  const now = options.now ?? (() => new Date());
  const token = randomUUID().replaceAll("-", "");
  const handlers = {
    feishu: feishu(secret, now),
    dingtalk: dingtalk(secret, now),
    wecom: wecom(),
    slack: slack(),
    teams: teams(),
  };
  const received: ReceivedChatMessage[] = [];
  const waiters: Array<() => void> = [];
  const expected = new URL(`http://x${webhookPathOf(kind, token)}`);

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const url = new URL(request.url ?? "/", "http://x");
      const query = Object.fromEntries(url.searchParams);
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      let outcome: Verdict & { reply: Reply };
      const tokenOk =
        url.pathname === expected.pathname &&
        [...expected.searchParams].every(([key, value]) => query[key] === value);
      if (request.method !== "POST" || !tokenOk) {
        outcome = {
          verdict: "bad_request",
          problems: ["method or token"],
          reply: json(404, { error: "not found" }),
        };
      } else if (
        !String(request.headers["content-type"] ?? "").startsWith("application/json") ||
        body === null
      ) {
        outcome = { verdict: "bad_request", problems: ["not JSON"], reply: json(400, { error: "not JSON" }) };
      } else outcome = handlers[kind](body, query);
      received.push({
        path: url.pathname,
        query,
        headers: request.headers,
        body,
        raw,
        verdict: outcome.verdict,
        problems: outcome.problems,
      });
      const { reply } = outcome;
      response.writeHead(reply.status, reply.type ? { "content-type": reply.type } : {});
      response.end(reply.body);
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${webhookPathOf(kind, token)}`,
    received,
    waitFor: async (count, timeoutMs = 5_000) => {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = until - Date.now();
        if (left <= 0) throw new Error(`${kind} receiver got ${received.length} of ${count} messages`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    // Closing twice is harmless (a test may close one early to see a refused connection).
    close: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
