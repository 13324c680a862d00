import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Files worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|html|txt|map)$/i;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each compressible file of `dir` (recursively),
 * each only when it is smaller than the original, at the strongest settings: the build pays once, every
 * visit saves. The server sends the copy the browser accepts (packages/server/src/http/web-app.ts).
 * Returns the files compressed.
 */
export function precompressDir(dir: string): string[] {
  const done: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      done.push(...precompressDir(path));
      continue;
    }
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name) || statSync(path).size < MIN_BYTES) continue;
    const content = readFileSync(path);
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < content.length) writeFileSync(`${path}.gz`, gzip);
    done.push(path);
  }
  return done;
}

/** The Vite plugin: precompresses the hashed assets once the build has written them. */
export function precompress(): Plugin {
  let assetsDir = "";
  return {
    name: "luodi-precompress",
    apply: "build",
    configResolved(config) {
      // outDir may be absolute (a build into a folder of its own): resolve, not join, against the root.
      assetsDir = join(resolve(config.root, config.build.outDir), config.build.assetsDir);
    },
    closeBundle() {
      precompressDir(assetsDir);
    },
  };
}
