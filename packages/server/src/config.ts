import { join, resolve } from "node:path";

/** Everything the server needs to know to run; every field has an environment variable. */
export type ServerConfig = {
  /** PORT */
  port: number;
  /** HOST */
  host: string;
  /** DATA_DIR: where the SQLite file lives when no DATABASE_URL is given. */
  dataDir: string;
  /** DATABASE_URL: postgres://… for PostgreSQL; empty for the embedded SQLite database. */
  databaseUrl: string | undefined;
  /** PUBLIC_URL: the address users reach; https makes cookies Secure. */
  publicUrl: string | undefined;
  /**
   * SMTP_URL: where invitations and password links are emailed (`smtp://user:pass@host:587`,
   * `smtps://…` for TLS from the start); without it they are only shown to the admin, to copy.
   */
  smtpUrl?: string | undefined;
  /** MAIL_FROM: the sender of those emails (default: `Luodi <no-reply@` the PUBLIC_URL's host `>`). */
  mailFrom?: string | undefined;
  /**
   * TRUST_PROXY: which proxies in front may name the client's address in `X-Forwarded-For` — `true` (any),
   * a number of hops, or a comma-separated list of addresses and CIDR ranges. Without it the client's
   * address is the connection's peer, which behind a proxy is the proxy for everyone (sign-in throttling
   * counts failures per client address).
   */
  trustProxy?: boolean | number | string | undefined;
  /**
   * ALLOW_PRIVATE_WEBHOOKS=1 (or true): chat webhooks may point at this machine and private networks (a chat
   * server inside the company, tests' local receivers). Off by default: such addresses are refused (SSRF).
   */
  allowPrivateWebhooks?: boolean;
  /**
   * METRICS_TOKEN: the bearer token Prometheus presents to scrape `/metrics`. Without it, only clients on
   * this machine (loopback) may read the metrics.
   */
  metricsToken?: string | undefined;
  /**
   * Single sign-on through an OpenID Connect provider (Keycloak, Feishu, Okta, Azure AD…): on when
   * OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. OIDC_NAME names the provider on the
   * sign-in button (default "SSO"). The provider must redirect back to `<PUBLIC_URL>/api/v1/auth/oidc/callback`.
   */
  oidc?: OidcConfig | undefined;
  /** LOG_LEVEL: pino level, or "silent". */
  logLevel: string;
  /** Argon2id cost; tests lower it, production keeps the library's defaults. */
  passwordHashing: { memoryCost: number; timeCost: number };
  /** The coach's time budget per review in ms (default COACH_TIME_BUDGET_MS); tests shorten it. */
  coachTimeBudgetMs?: number;
  /** How often the notification senders look for what became due (quiet hours, retries); tests shorten it. */
  deliverySweepMs?: number;
  /** How often the scheduler looks for reminders that fell due; 0 turns it off (tests tick by hand). */
  schedulerIntervalMs?: number;
  /** The clock, injectable so health and time windows can be tested. */
  now: () => Date;
  /**
   * LUODI_VALIDATE_RESPONSES=1: check every answer against its route's documented response schema and fail
   * the request (500) on a mismatch. Off by default (it costs time); the tests turn it on.
   */
  validateResponses?: boolean;
};

/** Reads the configuration from the environment, with the documented defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.DATA_DIR ?? "data");
  return {
    port: Number.parseInt(env.PORT ?? "3000", 10),
    host: env.HOST ?? "0.0.0.0",
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    allowPrivateWebhooks: env.ALLOW_PRIVATE_WEBHOOKS === "1" || env.ALLOW_PRIVATE_WEBHOOKS === "true",
    metricsToken: env.METRICS_TOKEN || undefined,
    oidc: oidcConfigOf(env),
    logLevel: env.LOG_LEVEL ?? "info",
    passwordHashing: { memoryCost: 65536, timeCost: 3 },
    now: () => new Date(),
    validateResponses: env.LUODI_VALIDATE_RESPONSES === "1",
  };
}

/** The OpenID Connect client Luodi is at its identity provider. */
export type OidcConfig = {
  /** OIDC_ISSUER: the provider's issuer URL; its discovery document is read from it. */
  issuer: string;
  /** OIDC_CLIENT_ID */
  clientId: string;
  /** OIDC_CLIENT_SECRET */
  clientSecret: string;
  /** OIDC_NAME: the provider's name on the sign-in button ("Feishu", "Keycloak"). */
  name: string;
};

/** Single sign-on's settings when all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
function oidcConfigOf(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return undefined;
  return { issuer, clientId, clientSecret, name: env.OIDC_NAME?.trim() || "SSO" };
}

/** TRUST_PROXY as Fastify's `trustProxy`: `true`, a hop count, or a list of addresses (empty: none). */
export function trustProxyOf(value: string | undefined): boolean | number | string | undefined {
  const text = value?.trim();
  if (!text || text === "false") return undefined;
  if (text === "true") return true;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  return text;
}

/** Where the embedded database file is kept. */
export function sqlitePathOf(config: Pick<ServerConfig, "dataDir">): string {
  return join(config.dataDir, "luodi.db");
}
