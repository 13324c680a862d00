import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "packages/e2e/api/**/*.test.ts",
      "packages/*/scripts/**/*.test.ts",
      // Repository-wide checks, e.g. the import rules of .dependency-cruiser.cjs.
      "test/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["test/global-setup.ts"],
    // Database suites create their own SQLite file or PostgreSQL schema, so files may run in parallel.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC" },
  },
});
