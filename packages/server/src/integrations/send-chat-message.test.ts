import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startChatReceiver } from "../../test/chat-receivers.ts";
import type { ChatMessage } from "./chat-message.ts";
import { sendChatMessage } from "./send-chat-message.ts";
import { pinnedLookup } from "./webhook-guard.ts";

const message: ChatMessage = { title: "Hello", text: "World", url: "https://okr.example.com/", locale: "en" };
const config = (allowPrivateWebhooks: boolean) => ({ allowPrivateWebhooks, now: () => new Date() });

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A local server that answers every request with `handle`, at http://127.0.0.1:<port>/hook. */
async function localServer(handle: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe("sending a chat message", () => {
  it("does not follow a redirect", async () => {
    let followed = false;
    const elsewhere = await localServer((_req, res) => {
      followed = true;
      res.end("ok");
    });
    const url = await localServer((_req, res) => {
      res.writeHead(302, { location: elsewhere });
      res.end();
    });
    const result = await sendChatMessage(
      { config: config(true) },
      { kind: "slack", webhookUrl: url, secret: null },
      message,
    );
    expect(result).toEqual({ ok: false, status: 302, error: "redirect not followed (HTTP 302)" });
    expect(followed).toBe(false);
  });

  it("gives up on a webhook that does not answer in time", async () => {
    const url = await localServer(() => {
      // Never answers.
    });
    const started = Date.now();
    const result = await sendChatMessage(
      { config: config(true), timeoutMs: 200 },
      { kind: "teams", webhookUrl: url, secret: null },
      message,
    );
    expect(result).toEqual({ ok: false, error: "no answer within 200 ms" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("checks the address again when it sends: a name that now resolves to a private address is refused", async () => {
    let hits = 0;
    const url = await localServer((_req, res) => {
      hits++;
      res.end("ok");
    });
    const port = new URL(url).port;
    const result = await sendChatMessage(
      { config: config(false), lookup: async () => [{ address: "10.0.0.7", family: 4 }] },
      { kind: "slack", webhookUrl: `http://hooks.chat.example:${port}/hook`, secret: null },
      message,
    );
    expect(result).toEqual({
      ok: false,
      error: "refused: hooks.chat.example resolves to 10.0.0.7, which is not a public address",
    });
    const literal = await sendChatMessage(
      { config: config(false) },
      { kind: "slack", webhookUrl: url, secret: null },
      message,
    );
    expect(literal.ok).toBe(false);
    expect(hits).toBe(0);
  });

  it("treats a 4xx answer and a platform's error code as failures, with the platform's words", async () => {
    const slack = await localServer((_req, res) => {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("channel_not_found");
    });
    expect(
      await sendChatMessage(
        { config: config(true) },
        { kind: "slack", webhookUrl: slack, secret: null },
        message,
      ),
    ).toEqual({ ok: false, status: 404, error: "HTTP 404: channel_not_found" });
    const wecom = await localServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ errcode: 93000, errmsg: "invalid webhook url" }));
    });
    expect(
      await sendChatMessage(
        { config: config(true) },
        { kind: "wecom", webhookUrl: wecom, secret: null },
        message,
      ),
    ).toEqual({ ok: false, status: 200, error: "93000 invalid webhook url" });
  });

  it("connects to the addresses it checked, whatever a later resolution would say", async () => {
    const receiver = await startChatReceiver("slack");
    try {
      const url = new URL(receiver.url);
      // `chat.invalid` resolves nowhere (RFC 6761): only the pinned address can have been reached.
      const status = await new Promise<number>((resolve, reject) => {
        const outgoing = request(
          `http://chat.invalid:${url.port}${url.pathname}`,
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            lookup: pinnedLookup([{ address: "127.0.0.1", family: 4 }]),
          },
          (incoming) => {
            incoming.resume();
            incoming.on("end", () => resolve(incoming.statusCode ?? 0));
          },
        );
        outgoing.on("error", reject);
        outgoing.end(JSON.stringify({ text: "pinned" }));
      });
      expect(status).toBe(200);
      expect(receiver.received[0]?.body).toEqual({ text: "pinned" });
    } finally {
      await receiver.close();
    }
  });
});
