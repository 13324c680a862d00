import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { connect, migrateToLatest, testDialects } from "@luodi/db";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";

/*
 * Issue 15: two servers on one SQLite file failed 36 % of check-ins ("database is locked") and served
 * stale permissions for a minute. The second `luodi serve` on the same file now refuses to start, saying
 * to use PostgreSQL; on PostgreSQL several processes are fine. Real processes, as an operator runs them.
 */

const REPO_ROOT = resolve(import.meta.dirname, "..", "..", "..", "..");
const MAIN = join(REPO_ROOT, "packages", "cli", "src", "main.ts");

type Served = { child: ChildProcess; stdout: string; stderr: string; exit: Promise<number | null> };

const started: ChildProcess[] = [];

/** Starts `luodi serve` on port 0; resolves once it listens (with its URL) or has exited (with its code). */
async function serve(env: Record<string, string>): Promise<Served & { url?: string; code?: number | null }> {
  // tsx as a loader, not its CLI: the CLI would run the server in a child of its own, out of reach of a kill.
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "serve"], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const served: Served = {
    child,
    stdout: "",
    stderr: "",
    exit: new Promise((done) => child.once("exit", (code) => done(code))),
  };
  child.stdout?.on("data", (chunk) => {
    served.stdout += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    served.stderr += String(chunk);
  });
  return new Promise((done) => {
    const poll = setInterval(() => {
      const url = /listening on (http:\/\/\S+)/.exec(served.stdout)?.[1];
      if (url) {
        clearInterval(poll);
        done({ ...served, url });
      }
    }, 50);
    void served.exit.then((code) => {
      clearInterval(poll);
      done({ ...served, code });
    });
  });
}

afterAll(() => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

describe.each(testDialects())("one server per database file, on %s", (dialect) => {
  if (dialect === "sqlite") {
    const dataDir = mkdtempSync(join(tmpdir(), "luodi-lock-"));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it("refuses a second `luodi serve` on the same SQLite file, pointing to PostgreSQL, until the first ends", async () => {
      const first = await serve({ DATA_DIR: dataDir });
      expect(first.url, first.stderr).toBeDefined();

      const second = await serve({ DATA_DIR: dataDir });
      expect(second.url).toBeUndefined();
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("Another Luodi process is already serving the database");
      expect(second.stderr).toContain(join(dataDir, "luodi.db.lock"));
      expect(second.stderr).toContain("PostgreSQL");
      expect(second.stderr).toContain("DATABASE_URL");
      // The first one serves on, untouched.
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

      // Killed outright, the first leaves no stale lock: the operating system released it.
      first.child.kill("SIGKILL");
      await first.exit;
      const third = await serve({ DATA_DIR: dataDir });
      expect(third.url, third.stderr).toBeDefined();
      // Stopped as an operator stops it, it ends cleanly and frees the file too.
      third.child.kill("SIGTERM");
      expect(await third.exit).toBe(0);
      const fourth = await serve({ DATA_DIR: dataDir });
      expect(fourth.url, fourth.stderr).toBeDefined();
      fourth.child.kill("SIGTERM");
      expect(await fourth.exit).toBe(0);
    }, 120_000);
  } else {
    it("lets several processes serve one PostgreSQL database", async () => {
      const url = process.env.LUODI_TEST_DATABASE_URL as string;
      const schema = `serve_lock_${process.pid}_${Date.now()}`;
      const admin = connect({ databaseUrl: url, poolSize: 1 });
      try {
        await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
        // Migrated here first, with Kysely's bookkeeping in the schema itself (see createTestDatabase).
        const prepared = connect({ databaseUrl: url, pgSchema: schema, poolSize: 1 });
        await migrateToLatest(prepared.db, { migrationTableSchema: schema });
        await prepared.destroy();
        const databaseUrl = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
        const first = await serve({ DATABASE_URL: databaseUrl });
        expect(first.url, first.stderr).toBeDefined();
        const second = await serve({ DATABASE_URL: databaseUrl });
        expect(second.url, second.stderr).toBeDefined();
        for (const each of [first, second]) {
          expect((await fetch(`${each.url}/readyz`)).status).toBe(200);
          each.child.kill("SIGTERM");
          expect(await each.exit).toBe(0);
        }
      } finally {
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin.db);
        await admin.destroy();
      }
    }, 120_000);
  }
});
