// @ts-check
/**
 * Import boundaries of the workspaces, checked by `npm run check:boundaries` (part of `npm run check`, and so of
 * `npm test`). The rules are the ones docs/ARCHITECTURE.md and shared/conventions.md state in prose:
 *
 *   core ← db ← server ← cli        core ← client ← web, cli        e2e uses client, db, server
 *
 * Each package has an allow-list of the packages it may import; anything else, including any package
 * added later, is refused until someone decides where it sits. test/boundaries.test.ts runs this file on
 * a small fixture monorepo, one violation per rule, so a rule that stops matching fails a test.
 *
 * Rules match resolved paths: `@luodi/core` resolves through the workspace symlink to
 * packages/core/src/index.ts, so `^packages/core/` covers an import by name and a relative one alike.
 * Unused files, exports and npm dependencies are Knip's job (knip.jsonc).
 */
const { existsSync, readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

/** Test and bench files: they may read files (the coach corpus) and use test-only helpers. */
const TEST_OR_BENCH = "(\\.test\\.tsx?$|/test/|/bench/)";

/**
 * A rule saying that one package may import no package of ours outside `allowed`.
 * @param {string} pkg folder under packages/
 * @param {string[]} allowed folders under packages/
 * @param {string} why
 * @returns {import("dependency-cruiser").IForbiddenRuleType}
 */
function mayImportOnly(pkg, allowed, why) {
  return {
    name: allowed.length
      ? `${pkg}-may-import-only-${allowed.join("-")}`
      : `${pkg}-may-import-no-package-of-ours`,
    comment: why,
    severity: "error",
    from: { path: `^packages/${pkg}/` },
    to: { path: "^packages/", pathNot: `^packages/(${[pkg, ...allowed].join("|")})/` },
  };
}

/**
 * One rule per package: it imports by name only the workspace packages its own package.json lists.
 * Knip checks npm packages but counts a workspace package as available everywhere, so this closes the
 * gap (e.g. web tests importing @luodi/core while web's package.json does not say so). Read from the
 * package.json files next to this config, so declaring the dependency is the fix.
 * @returns {import("dependency-cruiser").IForbiddenRuleType[]}
 */
function declaredWorkspaceImports() {
  const root = join(__dirname, "packages");
  /** @type {Map<string, { name: string; deps: string[] }>} folder → package name and everything it lists */
  const packages = new Map();
  for (const folder of readdirSync(root)) {
    const file = join(root, folder, "package.json");
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, "utf8"));
    const deps = Object.keys({ ...json.dependencies, ...json.devDependencies, ...json.peerDependencies });
    packages.set(folder, { name: json.name, deps });
  }
  return [...packages].map(([folder, { deps }]) => {
    const declared = [...packages].filter(([, other]) => deps.includes(other.name)).map(([f]) => f);
    return {
      name: `${folder}-imports-undeclared-workspace-package`,
      comment: `List the package in packages/${folder}/package.json, then run npm install.`,
      severity: "error",
      from: { path: `^packages/${folder}/` },
      to: {
        dependencyTypesNot: ["local"], // relative paths have their own rule below
        path: "^packages/",
        pathNot: `^packages/(${[folder, ...declared].join("|")})/`,
      },
    };
  });
}

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    // Dependencies point one way; each allow-list is that package's arrows in the picture above.
    mayImportOnly(
      "core",
      [],
      "core is the pure domain every other package builds on: importing one of them would tie the rules " +
        "to I/O and make a cycle between packages.",
    ),
    mayImportOnly("db", ["core"], "db sits right above core: core ← db ← server ← cli."),
    mayImportOnly(
      "server",
      ["core", "db"],
      "The server uses core's rules and db's repositories; it never reaches into the client, the web app, " +
        "the CLI or the tests (it serves the built web app from disk, it does not import it).",
    ),
    mayImportOnly(
      "client",
      ["core"],
      "The typed HTTP client rests on core's schemas alone: it runs in the browser, so it must not pull in " +
        "the server or the database.",
    ),
    mayImportOnly(
      "web",
      ["client", "core"],
      "The browser reaches the server only over HTTP, through @luodi/client. Importing server or db would " +
        "bundle Node-only code (argon2, better-sqlite3, pg) into the SPA. core is pure, so it may be used.",
    ),
    mayImportOnly(
      "cli",
      ["core", "db", "server", "client"],
      "The CLI runs local commands on db and server and remote ones through the client. Nothing imports web.",
    ),
    mayImportOnly(
      "e2e",
      ["client", "db", "server", "core"],
      "Acceptance specs drive the real server (through the client or HTTP) on a real database. They never " +
        "import the web app's source: browser specs use the built SPA through Chromium.",
    ),
    ...declaredWorkspaceImports(),
    {
      name: "no-relative-import-across-packages",
      comment:
        "Import another package by its name (@luodi/core), never by a path (../../core/src/x.ts): a path " +
        "skips the package's public entry (its package.json `exports`) and its declared dependency.",
      severity: "error",
      from: { path: "^packages/([^/]+)/" },
      to: { dependencyTypes: ["local"], path: "^packages/", pathNot: "^packages/$1/" },
    },
    {
      name: "core-no-node-builtins",
      comment:
        "core has no I/O: the same rules run in the server, the CLI and the browser, and are tested without " +
        "a disk or a network. Only its tests and bench may read files (the coach corpus).",
      severity: "error",
      from: { path: "^packages/core/", pathNot: TEST_OR_BENCH },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-npm-allow-list",
      comment:
        "core uses only pure libraries. Adding one is a decision taken in review by adding it here, so a " +
        "database driver, an HTTP client or a file library never slips into the domain rules.",
      severity: "error",
      from: { path: "^packages/core/", pathNot: TEST_OR_BENCH },
      to: { path: "node_modules/", pathNot: "node_modules/(zod|decimal\\.js)/" },
    },
    {
      name: "no-circular",
      comment:
        "A cycle of runtime imports makes module load order matter (an import is undefined while its module " +
        "is still loading) and means two modules are really one: merge them or move the shared part down.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-circular-through-types",
      comment:
        "A cycle closed by an `import type` is harmless at run time but ties the two modules' designs " +
        "together all the same (e.g. a cache typed against the whole context that holds it): give the lower " +
        "module a narrow type of its own, or move the shared type down.",
      severity: "error",
      from: {},
      to: { circular: true, via: { dependencyTypes: ["type-only"] } },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that cannot be resolved is one no rule above can check (tsc refuses it too).",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // node_modules stay in the graph (not followed) so rules can see imports of npm packages.
    exclude: { path: "(^|/)(dist|test-results|bench-results|data)/" },
    // `import type { X } from "@luodi/server"` in web is a violation too, though erased at build time.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      // Workspace packages resolve through their package.json `exports` (which point at src/*.ts).
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
