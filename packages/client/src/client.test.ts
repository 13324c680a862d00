import { describe, expect, it, vi } from "vitest";
import { createClient } from "./client.ts";
import { ApiError, NetworkError } from "./errors.ts";

type Call = { url: string; init: RequestInit };

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return answer();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("createClient", () => {
  it("sends the language, the organization, credentials and a JSON body", async () => {
    const { fetch, calls } = fakeFetch(() => json(201, { id: "o1" }));
    const client = createClient({
      baseUrl: "http://x.test/",
      fetch,
      locale: () => "zh-CN",
      orgId: () => "org1",
    });
    await client.objectives.create({ cycleId: "c1", level: "personal", title: "让客户爱上我们" });
    const [call] = calls;
    expect(call?.url).toBe("http://x.test/api/v1/objectives");
    expect(call?.init.method).toBe("POST");
    expect(call?.init.credentials).toBe("include");
    const headers = call?.init.headers as Record<string, string>;
    expect(headers["accept-language"]).toBe("zh-CN");
    expect(headers["x-org-id"]).toBe("org1");
    expect(headers["content-type"]).toBe("application/json");
    expect(JSON.parse(String(call?.init.body))).toEqual({
      cycleId: "c1",
      level: "personal",
      title: "让客户爱上我们",
    });
  });

  it("sends a check-in's Idempotency-Key when given, and none otherwise", async () => {
    const { fetch, calls } = fakeFetch(() => json(201, {}));
    const client = createClient({ fetch });
    await client.keyResults.checkIn("k1", { value: 5, confidence: 7 }, "7d5c0b1e-retry");
    await client.keyResults.checkIn("k1", { value: 5, confidence: 7 });
    const keys = calls.map((c) => (c.init.headers as Record<string, string>)["idempotency-key"]);
    expect(keys).toEqual(["7d5c0b1e-retry", undefined]);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ value: 5, confidence: 7 });
  });

  it("saves a whole objective with one PUT based on the version edited (If-Match)", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { id: "o1", version: 4 }));
    const input = {
      title: "让客户爱上我们",
      keyResults: [{ id: "k1", title: "NPS 从 30 到 45", type: "number" as const, targetValue: 45 }],
    };
    await createClient({ fetch }).objectives.save("o 1", input, 3);
    const [call] = calls;
    expect(calls).toHaveLength(1);
    expect(call?.url).toBe("/api/v1/objectives/o%201");
    expect(call?.init.method).toBe("PUT");
    const headers = call?.init.headers as Record<string, string>;
    expect(headers["if-match"]).toBe("3");
    expect(JSON.parse(String(call?.init.body))).toEqual(input);
  });

  it("builds query strings without empty values", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, []));
    await createClient({ fetch }).objectives.list({
      cycleId: "c 1",
      ownerUserId: undefined,
      level: "personal",
    });
    expect(calls[0]?.url).toBe("/api/v1/objectives?cycleId=c+1&level=personal");
  });

  it("turns the contract's error body into an ApiError with its details", async () => {
    const { fetch } = fakeFetch(() =>
      json(422, {
        error: {
          code: "objective.reason_required",
          message: "周期已过对齐阶段，调整需要填写原因。",
          details: [{ path: "reason", message: "Required for an adjustment" }],
        },
      }),
    );
    const onUnauthorized = vi.fn();
    const error = await createClient({ fetch, onUnauthorized })
      .objectives.update("o1", { title: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: "objective.reason_required",
      message: "周期已过对齐阶段，调整需要填写原因。",
      details: [{ path: "reason", message: "Required for an adjustment" }],
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it("reports a 401 to onUnauthorized", async () => {
    const { fetch } = fakeFetch(() =>
      json(401, { error: { code: "auth.required", message: "Please sign in.", details: [] } }),
    );
    const onUnauthorized = vi.fn();
    await expect(createClient({ fetch, onUnauthorized }).auth.me()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("reports an unreachable server as a NetworkError, not an ApiError", async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError("fetch failed");
    });
    const error = await createClient({ fetch })
      .cycles.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it("treats a gateway saying the server is down as a NetworkError", async () => {
    const { fetch } = fakeFetch(() => new Response("Bad gateway", { status: 502 }));
    await expect(createClient({ fetch }).cycles.list()).rejects.toBeInstanceOf(NetworkError);
  });

  it("reports a timeout as a NetworkError", async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof globalThis.fetch;
    await expect(createClient({ fetch, timeoutMs: 10 }).cycles.list()).rejects.toBeInstanceOf(NetworkError);
  });

  it("lets the caller's own cancellation through as an abort", async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof globalThis.fetch;
    const controller = new AbortController();
    const pending = createClient({ fetch }).cycles.list(controller.signal);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect((error as Error).name).toBe("AbortError");
  });

  it("answers undefined for 204", async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(createClient({ fetch }).auth.logout()).resolves.toBeUndefined();
  });

  it("reports an answer that is not the contract's as response.invalid", async () => {
    const { fetch } = fakeFetch(() => new Response("<html>", { status: 418 }));
    await expect(createClient({ fetch }).cycles.list()).rejects.toMatchObject({
      status: 418,
      code: "response.invalid",
    });
  });
});
