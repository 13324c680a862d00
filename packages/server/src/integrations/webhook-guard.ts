import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";

/*
 * Chat webhooks are addresses an admin types and the server then posts to: without a check, an admin (or
 * whoever holds an admin's session) could make the server reach what only it can reach — its own ports,
 * the company's private network, a cloud provider's metadata service with its credentials (SSRF). So a
 * webhook must be http(s) and its host must be, and resolve only to, addresses of the public internet;
 * checked when it is saved and again right before each send (DNS may have changed in between), and the
 * send connects to exactly the addresses checked, so a second resolution cannot slip another one in.
 * ALLOW_PRIVATE_WEBHOOKS lifts the address check for chat servers inside the company (and tests).
 */

/** One address a host name resolves to. */
export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Resolves a host name to all its addresses (node:dns by default; tests inject their own). */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

const systemLookup: HostLookup = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** IPv4 ranges no webhook may reach: [first address as a 32-bit number, prefix length, what it is]. */
const FORBIDDEN_V4: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8], // "this network", the unspecified address
  ["10.0.0.0", 8], // RFC 1918 private
  ["100.64.0.0", 10], // carrier-grade NAT (Alibaba Cloud's metadata service is 100.100.100.200)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, with the metadata service of AWS, GCP, Azure, Tencent (169.254.169.254…)
  ["172.16.0.0", 12], // RFC 1918 private
  ["192.0.0.0", 24], // IETF protocol assignments (Oracle Cloud's metadata is 192.0.0.192)
  ["192.168.0.0", 16], // RFC 1918 private
  ["198.18.0.0", 15], // benchmarking networks
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address 255.255.255.255
  ["168.63.129.16", 32], // Azure's host platform endpoint (WireServer), reachable from its VMs
];

function v4Number(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    n = n * 256 + Number(part);
  }
  return n;
}

function inV4Range(n: number, [base, bits]: readonly [string, number]): boolean {
  const start = v4Number(base) ?? 0;
  const size = 2 ** (32 - bits);
  return n >= start && n < start + size;
}

function isForbiddenV4(n: number): boolean {
  return FORBIDDEN_V4.some((range) => inV4Range(n, range));
}

/** An IPv6 address as eight 16-bit groups (an embedded dotted IPv4 tail and `::` expanded), or null. */
function v6Groups(text: string): number[] | null {
  let address = text.replace(/%.*$/, ""); // a zone (fe80::1%eth0)
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail?.[1]) {
    const n = v4Number(tail[1]);
    if (n === null) return null;
    address = `${address.slice(0, tail.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0] ?? "");
  const rest = halves.length === 2 ? parse(halves[1] ?? "") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

function isForbiddenV6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = ((g6 << 16) | g7) >>> 0;
  const zeroUpTo = (count: number) => groups.slice(0, count).every((g) => g === 0);
  // ::/96 holds the unspecified (::) and loopback (::1) addresses, and deprecated IPv4-compatible ones.
  if (zeroUpTo(6)) return embedded <= 1 || isForbiddenV4(embedded);
  // ::ffff:0:0/96, IPv4-mapped: the IPv4 address decides ([::ffff:127.0.0.1] is 127.0.0.1).
  if (zeroUpTo(5) && g5 === 0xffff) return isForbiddenV4(embedded);
  // 64:ff9b::/96, NAT64: the IPv4 address behind it decides.
  if (g0 === 0x64 && g1 === 0xff9b && groups.slice(2, 6).every((g) => g === 0))
    return isForbiddenV4(embedded);
  // 2002::/16, 6to4: the IPv4 address in bits 16–47 decides.
  if (g0 === 0x2002) return isForbiddenV4(((g1 << 16) | (groups[2] ?? 0)) >>> 0);
  return (
    (g0 & 0xfe00) === 0xfc00 || // fc00::/7 unique local (AWS's metadata service is fd00:ec2::254)
    (g0 & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (g0 & 0xffc0) === 0xfec0 || // fec0::/10 site-local (deprecated)
    (g0 & 0xff00) === 0xff00 || // ff00::/8 multicast
    (g0 === 0x100 && groups.slice(1, 4).every((g) => g === 0)) // 100::/64 discard-only
  );
}

/**
 * Whether an address is one no webhook may reach: loopback, private (RFC 1918, fc00::/7), link-local
 * (169.254/16, fe80::/10), unspecified, multicast, reserved, or a cloud metadata service; IPv4 inside
 * IPv6 (mapped, compatible, NAT64, 6to4) counts as the IPv4 address. Anything that is not an address
 * counts as forbidden.
 */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare.replace(/%.*$/, ""));
  if (family === 4) return isForbiddenV4(v4Number(bare) ?? 0);
  if (family === 6) {
    const groups = v6Groups(bare);
    return groups === null || isForbiddenV6(groups);
  }
  return true;
}

/** Why a webhook URL is refused. */
export type WebhookRefusal =
  | { problem: "not_http" }
  | { problem: "forbidden_address"; host: string; address: string }
  | { problem: "unresolved"; host: string };

/** A webhook URL that passed: where to connect (null: any address, ALLOW_PRIVATE_WEBHOOKS is on). */
export type WebhookTarget = { url: URL; addresses: ResolvedAddress[] | null };

/**
 * Checks a webhook URL: http(s), and a host that is, and resolves only to, public addresses (every
 * address the name has: one private address among public ones is enough to refuse). With `allowPrivate`
 * only the scheme is checked and nothing is resolved.
 */
export async function checkWebhookUrl(
  raw: string,
  options: { allowPrivate: boolean; lookup?: HostLookup | undefined },
): Promise<({ ok: true } & WebhookTarget) | ({ ok: false } & WebhookRefusal)> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: "not_http" };
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    return { ok: false, problem: "not_http" };
  }
  if (options.allowPrivate) return { ok: true, url, addresses: null };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  const family = isIP(host);
  if (family !== 0) addresses = [{ address: host, family: family === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await (options.lookup ?? systemLookup)(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) return { ok: false, problem: "unresolved", host };
  }
  const forbidden = addresses.find((a) => isForbiddenAddress(a.address));
  if (forbidden) return { ok: false, problem: "forbidden_address", host, address: forbidden.address };
  return { ok: true, url, addresses };
}

/**
 * A `lookup` for node:http that answers only the addresses already checked, so the connection goes where
 * the check looked and a second DNS answer (a rebinding attack) cannot change it.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error("no checked address of that family"), { code: "ENOTFOUND" }), "", 0);
      return;
    }
    if (options.all)
      callback(
        null,
        usable.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, first.address, first.family);
  };
}

/**
 * A webhook URL as answers show it: scheme, host and port, the rest hidden. The path and query carry the
 * platform's token (WeCom's `key`, DingTalk's `access_token`, Slack's and Teams' whole path), and whoever
 * has the URL can post to the group, so it is never answered whole.
 */
export function maskWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}/…`;
  } catch {
    return "…";
  }
}
