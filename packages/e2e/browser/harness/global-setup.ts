import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository root, from packages/e2e/browser/harness. */
export const REPO_ROOT = resolve(import.meta.dirname, "..", "..", "..", "..");
export const CHROMIUM = process.env.LUODI_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Builds the web app when it is missing or stale (unless LUODI_WEB_DIST names another build, which the
 * server then serves), and checks that a browser is there to drive.
 */
export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium)`);
  }
  // A spec run against a build of its own (LUODI_WEB_DIST) leaves packages/web/dist to whoever uses it.
  if (process.env.LUODI_WEB_DIST) return;
  const script = join(REPO_ROOT, "packages", "web", "scripts", "ensure-built.ts");
  const tsx = join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const result = spawnSync(process.execPath, [tsx, script], { cwd: REPO_ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("The web app could not be built");
}
