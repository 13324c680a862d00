import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { createTestDatabase, testDialects } from "@luodi/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { configFromEnv } from "../config.ts";

const SCRIPT = `export const app = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `part-${i}`))};\n`;

/*
 * Issue 13, item 10: the built app's hashed assets go out precompressed (brotli, else gzip, as the browser
 * accepts) and cached for a year; index.html is revalidated on every visit.
 */
describe.each(testDialects())("the web app's files on %s", (dialect) => {
  let app: FastifyInstance;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let distDir = "";

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), "luodi-dist-"));
    mkdirSync(join(distDir, "assets"));
    writeFileSync(join(distDir, "index.html"), "<!doctype html><html><body>Luodi</body></html>");
    writeFileSync(join(distDir, "assets", "index-abc123.js"), SCRIPT);
    // What the build writes beside it (packages/web/scripts/precompress.ts), marked to tell them apart.
    writeFileSync(join(distDir, "assets", "index-abc123.js.br"), brotliCompressSync(`${SCRIPT}// br\n`));
    writeFileSync(join(distDir, "assets", "index-abc123.js.gz"), gzipSync(`${SCRIPT}// gz\n`));
    writeFileSync(join(distDir, "assets", "tiny-def456.js"), "export {};\n");
    database = await createTestDatabase(dialect);
    app = await buildApp(
      { ...configFromEnv({}), logLevel: "silent", passwordHashing: { memoryCost: 1024, timeCost: 1 } },
      { database, webDistDir: distDir },
    );
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    rmSync(distDir, { recursive: true, force: true });
  });

  const asset = (url: string, acceptEncoding?: string) =>
    app.inject({
      method: "GET",
      url,
      headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
    });

  it("sends the brotli copy to a browser that takes it, cached for a year as immutable", async () => {
    const reply = await asset("/assets/index-abc123.js", "gzip, deflate, br");
    expect(reply.statusCode).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(String(reply.headers.vary)).toMatch(/accept-encoding/i);
    expect(reply.headers["content-type"]).toMatch(/javascript/);
    expect(reply.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(reply.rawPayload).toString()).toBe(`${SCRIPT}// br\n`);
  });

  it("sends gzip to a browser without brotli, and the file itself to one that takes neither", async () => {
    const gzip = await asset("/assets/index-abc123.js", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(`${SCRIPT}// gz\n`);
    const plain = await asset("/assets/index-abc123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("sends a file without compressed copies as it is, and revalidates index.html on every visit", async () => {
    const tiny = await asset("/assets/tiny-def456.js", "br, gzip");
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body).toBe("export {};\n");
    for (const url of ["/", "/objectives/x"]) {
      const page = await asset(url, "br, gzip");
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
    }
    expect((await asset("/assets/missing-000.js", "br")).statusCode).toBe(404);
  });
});
