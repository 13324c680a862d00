import type { FastifyInstance } from "fastify";

const SESSION_COOKIE = "luodi_session";

/** An answer of the API that was not a success, with the contract's error code. */
class DemoApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(method: string, url: string, status: number, body: string) {
    let code = "unknown";
    let message = body;
    try {
      const parsed = JSON.parse(body) as { error?: { code?: string; message?: string; details?: unknown[] } };
      code = parsed.error?.code ?? code;
      message = `${parsed.error?.message ?? ""} ${JSON.stringify(parsed.error?.details ?? [])}`;
    } catch {
      // Not JSON: keep the raw body.
    }
    super(`${method} ${url} → ${status} ${code}: ${message}`);
    this.status = status;
    this.code = code;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Calls the real HTTP API in-process (Fastify inject), signed in as one person or another: every rule,
 * audit entry and roll-up is the server's own. Sessions are opened lazily and reopened when the moving
 * demo clock has expired them.
 */
export class InjectClient {
  private readonly sessions = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly password: string,
  ) {}

  /** Remembers a session the server opened itself (setup answers with one). */
  adoptSession(email: string, token: string): void {
    this.sessions.set(email, token);
  }

  /** Calls the API as the person with this email (null: anonymous) and returns the parsed answer. */
  async call<T>(as: string | null, method: Method, url: string, body?: unknown): Promise<T> {
    const first = await this.send(as, method, url, body);
    if (first.statusCode === 401 && as !== null) {
      this.sessions.delete(as);
      return this.parse<T>(method, url, await this.send(as, method, url, body));
    }
    return this.parse<T>(method, url, first);
  }

  /** Sends a request and returns the raw answer with its session cookie, if any. */
  async raw(method: Method, url: string, body?: unknown) {
    const response = await this.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    return { statusCode: response.statusCode, body: response.body, sessionToken: cookie?.value };
  }

  private async send(as: string | null, method: Method, url: string, body: unknown) {
    const cookies = as === null ? undefined : { [SESSION_COOKIE]: await this.sessionOf(as) };
    return this.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(cookies ? { cookies } : {}),
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  private parse<T>(method: string, url: string, response: { statusCode: number; body: string }): T {
    if (response.statusCode >= 400) throw new DemoApiError(method, url, response.statusCode, response.body);
    return (response.body ? JSON.parse(response.body) : null) as T;
  }

  private async sessionOf(email: string): Promise<string> {
    const known = this.sessions.get(email);
    if (known) return known;
    const response = await this.raw("POST", "/auth/login", { email, password: this.password });
    if (response.statusCode !== 200 || !response.sessionToken) {
      throw new DemoApiError("POST", "/auth/login", response.statusCode, response.body);
    }
    this.sessions.set(email, response.sessionToken);
    return response.sessionToken;
  }
}
