import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, REPO_ROOT } from "./harness/global-setup.ts";

/**
 * Runs the browser specs. Without Chromium a developer's machine says so in one line and goes on; CI
 * (which installs Debian's chromium in .ci/run) fails instead, so the browser run is never silently lost.
 */
if (!existsSync(CHROMIUM)) {
  const message = `Browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk).`;
  if (process.env.CI) {
    console.error(`${message} CI must run them.`);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}
const vitest = join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");
const config = join(REPO_ROOT, "packages", "e2e", "browser", "vitest.config.ts");
const result = spawnSync(process.execPath, [vitest, "run", "--config", config], {
  cwd: REPO_ROOT,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
