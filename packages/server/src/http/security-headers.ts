import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ServerConfig } from "../config.ts";

/*
 * Response headers of every answer, pages and API alike, set by @fastify/helmet:
 * - Content-Security-Policy: scripts only from the app's own origin, never inline (no 'unsafe-inline',
 *   no nonce, no 'unsafe-eval', script-src-attr 'none'); nothing may frame the app (frame-ancestors
 *   'none'); forms post only to the app; no plugins; requests only to the app itself.
 * - Styles: Ant Design writes its styles at run time (CSS-in-JS, <style> elements). They carry a nonce
 *   drawn anew for every response: the page's <meta property="csp-nonce"> hands it to Ant Design's
 *   ConfigProvider, and to the few helpers that create a <style> without asking it (packages/web/src/
 *   App.tsx), so <style> needs no 'unsafe-inline' and injected markup cannot bring one. Style
 *   *attributes* are allowed ('unsafe-inline' in style-src-attr only): Ant Design's TextArea sizes itself
 *   by writing style="…" (rc-textarea), and ECharts writes its tooltips as HTML with style attributes. An
 *   attribute restyles only its own element — it cannot load or run anything, nor read other elements
 *   (the CSS exfiltration attacks need a <style> and selectors).
 * - X-Frame-Options DENY (browsers without frame-ancestors), Referrer-Policy no-referrer (ids in the
 *   app's URLs never leave it), X-Content-Type-Options nosniff on every answer, the API's too.
 * - Strict-Transport-Security only when PUBLIC_URL is https: over plain http the header would be
 *   ignored, and on an http install it would lock browsers out of the host's other sites for a year.
 * The browser specs fail on any CSP violation (packages/e2e/browser/harness/browser.ts).
 */

/** The style nonce of a response, drawn in onRequest before helmet writes the header that names it. */
const STYLE_NONCE = Symbol("luodi.styleNonce");
type WithNonce = ServerResponse & { [STYLE_NONCE]?: string };

function nonceOf(res: ServerResponse): string {
  const raw = res as WithNonce;
  raw[STYLE_NONCE] ??= randomBytes(16).toString("base64");
  return raw[STYLE_NONCE];
}

/** The nonce the response's CSP allows <style> elements with (the web app's index.html carries it). */
export function styleNonceOf(reply: FastifyReply): string {
  return nonceOf(reply.raw);
}

/** True when the app is reached over https (PUBLIC_URL), so HSTS applies. */
function isHttps(config: Pick<ServerConfig, "publicUrl">): boolean {
  return config.publicUrl?.toLowerCase().startsWith("https://") ?? false;
}

/** The Content-Security-Policy directives (see above). */
function cspDirectives(
  config: Pick<ServerConfig, "publicUrl">,
): Record<string, Iterable<string | ((req: unknown, res: ServerResponse) => string)>> {
  return {
    "default-src": ["'self'"],
    "base-uri": ["'none'"],
    "connect-src": ["'self'"],
    "font-src": ["'self'", "data:"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "img-src": ["'self'", "data:"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", (_req, res) => `'nonce-${nonceOf(res)}'`],
    "style-src-attr": ["'unsafe-inline'"],
    "worker-src": ["'self'"],
    ...(isHttps(config) ? { "upgrade-insecure-requests": [] } : {}),
  };
}

/** Registers helmet for the whole app (every route, the API's too). */
export async function registerSecurityHeaders(app: FastifyInstance, config: ServerConfig): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives(config),
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: isHttps(config) ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The headers that matter most, for answers that leave before helmet's hook ran (the router's own
 * refusals): no sniffing, no framing, no content of any kind.
 */
export function setBareSecurityHeaders(reply: FastifyReply): void {
  reply.header("x-content-type-options", "nosniff");
  reply.header("x-frame-options", "DENY");
  reply.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  reply.header("referrer-policy", "no-referrer");
}
