/**
 * Builds the web app when its build is missing or older than its sources, so that `npm start` serves the
 * whole product on a fresh clone. Sources: packages/web/{src,public,index.html,vite.config.ts,package.json}
 * and packages/client/src (the web app bundles the client).
 *
 *   tsx packages/web/scripts/ensure-built.ts [--check]   (--check: report only; exit 1 when a build is due)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const clientDir = resolve(webDir, "..", "client");
const distIndex = join(webDir, "dist", "index.html");

/** The newest modification time under a file or folder (0 when it does not exist). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function sourcesOf(): string[] {
  return [
    join(webDir, "src"),
    join(webDir, "public"),
    join(webDir, "index.html"),
    join(webDir, "vite.config.ts"),
    join(webDir, "package.json"),
    join(clientDir, "src"),
  ];
}

/** Why a build is due, or null when dist is up to date. */
export function buildReason(): string | null {
  if (!existsSync(distIndex)) return "no build yet";
  const built = statSync(distIndex).mtimeMs;
  const changed = sourcesOf().find((source) => newestMtime(source) > built);
  return changed
    ? `${changed.slice(resolve(webDir, "..", "..").length + 1)} changed since the last build`
    : null;
}

function build(): boolean {
  const vite = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: webDir,
    stdio: "inherit",
    // Run from a test runner (NODE_ENV=test), Vite would bundle React's development build: bigger, slower,
    // and then served by `npm start` as if it were the real one.
    env: { ...process.env, NODE_ENV: "production" },
  });
  return result.status === 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const reason = buildReason();
  if (!reason) {
    console.log("web app: build is up to date");
  } else if (process.argv.includes("--check")) {
    console.log(`web app: a build is due (${reason})`);
    process.exit(1);
  } else {
    const hadBuild = existsSync(distIndex);
    console.log(`web app: building (${reason})…`);
    const started = Date.now();
    if (build()) {
      console.log(`web app: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else if (hadBuild) {
      // Serving the previous build beats not starting at all; say so loudly.
      console.error("web app: the build FAILED; the server will serve the previous build");
    } else {
      console.error("web app: the build FAILED and there is no previous build");
      process.exit(1);
    }
  }
}
