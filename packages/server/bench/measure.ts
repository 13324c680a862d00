import autocannon from "autocannon";

/** What one load run measured. */
export type Measurement = {
  /** Successful (2xx) answers per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  /** A few distinct failing answers ("409 {…}"), to tell why non-2xx happened. */
  failures: string[];
};

export type LoadOptions = {
  baseUrl: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /**
   * Stop after this many answers instead of after `seconds`: for answers so large that, shared fairly
   * among the connections, none would finish within a short run.
   */
  amount?: number;
  /** Per-request timeout. */
  timeoutSeconds?: number;
  /** For writes: a new path and body for every request (autocannon `setupRequest`). */
  next?: () => { path: string; body: string };
};

/** Runs autocannon against one endpoint and returns the numbers the report needs. */
export async function measure(options: LoadOptions): Promise<Measurement> {
  const next = options.next;
  const failures = new Set<string>();
  const onResponse = (status: number, body: string) => {
    if ((status < 200 || status > 299) && failures.size < 5) failures.add(`${status} ${body.slice(0, 300)}`);
  };
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    timeout: options.timeoutSeconds ?? 30,
    method: options.method,
    headers: {
      ...(options.method === "POST" ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    requests: [
      {
        method: options.method,
        path: options.path,
        onResponse,
        ...(next
          ? {
              setupRequest: (request: autocannon.Request) => {
                const { path, body } = next();
                return { ...request, path, body };
              },
            }
          : {}),
      },
    ],
  });
  const ok = result["2xx"];
  return {
    requestsPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    requests: ok + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    failures: [...failures],
  };
}
