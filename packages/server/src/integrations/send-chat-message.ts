import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isWithinDepartment, type NotificationKind } from "@luodi/core";
import { type IntegrationRow, listIntegrations, readJson } from "@luodi/db";
import type { ServerConfig } from "../config.ts";
import type { AppContext } from "../context.ts";
import { type ChatMessage, type ChatTarget, formatChatRequest } from "./chat-message.ts";
import { checkWebhookUrl, type HostLookup, pinnedLookup, type WebhookRefusal } from "./webhook-guard.ts";

/**
 * How a message went: `ok` when the platform took it; otherwise why not — the HTTP status when one came,
 * and the platform's own error (`19021 sign match fail`), a timeout, a refused address or a network error.
 */
export type ChatDelivery = { ok: true; status: number } | { ok: false; status?: number; error: string };

/** What sending needs: the configuration (its clock signs), and in tests a resolver and a time limit. */
export type ChatDeliveryDeps = {
  config: Pick<ServerConfig, "allowPrivateWebhooks" | "now">;
  /** Resolves webhook host names (node:dns by default). */
  lookup?: HostLookup;
  /** Gives up on a send after this long (default 5 s). */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 5_000;
/** The most of an answer read: platforms answer a few hundred bytes. */
const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * The enabled channels of an organization that take notifications of `kind` about something in
 * `departmentId`: the organization-wide ones, and those whose department is `departmentId` or one above it.
 * An event of the whole organization (`departmentId` null) goes to organization-wide channels only. Inside a
 * transaction pass `{ ...ctx, db: trx }`.
 */
export async function integrationsFor(
  ctx: Pick<AppContext, "db" | "graphs">,
  orgId: string,
  kind: NotificationKind,
  departmentId: string | null,
): Promise<IntegrationRow[]> {
  const rows = (await listIntegrations(ctx.db, orgId, { enabledOnly: true })).filter((row) =>
    readJson(row.events).includes(kind),
  );
  if (rows.every((row) => row.departmentId === null)) return rows;
  const graph = await ctx.graphs.get(ctx.db, orgId);
  return rows.filter(
    (row) =>
      row.departmentId === null ||
      (departmentId !== null && isWithinDepartment(graph, departmentId, row.departmentId)),
  );
}

function refusalText(refusal: WebhookRefusal): string {
  switch (refusal.problem) {
    case "not_http":
      return "refused: the webhook is not an http(s) URL";
    case "unresolved":
      return `host not found: ${refusal.host}`;
    case "forbidden_address":
      return `refused: ${refusal.host} resolves to ${refusal.address}, which is not a public address`;
  }
}

export type Answer = { status: number; text: string };

/** POSTs the request to the checked addresses, without following redirects, within the time limit. */
function post(
  request: { url: URL; headers: Record<string, string>; body: string },
  lookup: ReturnType<typeof pinnedLookup> | undefined,
  timeoutMs: number,
): Promise<Answer> {
  const send = request.url.protocol === "https:" ? httpsRequest : httpRequest;
  const body = Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const outgoing = send(
      request.url,
      {
        method: "POST",
        headers: { ...request.headers, "content-length": String(body.length) },
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
        ...(lookup ? { lookup } : {}),
      },
      (incoming: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on("data", (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            text: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString("utf8"),
          }),
        );
        incoming.on("error", reject);
        // Cut off before its end (the time limit, a dropped connection): no verdict from half an answer.
        incoming.on("close", () => {
          if (!incoming.complete) reject(new Error("the answer was cut off"));
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A short, one-line excerpt of an answer for the admin to read. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * Whether the platform took the message. Feishu, DingTalk and WeCom answer HTTP 200 even when they refuse
 * it, with a non-zero `code` (Feishu) or `errcode` (DingTalk, WeCom) and its message; Slack answers 200
 * `ok`, Teams' workflows 202, and both refuse with a 4xx status.
 */
function verdict(kind: ChatTarget["kind"], answer: Answer): ChatDelivery {
  const { status, text } = answer;
  if (status >= 300 && status < 400)
    return { ok: false, status, error: `redirect not followed (HTTP ${status})` };
  const json = parseJson(text);
  if (status < 200 || status >= 300) {
    const error = json?.error as { message?: unknown } | undefined;
    const detail = typeof error?.message === "string" ? error.message : excerpt(text);
    return { ok: false, status, error: detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}` };
  }
  if (kind === "feishu" || kind === "dingtalk" || kind === "wecom") {
    const code = kind === "feishu" ? (json?.code ?? json?.StatusCode) : json?.errcode;
    const message = kind === "feishu" ? (json?.msg ?? json?.StatusMessage) : json?.errmsg;
    if (code === 0) return { ok: true, status };
    if (code === undefined) return { ok: false, status, error: `unexpected answer: ${excerpt(text)}` };
    return {
      ok: false,
      status,
      error: `${String(code)} ${typeof message === "string" ? message : ""}`.trim(),
    };
  }
  return { ok: true, status };
}

function networkText(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown }).name;
  if (name === "AbortError" || name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return `network error: ${typeof code === "string" ? code : message}`;
}

/**
 * Posts a message to a chat channel in its platform's format: the webhook is checked again right before
 * (DNS may have changed since it was saved) and the connection goes to the addresses checked; redirects
 * are not followed; the send gives up after 5 s. Never throws: the answer says how it went.
 */
export async function sendChatMessage(
  deps: ChatDeliveryDeps,
  integration: ChatTarget,
  message: ChatMessage,
): Promise<ChatDelivery> {
  const request = formatChatRequest(integration, message, deps.config.now());
  const sent = await postToCheckedAddress(deps, request);
  return "answer" in sent ? verdict(integration.kind, sent.answer) : { ok: false, error: sent.error };
}

/**
 * POSTs to a webhook of the company's choosing under the SSRF rule: the address is checked again right
 * before (DNS may have changed since it was saved) and connected to only at the addresses checked;
 * redirects are not followed; it gives up after 5 s. Never throws: the answer, or why there is none.
 */
export async function postToCheckedAddress(
  deps: ChatDeliveryDeps,
  request: { url: string; headers: Record<string, string>; body: string },
): Promise<{ answer: Answer } | { error: string }> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = await checkWebhookUrl(request.url, {
    allowPrivate: deps.config.allowPrivateWebhooks === true,
    lookup: deps.lookup,
  });
  if (!target.ok) return { error: refusalText(target) };
  try {
    // A host name is connected to only at the addresses checked (node:http skips the lookup of an address).
    const answer = await post(
      { url: target.url, headers: request.headers, body: request.body },
      target.addresses ? pinnedLookup(target.addresses) : undefined,
      timeoutMs,
    );
    return { answer };
  } catch (error) {
    return { error: networkText(error, timeoutMs) };
  }
}

/** A receiver's refusal as the admin reads it: the status and the start of what it answered. */
export function refusalOf(answer: Answer): string | null {
  if (answer.status >= 200 && answer.status < 300) return null;
  if (answer.status >= 300 && answer.status < 400) return `redirect not followed (HTTP ${answer.status})`;
  const detail = excerpt(answer.text);
  return detail ? `HTTP ${answer.status}: ${detail}` : `HTTP ${answer.status}`;
}
