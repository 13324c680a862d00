import { defineConfig } from "vitest/config";

/** The web app's unit tests (catalogues, pure logic); the root config runs them too. Browser specs live in packages/e2e. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    env: { TZ: "UTC" },
  },
});
