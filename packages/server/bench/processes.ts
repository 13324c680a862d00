import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A Node child process running a TypeScript entry point through tsx, with its output kept for errors. */
export type NodeChild = {
  pid: number;
  child: ChildProcess;
  /** The last few kilobytes of its stdout and stderr. */
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop: (graceMs?: number) => Promise<number | null>;
};

const KEEP_OUTPUT = 16_384;

/**
 * Starts `node --import tsx script …args` (one process, so its pid is the one whose memory counts) with the
 * extra environment.
 */
export function startNode(script: string, args: readonly string[], env: Record<string, string>): NodeChild {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-KEEP_OUTPUT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  return {
    pid: child.pid,
    child,
    output: () => output,
    stop: async (graceMs = 5000) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs a TypeScript entry point to completion, passing its output through; rejects on a non-zero exit. */
export async function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited with ${code}`);
  return (performance.now() - started) / 1000;
}

/** Runs a TypeScript entry point and returns its exit code and output (for the colleagues' benchmarks). */
export async function captureNode(
  script: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => {
    stdout += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr, seconds: (performance.now() - started) / 1000 };
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers 200, the child dies, or the time is up. */
export async function waitForHttp(url: string, child: NodeChild, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null)
      throw new Error(`${url}: the process exited early:\n${child.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.output()}`);
}

function cpuTicks(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14 and stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * Waits until a process has (nearly) stopped using the CPU: after a load run a server may still be working
 * through requests whose clients have gone (answering health checks in between), and the next run must not
 * pay for them. Returns the seconds waited.
 */
async function waitUntilQuiet(pid: number, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  const windowMs = 250;
  // Clock ticks are 1/100 s on Linux: under 5 % of one CPU over the window counts as quiet.
  const quietTicks = (windowMs / 10) * 0.05;
  while (Date.now() - started < timeoutMs) {
    const before = cpuTicks(pid);
    await new Promise((r) => setTimeout(r, windowMs));
    if (cpuTicks(pid) - before <= quietTicks) break;
  }
  return (Date.now() - started) / 1000;
}

function readRssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone, or /proc is not Linux's.
  }
  return children;
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRssBytes(pid: number): number {
  let kb = readRssKb(pid);
  for (const child of childrenOf(pid)) kb += treeRssBytes(child) / 1024;
  return kb * 1024;
}

/** Samples a process tree's resident memory in the background and keeps peaks, overall and per window. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peak = 0;
  private windowPeak = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 50,
  ) {}

  start(): this {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Takes one sample now and returns it. */
  sample(): number {
    const rss = treeRssBytes(this.pid);
    this.peak = Math.max(this.peak, rss);
    this.windowPeak = Math.max(this.windowPeak, rss);
    return rss;
  }

  /** The peak since the last call (or since start), and a new window begins. */
  takeWindowPeak(): number {
    this.sample();
    const peak = this.windowPeak;
    this.windowPeak = 0;
    return peak;
  }

  overallPeak(): number {
    return this.peak;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** The server being measured: restartable, with its memory sampled across restarts. */
export class ServerUnderTest {
  private child: NodeChild | undefined;
  private sampler: RssSampler | undefined;
  private earlierPeak = 0;
  restarts = 0;

  constructor(
    private readonly script: string,
    private readonly healthUrl: string,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    const child = startNode(this.script, ["serve"], this.env);
    this.child = child;
    await waitForHttp(this.healthUrl, child);
    this.sampler = new RssSampler(child.pid).start();
  }

  /** Kills the server (SQLite's WAL makes that safe) and starts it again on the same data. */
  async restart(): Promise<void> {
    this.earlierPeak = this.overallPeak();
    this.sampler?.stop();
    await this.child?.stop(500);
    this.restarts += 1;
    await this.start();
  }

  pid(): number {
    if (!this.child) throw new Error("the server is not running");
    return this.child.pid;
  }

  /** When the server has died on its own: its exit code or signal and the end of its output. */
  death(): string | null {
    const child = this.child?.child;
    if (!child || (child.exitCode === null && child.signalCode === null)) return null;
    return `exit ${child.exitCode ?? child.signalCode}:\n${this.child?.output() ?? ""}`;
  }

  rssNow(): number {
    return this.sampler?.sample() ?? 0;
  }

  takeWindowPeak(): number {
    return this.sampler?.takeWindowPeak() ?? 0;
  }

  overallPeak(): number {
    return Math.max(this.earlierPeak, this.sampler?.overallPeak() ?? 0);
  }

  async stop(): Promise<void> {
    this.sampler?.stop();
    const code = await this.child?.stop();
    if (code !== 0 && code !== null && code !== undefined) {
      console.error(`The server exited with ${code}:\n${this.child?.output() ?? ""}`);
    }
  }
}

const PROXY = new URL("./round-robin-proxy.ts", import.meta.url).pathname;

/** What the benchmark needs of the server it loads: one process, or several behind a proxy. */
export type LoadedServer = {
  start(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Every process whose CPU shows the server still at work. */
  pids(): number[];
  death(): string | null;
  rssNow(): number;
  takeWindowPeak(): number;
  overallPeak(): number;
};

/** One server process, as the benchmark loads it without --instances. */
export function single(server: ServerUnderTest): LoadedServer {
  return {
    start: () => server.start(),
    restart: () => server.restart(),
    stop: () => server.stop(),
    pids: () => [server.pid()],
    death: () => server.death(),
    rssNow: () => server.rssNow(),
    takeWindowPeak: () => server.takeWindowPeak(),
    overallPeak: () => server.overallPeak(),
  };
}

/**
 * Several server processes on one database behind a round-robin proxy (`--instances N`, PostgreSQL): the
 * memory reported is the instances' together (the sum of each one's peak: an upper bound, as peaks need not
 * meet), the proxy's own left out, as a load balancer's would be.
 */
export class ServerGroup implements LoadedServer {
  private proxy: NodeChild | undefined;

  constructor(
    private readonly servers: readonly ServerUnderTest[],
    private readonly proxyPort: number,
    private readonly serverPorts: readonly number[],
  ) {}

  async start(): Promise<void> {
    for (const server of this.servers) await server.start();
    this.proxy = startProxy(this.proxyPort, this.serverPorts);
    await waitForHttp(`http://127.0.0.1:${this.proxyPort}/healthz`, this.proxy);
  }

  async restart(): Promise<void> {
    for (const server of this.servers) await server.restart();
  }

  async stop(): Promise<void> {
    await this.proxy?.stop();
    for (const server of this.servers) await server.stop();
  }

  pids(): number[] {
    return this.servers.map((s) => s.pid());
  }

  death(): string | null {
    return this.servers.map((s) => s.death()).find((d) => d !== null) ?? null;
  }

  rssNow(): number {
    return this.servers.reduce((sum, s) => sum + s.rssNow(), 0);
  }

  takeWindowPeak(): number {
    return this.servers.reduce((sum, s) => sum + s.takeWindowPeak(), 0);
  }

  overallPeak(): number {
    return this.servers.reduce((sum, s) => sum + s.overallPeak(), 0);
  }
}

/** Starts the round-robin proxy on `port` in front of these ports. */
export function startProxy(port: number, targets: readonly number[]): NodeChild {
  return startNode(PROXY, [String(port), ...targets.map(String)], {});
}

/** Waits until every one of these processes is quiet; the longest wait, in seconds. */
export async function waitUntilAllQuiet(pids: readonly number[], timeoutMs: number): Promise<number> {
  let longest = 0;
  for (const pid of pids) longest = Math.max(longest, await waitUntilQuiet(pid, timeoutMs));
  return longest;
}
