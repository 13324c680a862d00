import { describe, expect, it } from "vitest";
import { checkWebhookUrl, type HostLookup, isForbiddenAddress, maskWebhookUrl } from "./webhook-guard.ts";

/** A resolver without network: names map to the addresses given, anything else does not exist. */
function fakeDns(table: Record<string, string[]>): HostLookup {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

const dns = fakeDns({
  localhost: ["127.0.0.1", "::1"],
  "open.feishu.cn": ["101.126.14.10"],
  "hooks.slack.com": ["34.226.36.59", "2600:1f18:24e6:b900::1"],
  "rebind.example": ["203.0.113.9", "10.0.0.7"],
  "metadata.google.internal": ["169.254.169.254"],
  "intranet.example": ["fd12:3456:789a::1"],
});

const check = (url: string, allowPrivate = false) => checkWebhookUrl(url, { allowPrivate, lookup: dns });

describe("webhook addresses", () => {
  it.each([
    "http://127.0.0.1/hook",
    "http://127.1.2.3:8080/hook",
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://172.16.0.1/hook",
    "http://172.31.255.255/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.100.100.200/latest/meta-data/",
    "http://0.0.0.0/hook",
    "http://[::1]/hook",
    "http://[::]/hook",
    "http://[fe80::1]/hook",
    "http://[fc00::1]/hook",
    "http://[fd00:ec2::254]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:a9fe:a9fe]/hook",
    "http://[64:ff9b::a00:1]/hook",
    "http://[2002:7f00:1::]/hook",
    // Other spellings of 127.0.0.1 that URL parsing normalizes.
    "http://2130706433/hook",
    "http://0x7f.1/hook",
    "http://localhost:3000/hook",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://intranet.example/hook",
    // One private address among public ones is enough.
    "https://rebind.example/hook",
  ])("refuses %s", async (url) => {
    const result = await check(url);
    expect(result).toMatchObject({ ok: false, problem: "forbidden_address" });
  });

  it.each([
    "ftp://open.feishu.cn/hook",
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_PING",
    "javascript:alert(1)",
    "not a url",
  ])("refuses %s, which is not http(s)", async (url) => {
    expect(await check(url)).toEqual({ ok: false, problem: "not_http" });
    // Not even ALLOW_PRIVATE_WEBHOOKS lets another scheme through.
    expect(await check(url, true)).toEqual({ ok: false, problem: "not_http" });
  });

  it.each([
    ["https://open.feishu.cn/open-apis/bot/v2/hook/abc", ["101.126.14.10"]],
    ["https://hooks.slack.com/services/T/B/X", ["34.226.36.59", "2600:1f18:24e6:b900::1"]],
    ["http://8.8.8.8/hook", ["8.8.8.8"]],
    ["https://[2606:4700:4700::1111]/hook", ["2606:4700:4700::1111"]],
    ["https://172.32.0.1/hook", ["172.32.0.1"]],
  ])("allows %s, which is public", async (url, addresses) => {
    const result = await check(url);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.addresses?.map((a) => a.address)).toEqual(addresses);
  });

  it("refuses a host name that does not resolve", async () => {
    expect(await check("https://no-such-host.example/hook")).toEqual({
      ok: false,
      problem: "unresolved",
      host: "no-such-host.example",
    });
  });

  it("lets private addresses through with ALLOW_PRIVATE_WEBHOOKS, without resolving anything", async () => {
    const result = await checkWebhookUrl("http://127.0.0.1:4000/hook", {
      allowPrivate: true,
      lookup: () => Promise.reject(new Error("must not resolve")),
    });
    expect(result).toMatchObject({ ok: true, addresses: null });
  });

  it("classifies addresses at the edges of the ranges", () => {
    expect(isForbiddenAddress("172.15.255.255")).toBe(false);
    expect(isForbiddenAddress("172.16.0.0")).toBe(true);
    expect(isForbiddenAddress("100.63.255.255")).toBe(false);
    expect(isForbiddenAddress("100.64.0.1")).toBe(true);
    expect(isForbiddenAddress("169.253.255.255")).toBe(false);
    expect(isForbiddenAddress("255.255.255.255")).toBe(true);
    expect(isForbiddenAddress("fe80::1%eth0")).toBe(true);
    expect(isForbiddenAddress("febf::1")).toBe(true);
    expect(isForbiddenAddress("2001:4860:4860::8888")).toBe(false);
    expect(isForbiddenAddress("::ffff:8.8.8.8")).toBe(false);
    expect(isForbiddenAddress("not-an-address")).toBe(true);
  });
});

describe("masked webhook URLs", () => {
  it("keep the scheme, host and port and hide the path and query, which carry the token", () => {
    expect(maskWebhookUrl("https://oapi.dingtalk.com/robot/send?access_token=secret-token")).toBe(
      "https://oapi.dingtalk.com/…",
    );
    expect(maskWebhookUrl("http://127.0.0.1:4123/cgi-bin/webhook/send?key=k")).toBe(
      "http://127.0.0.1:4123/…",
    );
    expect(maskWebhookUrl("https://user:pass@hooks.slack.com/services/T/B/X")).toBe(
      "https://hooks.slack.com/…",
    );
  });
});
