import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { captureNode } from "./processes.ts";

/** What the colleagues' coach benchmark printed, when it exists. */
export type CoachBenchResult = {
  script: string;
  exitCode: number | null;
  seconds: number;
  output: string;
  json?: unknown;
};

const COACH_BENCH = "packages/core/bench/coach-bench.ts";

/** Runs `packages/core/bench/coach-bench.ts` when it exists; null otherwise. */
export async function runCoachBench(root: string): Promise<CoachBenchResult | null> {
  const script = join(root, COACH_BENCH);
  if (!existsSync(script)) return null;
  const run = await captureNode(script, [], 180_000);
  const output = `${run.stdout}${run.stderr ? `\n${run.stderr}` : ""}`.trim();
  // A benchmark that prints one JSON document gets it kept as data too.
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return {
    script: COACH_BENCH,
    exitCode: run.code,
    seconds: run.seconds,
    output,
    ...(json === undefined ? {} : { json }),
  };
}

/** Sizes of the built web app's assets, raw and gzipped. */
export type BundleReport = {
  dir: string;
  files: { file: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
};

/**
 * Hook for the web bundle size report: measures `packages/web/dist` when a build is there (building it is
 * the web package's business), null otherwise.
 */
export function webBundleReport(root: string): BundleReport | null {
  const dir = join(root, "packages/web/dist");
  if (!existsSync(dir)) return null;
  const files: BundleReport["files"] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(name)) {
        const bytes = readFileSync(path);
        files.push({
          file: path.slice(dir.length + 1),
          bytes: bytes.length,
          gzipBytes: gzipSync(bytes).length,
        });
      }
    }
  };
  walk(dir);
  files.sort((a, b) => b.bytes - a.bytes);
  return {
    dir: "packages/web/dist",
    files,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  };
}
