import type { FastifyRequest } from "fastify";
import type { ServerConfig } from "../config.ts";

/*
 * Cross-site request forgery: a page on another origin can make the browser send a write with the
 * session cookie (a form, or fetch with `no-cors` and an empty or text/plain body). Browsers say where
 * such a request comes from: `Origin` on every POST, PUT, PATCH and DELETE, and `Sec-Fetch-Site`. So a
 * write not authenticated by a bearer token is refused (403 `request.cross_origin`) when it names
 * another origin — another scheme, host or port: http://host:5173 is not http://host:3000. The app's
 * origin is PUBLIC_URL's when set, else the one the request was addressed to (its Host header). A
 * request that names no origin at all (curl, scripts, the CLI) is not a browser's forgery and passes;
 * so do bearer-token calls, which carry no ambient credential. Sign-in and setup are writes like any
 * other: a forged sign-in would put the victim in the attacker's account.
 */

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origin (scheme://host[:port]) of PUBLIC_URL, or undefined. */
export function publicOriginOf(config: Pick<ServerConfig, "publicUrl">): string | undefined {
  if (!config.publicUrl) return undefined;
  try {
    return new URL(config.publicUrl).origin;
  } catch {
    return undefined;
  }
}

function isSameOrigin(origin: string, publicOrigin: string | undefined, host: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: no origin of ours.
    return false;
  }
  if (publicOrigin) return url.origin === publicOrigin;
  if (!host) return false;
  try {
    // Host as the browser would write it for that scheme (":80" dropped for http, ":443" for https).
    return url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** True when a write comes from a page of another origin (see above); reads never are. */
export function isCrossOriginWrite(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  if (!WRITES.has(request.method)) return false;
  const origin = request.headers.origin;
  if (typeof origin === "string") return !isSameOrigin(origin, publicOrigin, request.headers.host);
  // No Origin: a browser that still says where the request comes from.
  const site = request.headers["sec-fetch-site"];
  return site === "cross-site" || site === "same-site";
}
