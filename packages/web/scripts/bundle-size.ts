/**
 * Reports the gzipped size of the JavaScript the first page load downloads — the entry chunk and every
 * chunk it imports statically, read from Vite's build manifest — and fails over the budget. Screens,
 * charts and the editor are dynamic imports and do not count.
 *
 *   tsx packages/web/scripts/bundle-size.ts [--dist DIR] [--limit-kb 350] [--json]
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

type ManifestChunk = {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

export type BundleReport = {
  /** Files of the initial load with their gzipped size in bytes, largest first. */
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
  limitBytes: number;
  withinLimit: boolean;
};

/** The chunks the entry pulls in before anything renders: itself and its static imports, transitively. */
export function initialChunks(manifest: Manifest): ManifestChunk[] {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error("The manifest names no entry chunk");
  const seen = new Set<string>();
  const chunks: ManifestChunk[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest refers to a missing chunk: ${key}`);
    chunks.push(chunk);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return chunks;
}

export function measure(distDir: string, limitBytes: number): BundleReport {
  const manifestPath = join(distDir, ".vite", "manifest.json");
  if (!existsSync(manifestPath))
    throw new Error(`No build manifest at ${manifestPath}: run the web build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const files = initialChunks(manifest)
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith(".js"))
    .map((file) => {
      const content = readFileSync(join(distDir, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, gzipBytes, limitBytes, withinLimit: gzipBytes <= limitBytes };
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const here = dirname(fileURLToPath(import.meta.url));
  const distDir = resolve(option("--dist") ?? join(here, "..", "dist"));
  const limitKb = Number(option("--limit-kb") ?? 350);
  try {
    const report = measure(distDir, limitKb * 1024);
    if (process.argv.includes("--json")) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      for (const f of report.files) {
        console.log(
          `${(f.gzipBytes / 1024).toFixed(1).padStart(8)} KB gz  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  ${f.file}`,
        );
      }
      console.log(
        `initial JS: ${(report.gzipBytes / 1024).toFixed(1)} KB gzipped (limit ${limitKb} KB) — ${report.withinLimit ? "OK" : "OVER BUDGET"}`,
      );
    }
    process.exit(report.withinLimit ? 0 : 1);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
