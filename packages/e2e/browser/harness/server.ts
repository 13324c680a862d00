import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp, configFromEnv, type ServerConfig } from "@luodi/server";
import type { FastifyInstance } from "fastify";
export type WebServer = { baseUrl: string; app: FastifyInstance; close: () => Promise<void> };

/** The real server on a fresh SQLite folder, serving the built web app, on a free 127.0.0.1 port. */
export async function startWebServer(
  options: { distDir?: string; config?: Partial<ServerConfig> } = {},
): Promise<WebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "luodi-browser-"));
  const app = await buildApp(
    {
      ...configFromEnv({}),
      host: "127.0.0.1",
      port: 0,
      dataDir,
      logLevel: "silent",
      // Sign-ins in the specs need not cost what production's hashing costs.
      passwordHashing: { memoryCost: 1024, timeCost: 1 },
      ...options.config,
    },
    options.distDir ? { webDistDir: options.distDir } : {},
  );
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    baseUrl: address,
    app,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
