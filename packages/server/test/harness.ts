import { createTestDatabase, type DatabaseHandle, type DialectName } from "@luodi/db";
import type { FastifyInstance } from "fastify";
import { type BuildOptions, buildApp } from "../src/app.ts";
import type { ServerConfig } from "../src/config.ts";

/** A clock tests move by hand. */
export type TestClock = { now: () => Date; set: (iso: string) => void; advance: (ms: number) => void };

export function testClock(start = "2027-04-15T02:00:00.000Z"): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export type Credentials = { cookie?: string; token?: string; orgId?: string; locale?: string };
// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely; each test asserts the fields it needs
export type Reply = { status: number; body: any; headers: Record<string, unknown> };

/** The app on a fresh database of one dialect, with a clock the test controls. */
export type TestServer = {
  app: FastifyInstance;
  db: DatabaseHandle;
  clock: TestClock;
  request: (
    method: string,
    url: string,
    options?: {
      body?: unknown;
      as?: Credentials;
      headers?: Record<string, string>;
      raw?: string;
      /** The client's address (default 127.0.0.1). */
      remoteAddress?: string;
    },
  ) => Promise<Reply>;
  close: () => Promise<void>;
};

/** The configuration of test servers: quiet, cheap password hashing, the test's clock, answers validated. */
export function testConfig(clock: TestClock): ServerConfig {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir: "",
    databaseUrl: undefined,
    publicUrl: undefined,
    logLevel: "silent",
    passwordHashing: { memoryCost: 1024, timeCost: 1 },
    now: clock.now,
    validateResponses: true,
    // Tests tick the scheduler by hand (contextOf(app).scheduler.tick()), at the instants they choose.
    schedulerIntervalMs: 0,
  };
}

export async function startTestServer(
  dialect: DialectName,
  clock = testClock(),
  options: Pick<BuildOptions, "routes"> & { config?: Partial<ServerConfig> } = {},
): Promise<TestServer> {
  const db = await createTestDatabase(dialect);
  const config: ServerConfig = { ...testConfig(clock), ...options.config };
  const app = await buildApp(config, { database: db, ...(options.routes ? { routes: options.routes } : {}) });
  const request: TestServer["request"] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.as?.cookie) headers.cookie = options.as.cookie;
    if (options.as?.token) headers.authorization = `Bearer ${options.as.token}`;
    if (options.as?.orgId) headers["x-org-id"] = options.as.orgId;
    if (options.as?.locale && !headers["accept-language"]) headers["accept-language"] = options.as.locale;
    const hasBody = options.body !== undefined || options.raw !== undefined;
    if (hasBody) headers["content-type"] ??= "application/json";
    const response = await app.inject({
      method: method as "GET",
      url: /^\/(api|healthz|readyz)/.test(url) ? url : `/api/v1${url}`,
      headers,
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      ...(hasBody ? { payload: options.raw ?? JSON.stringify(options.body) } : {}),
    });
    let body: unknown = null;
    if (response.body) {
      try {
        body = JSON.parse(response.body);
      } catch {
        body = response.body;
      }
    }
    return { status: response.statusCode, body, headers: response.headers };
  };
  return {
    app,
    db,
    clock,
    request,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

/** The session cookie a response set, as a Cookie header value. */
export function sessionCookieOf(reply: Reply): string {
  const header = reply.headers["set-cookie"];
  const list = Array.isArray(header) ? header : [header];
  const cookie = list.find((c): c is string => typeof c === "string" && c.startsWith("luodi_session="));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(reply.headers)}`);
  return cookie.split(";")[0] as string;
}
