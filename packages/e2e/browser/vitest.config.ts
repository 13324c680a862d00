import { defineConfig } from "vitest/config";

/**
 * Browser specs: the real server with the built web app, driven through Debian's Chromium. Run with
 * `npx vitest run --config packages/e2e/browser/vitest.config.ts`. One file at a time: each starts its
 * own server and browser, and the machine has two cores.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    environment: "node",
    globalSetup: ["./harness/global-setup.ts"],
    // Fails a test during which any page violated the Content-Security-Policy.
    setupFiles: ["./harness/csp-guard.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A flaky browser step must fail, not pass on a retry.
    retry: 0,
    allowOnly: !process.env.CI,
    env: { TZ: "UTC" },
  },
});
