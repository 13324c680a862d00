import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { precompressDir } from "./precompress.ts";

describe("precompressDir", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes brotli and gzip copies of text assets that decompress to the original, and leaves the rest", () => {
    dir = mkdtempSync(join(tmpdir(), "precompress-"));
    mkdirSync(join(dir, "nested"));
    const script = `export const okrs = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `kr-${i}`))};\n`;
    writeFileSync(join(dir, "index-abc.js"), script);
    writeFileSync(join(dir, "nested", "style-def.css"), "body { color: red; }\n".repeat(100));
    writeFileSync(join(dir, "tiny.js"), "export {};\n");
    writeFileSync(join(dir, "photo.png"), Buffer.alloc(4096, 7));
    precompressDir(dir);
    expect(readdirSync(dir).sort()).toEqual([
      "index-abc.js",
      "index-abc.js.br",
      "index-abc.js.gz",
      "nested",
      "photo.png",
      "tiny.js",
    ]);
    expect(readdirSync(join(dir, "nested")).sort()).toEqual([
      "style-def.css",
      "style-def.css.br",
      "style-def.css.gz",
    ]);
    expect(brotliDecompressSync(readFileSync(join(dir, "index-abc.js.br"))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, "index-abc.js.gz"))).toString()).toBe(script);
    expect(readFileSync(join(dir, "index-abc.js.br")).length).toBeLessThan(script.length / 3);
  });
});
