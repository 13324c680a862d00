import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The import rules of .dependency-cruiser.cjs, run on a small monorepo laid out like ours: every rule must
 * report the one file written to break it, and nothing else, and the allowed arrows must stay clean. So a
 * rule whose pattern stops matching (a renamed folder, a changed resolution) fails here, not silently.
 */
const REPO = fileURLToPath(new URL("..", import.meta.url));

/** Workspace package → the workspace packages its fixture package.json declares. */
const DECLARED: Record<string, string[]> = {
  core: [],
  db: ["core"],
  server: ["core", "db"],
  client: ["core"],
  web: ["client"],
  cli: ["core", "db", "server"],
  e2e: ["client", "db", "server"],
};

/** Imports the rules allow: no rule may report them. */
const ALLOWED: Record<string, string> = {
  "packages/core/src/index.ts": 'import { z } from "zod";\nexport const core = z;\n',
  "packages/core/src/corpus.test.ts":
    'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
  "packages/db/src/index.ts": 'import { core } from "@luodi/core";\nexport const db = core;\n',
  "packages/server/src/index.ts":
    'import { core } from "@luodi/core";\nimport { db } from "@luodi/db";\nexport const server = [core, db];\n',
  "packages/client/src/index.ts": 'import { core } from "@luodi/core";\nexport const client = core;\n',
  "packages/web/src/main.ts": 'import { client } from "@luodi/client";\nexport const web = client;\n',
  "packages/cli/src/index.ts": 'import { server } from "@luodi/server";\nexport const cli = server;\n',
  "packages/e2e/api/spec.test.ts":
    'import { client } from "@luodi/client";\nimport { server } from "@luodi/server";\nexport const spec = [client, server];\n',
};

/** Each case breaks rules in its files (a cycle needs two); the rules must be reported from them, no more. */
const VIOLATIONS: Array<{ name: string; files: Record<string, string>; rules: string[] }> = [
  {
    name: "core importing db",
    files: { "packages/core/src/uses-db.ts": 'import { db } from "@luodi/db";\nexport const x = db;\n' },
    rules: ["core-may-import-no-package-of-ours", "core-imports-undeclared-workspace-package"],
  },
  {
    name: "web importing a type of server",
    files: {
      "packages/web/src/uses-server.ts":
        'import type { server } from "@luodi/server";\nexport type X = typeof server;\n',
    },
    rules: ["web-may-import-only-client-core", "web-imports-undeclared-workspace-package"],
  },
  {
    name: "anything importing web",
    files: {
      "packages/e2e/browser/uses-web.ts": 'import { web } from "@luodi/web";\nexport const x = web;\n',
    },
    rules: ["e2e-may-import-only-client-db-server-core", "e2e-imports-undeclared-workspace-package"],
  },
  {
    name: "an allowed package missing from package.json",
    files: {
      "packages/cli/src/remote.ts": 'import { client } from "@luodi/client";\nexport const x = client;\n',
    },
    rules: ["cli-imports-undeclared-workspace-package"],
  },
  {
    name: "a relative path into another package",
    files: {
      "packages/client/src/relative.ts":
        'import { core } from "../../core/src/index.ts";\nexport const x = core;\n',
    },
    rules: ["no-relative-import-across-packages"],
  },
  {
    name: "core reading files",
    files: {
      "packages/core/src/io.ts": 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
    },
    rules: ["core-no-node-builtins"],
  },
  {
    name: "core using a database driver",
    files: { "packages/core/src/driver.ts": 'import pg from "pg";\nexport const x = pg;\n' },
    rules: ["core-npm-allow-list"],
  },
  {
    name: "a cycle of runtime imports",
    files: {
      "packages/server/src/cycle-a.ts": 'import { b } from "./cycle-b.ts";\nexport const a = () => b;\n',
      "packages/server/src/cycle-b.ts": 'import { a } from "./cycle-a.ts";\nexport const b = () => a;\n',
    },
    rules: ["no-circular"],
  },
  {
    name: "a cycle closed by a type import",
    files: {
      "packages/server/src/type-cycle-a.ts":
        'import { b } from "./type-cycle-b.ts";\nexport const a = () => b;\n',
      "packages/server/src/type-cycle-b.ts":
        'import type { a } from "./type-cycle-a.ts";\nexport const b = (f?: typeof a) => f;\n',
    },
    rules: ["no-circular-through-types"],
  },
  {
    name: "an import that does not resolve",
    files: {
      "packages/server/src/unresolvable.ts": 'import { x } from "./missing.ts";\nexport const y = x;\n',
    },
    rules: ["not-to-unresolvable"],
  },
];

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

/** Lays out the fixture monorepo: packages with `exports`, workspace symlinks, and two npm packages. */
function layOut(root: string): void {
  for (const [pkg, deps] of Object.entries(DECLARED)) {
    const entry = pkg === "web" ? "./src/main.ts" : "./src/index.ts";
    const dependencies = Object.fromEntries(deps.map((dep) => [`@luodi/${dep}`, "0.1.0"]));
    const manifest = { name: `@luodi/${pkg}`, type: "module", exports: { ".": entry }, dependencies };
    write(root, `packages/${pkg}/package.json`, JSON.stringify(manifest));
    mkdirSync(join(root, "node_modules/@luodi"), { recursive: true });
    symlinkSync(join(root, "packages", pkg), join(root, "node_modules/@luodi", pkg), "dir");
  }
  for (const npm of ["zod", "pg"]) {
    write(root, `node_modules/${npm}/package.json`, JSON.stringify({ name: npm, main: "index.js" }));
    write(root, `node_modules/${npm}/index.js`, "export const z = 1;\nexport default {};\n");
  }
  for (const [file, text] of Object.entries(ALLOWED)) write(root, file, text);
  for (const { files } of VIOLATIONS)
    for (const [file, text] of Object.entries(files)) write(root, file, text);
  // The config reads the package.json files beside it, so it runs here against the fixture's.
  copyFileSync(join(REPO, ".dependency-cruiser.cjs"), join(root, ".dependency-cruiser.cjs"));
}

describe("import boundaries (.dependency-cruiser.cjs)", () => {
  let root: string;
  let reported: Map<string, Set<string>>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "luodi-boundaries-"));
    layOut(root);
    const options = await extractDepcruiseOptions(join(root, ".dependency-cruiser.cjs"));
    const { output } = await cruise(["packages"], { ...options, baseDir: root });
    reported = new Map();
    for (const violation of (output as ICruiseResult).summary.violations) {
      const rules = reported.get(violation.from) ?? new Set<string>();
      rules.add(violation.rule.name);
      reported.set(violation.from, rules);
    }
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it.each(VIOLATIONS)("reports $name under $rules", ({ files, rules }) => {
    const found = Object.keys(files).flatMap((file) => [...(reported.get(file) ?? [])]);
    expect([...new Set(found)].sort()).toEqual([...rules].sort());
  });

  it("reports none of the allowed imports", () => {
    for (const file of Object.keys(ALLOWED)) expect(reported.get(file), file).toBeUndefined();
  });

  it("reports nothing outside the files written to break a rule", () => {
    const broken = new Set(VIOLATIONS.flatMap(({ files }) => Object.keys(files)));
    expect([...reported.keys()].filter((file) => !broken.has(file))).toEqual([]);
  });
});
