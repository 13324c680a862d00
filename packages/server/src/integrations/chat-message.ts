import { createHmac } from "node:crypto";
import type { IntegrationKind, Locale } from "@luodi/core";
import type { ServerConfig } from "../config.ts";
import { CHAT_TEXTS } from "./chat-texts.ts";

/*
 * One message, five chat platforms: each formatter below builds the request its platform documents for an
 * incoming webhook (a card with the title, the text and a button back to Luodi), signs it when the platform
 * signs, and keeps within the platform's size limits. Everything here is pure: the clock is passed in.
 *
 * What people typed (objective titles, comments) goes into each platform's markup escaped, so it cannot
 * become a link, a mention (`<at id=all>`, `<!channel>`, `<@userid>`) or formatting:
 * - Feishu `lark_md`: the markup characters as HTML entities (`&#60;`), as Feishu documents;
 * - Slack `mrkdwn`: `&`, `<`, `>` as `&amp;` `&lt;` `&gt;`, the only escapes Slack has (links, mentions and
 *   `<!channel>` all start with `<`);
 * - Teams Adaptive Cards: CommonMark backslash escapes;
 * - DingTalk and WeCom markdown document no escape at all: the characters that start markup are replaced by
 *   their full-width forms (［］＜＞＊＿｀＃～), which read the same in Chinese text and start nothing.
 * Titles in the platforms' plain-text fields (Feishu's header, Slack's header, buttons) need none.
 */

/** What to say: a title, plain text (may span lines), the page it is about, and the language it is in. */
export type ChatMessage = { title: string; text: string; url: string; locale: Locale };

/** An HTTP request to a webhook: POST `body` (JSON text) to `url` with `headers`. */
export type ChatRequest = { url: string; headers: Record<string, string>; body: string };

/** The stored parts of a channel a request is built from. */
export type ChatTarget = { kind: IntegrationKind; webhookUrl: string; secret: string | null };

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/** The longest text a message carries (before each platform's own limits); longer text is cut with "…". */
const MAX_TEXT = 2000;
const MAX_TITLE = 200;

/** The address of a page of the web app, for links in messages: PUBLIC_URL, else http://localhost:3000. */
export function chatLink(config: Pick<ServerConfig, "publicUrl">, path: string): string {
  return `${(config.publicUrl ?? "http://localhost:3000").replace(/\/+$/, "")}${path}`;
}

/** At most `max` characters (code points), cut with "…". */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** A title on one line. */
function oneLine(text: string): string {
  return clip(text.replace(/\s+/g, " ").trim(), MAX_TITLE);
}

function escapeLarkMd(text: string): string {
  return text.replace(/[&<>*_~`[\]()#|\\!]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

function escapeCommonMark(text: string): string {
  return text.replace(/[\\`*_[\]()<>#~!|]/g, "\\$&");
}

const FULL_WIDTH: Record<string, string> = {
  "[": "［",
  "]": "］",
  "<": "＜",
  ">": "＞",
  "*": "＊",
  _: "＿",
  "`": "｀",
  "#": "＃",
  "~": "～",
};

function neutralizeMarkdown(text: string): string {
  return text.replace(/[[\]<>*_`#~]/g, (c) => FULL_WIDTH[c] ?? c);
}

/** A URL as the target of a markdown link: parentheses and spaces percent-encoded so it cannot end early. */
function markdownLinkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * Feishu/Lark custom bot: an interactive card. With a secret (签名校验): `timestamp` in seconds and `sign` =
 * base64(HMAC-SHA256 keyed with `timestamp + "\n" + secret`, of an empty message), in the body.
 */
function feishuRequest(target: ChatTarget, message: ChatMessage, now: Date): ChatRequest {
  const text = clip(message.text, MAX_TEXT);
  const card = {
    header: { title: { tag: "plain_text", content: oneLine(message.title) }, template: "blue" },
    elements: [
      ...(text ? [{ tag: "div", text: { tag: "lark_md", content: escapeLarkMd(text) } }] : []),
      {
        tag: "action",
        actions: [
          {
            tag: "button",
            text: { tag: "plain_text", content: CHAT_TEXTS[message.locale].open },
            url: message.url,
            type: "primary",
          },
        ],
      },
    ],
  };
  let signature = {};
  if (target.secret) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const sign = createHmac("sha256", `${timestamp}\n${target.secret}`).update("").digest("base64");
    signature = { timestamp, sign };
  }
  return {
    url: target.webhookUrl,
    headers: JSON_HEADERS,
    body: JSON.stringify({ ...signature, msg_type: "interactive", card }),
  };
}

/**
 * DingTalk custom robot: an action card (markdown text and one button). With a secret (加签): `timestamp`
 * in milliseconds and `sign` = urlEncode(base64(HMAC-SHA256 keyed with the secret, of
 * `timestamp + "\n" + secret`)), appended to the webhook URL's query.
 */
function dingtalkRequest(target: ChatTarget, message: ChatMessage, now: Date): ChatRequest {
  const title = oneLine(message.title);
  const text = clip(message.text, MAX_TEXT);
  let url = target.webhookUrl;
  if (target.secret) {
    const timestamp = String(now.getTime());
    const sign = createHmac("sha256", target.secret)
      .update(`${timestamp}\n${target.secret}`)
      .digest("base64");
    url += `${url.includes("?") ? "&" : "?"}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
  }
  const body = {
    msgtype: "actionCard",
    actionCard: {
      title,
      // Markdown paragraphs need a blank line between them.
      text: `### ${neutralizeMarkdown(title)}\n\n${neutralizeMarkdown(text).replace(/\n+/g, "\n\n")}`,
      btnOrientation: "0",
      singleTitle: CHAT_TEXTS[message.locale].open,
      singleURL: message.url,
    },
  };
  return { url, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/** WeCom's limit on a markdown message: 4096 bytes of UTF-8. */
const WECOM_MAX_BYTES = 4096;

/** The longest start of `text` (whole code points) that fits in `bytes` bytes of UTF-8, cut with "…". */
function clipBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let used = Buffer.byteLength("…");
  let kept = "";
  for (const c of text) {
    used += Buffer.byteLength(c);
    if (used > bytes) break;
    kept += c;
  }
  return `${kept}…`;
}

/** WeCom (企业微信) group robot: a markdown message of at most 4096 bytes; no signature. */
function wecomRequest(target: ChatTarget, message: ChatMessage): ChatRequest {
  const head = `**${neutralizeMarkdown(oneLine(message.title))}**\n`;
  const link = `\n[${neutralizeMarkdown(CHAT_TEXTS[message.locale].open)}](${markdownLinkTarget(message.url)})`;
  const room = WECOM_MAX_BYTES - Buffer.byteLength(head) - Buffer.byteLength(link);
  const text = clipBytes(neutralizeMarkdown(clip(message.text, MAX_TEXT)), Math.max(room, 0));
  return {
    url: target.webhookUrl,
    headers: JSON_HEADERS,
    body: JSON.stringify({ msgtype: "markdown", markdown: { content: `${head}${text}${link}` } }),
  };
}

/** Slack incoming webhook: Block Kit (header, section, a button) with `text` as the notification fallback. */
function slackRequest(target: ChatTarget, message: ChatMessage): ChatRequest {
  const title = oneLine(message.title);
  const text = clip(message.text, MAX_TEXT);
  const blocks = [
    // Slack's limit on a header's text is 150 characters.
    { type: "header", text: { type: "plain_text", text: clip(title, 150), emoji: true } },
    ...(text ? [{ type: "section", text: { type: "mrkdwn", text: escapeSlack(text) } }] : []),
    {
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: CHAT_TEXTS[message.locale].open },
          url: message.url,
        },
      ],
    },
  ];
  const fallback = escapeSlack(text ? `${title}: ${text}` : title);
  return { url: target.webhookUrl, headers: JSON_HEADERS, body: JSON.stringify({ text: fallback, blocks }) };
}

/** Microsoft Teams workflow (Power Automate "post to a channel when a webhook request is received"). */
function teamsRequest(target: ChatTarget, message: ChatMessage): ChatRequest {
  const text = clip(message.text, MAX_TEXT);
  const body = [
    {
      type: "TextBlock",
      text: escapeCommonMark(oneLine(message.title)),
      size: "Large",
      weight: "Bolder",
      wrap: true,
    },
    // A TextBlock is markdown: one line break needs a blank line.
    ...(text
      ? [{ type: "TextBlock", text: escapeCommonMark(text).replace(/\n+/g, "\n\n"), wrap: true }]
      : []),
  ];
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body,
    actions: [{ type: "Action.OpenUrl", title: CHAT_TEXTS[message.locale].open, url: message.url }],
  };
  return {
    url: target.webhookUrl,
    headers: JSON_HEADERS,
    body: JSON.stringify({
      type: "message",
      attachments: [
        { contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card },
      ],
    }),
  };
}

/** The request that posts a message to a channel, signed at `now` when its platform signs. */
export function formatChatRequest(target: ChatTarget, message: ChatMessage, now: Date): ChatRequest {
  switch (target.kind) {
    case "feishu":
      return feishuRequest(target, message, now);
    case "dingtalk":
      return dingtalkRequest(target, message, now);
    case "wecom":
      return wecomRequest(target, message);
    case "slack":
      return slackRequest(target, message);
    case "teams":
      return teamsRequest(target, message);
  }
}
