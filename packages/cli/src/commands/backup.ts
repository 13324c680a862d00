import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import {
  BackupError,
  backupOrganization,
  connect,
  copySqliteFile,
  type DatabaseHandle,
  lockDatabaseFile,
  migrateToLatest,
  restoreOrganization,
} from "@luodi/db";
import { sqlitePathOf } from "@luodi/server";
import type { Command } from "commander";
import { addDatabaseOptions, CliError, configFromFlags, type DatabaseFlags } from "../config-options.ts";

type BackupFlags = DatabaseFlags & { out?: string; orgId?: string; sqliteCopy?: string };

async function organizationToBack(handle: DatabaseHandle, orgId: string | undefined): Promise<string> {
  const rows = await handle.db
    .selectFrom("organization")
    .select(["id", "name"])
    .orderBy("createdAt")
    .execute();
  if (orgId) {
    if (!rows.some((row) => row.id === orgId)) throw new CliError(`no organization with id ${orgId}`);
    return orgId;
  }
  if (rows.length === 0) throw new CliError("there is no organization to back up");
  if (rows.length > 1) {
    const list = rows.map((row) => `  ${row.id}  ${row.name}`).join("\n");
    throw new CliError(`this database holds several organizations; choose one with --org-id:\n${list}`);
  }
  return (rows[0] as { id: string }).id;
}

/** Writes the archive, read in one snapshot: a server may keep writing meanwhile. */
async function writeArchive(handle: DatabaseHandle, orgId: string, path: string): Promise<number> {
  const out = createWriteStream(path, { flags: "wx" });
  let lines = 0;
  const write = async (line: string) => {
    lines += 1;
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  try {
    const run = async (db: DatabaseHandle["db"]) => {
      for await (const line of backupOrganization(db, handle.dialect, orgId)) await write(line);
    };
    if (handle.dialect === "postgres") {
      await handle.db.transaction().setIsolationLevel("repeatable read").execute(run);
    } else {
      // One read transaction: SQLite's WAL gives it the state of its start while writers go on.
      await handle.db.transaction().execute(run);
    }
  } finally {
    out.end();
    await finished(out);
  }
  return lines;
}

/** `luodi backup` and `luodi restore`: an organization as a versioned JSON-lines archive, on either database. */
export function registerBackupCommands(program: Command): void {
  const backup = program
    .command("backup")
    .description(
      "write an organization to a JSON-lines archive (restorable into SQLite or PostgreSQL), or copy the SQLite file while the server runs",
    )
    .option("--out <file>", "the archive to write (default: luodi-backup-<date>.jsonl)")
    .option("--org-id <id>", "the organization (default: the only one)")
    .option("--sqlite-copy <file>", "instead: a consistent copy of the SQLite database file, taken online");
  addDatabaseOptions(backup).action(async (flags: BackupFlags) => {
    const config = configFromFlags(flags);
    if (flags.sqliteCopy) {
      if (config.databaseUrl)
        throw new CliError("--sqlite-copy copies the SQLite file; use pg_dump for PostgreSQL");
      const source = sqlitePathOf(config);
      if (!existsSync(source)) throw new CliError(`no database at ${source}`);
      const target = resolve(flags.sqliteCopy);
      if (existsSync(target)) throw new CliError(`${target} exists already; choose another file`);
      const pages = await copySqliteFile(source, target);
      process.stdout.write(`copied ${source} to ${target} (${pages} pages)\n`);
      return;
    }
    const handle = connect({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
    try {
      const orgId = await organizationToBack(handle, flags.orgId);
      const path = resolve(flags.out ?? `luodi-backup-${new Date().toISOString().slice(0, 10)}.jsonl`);
      if (existsSync(path)) throw new CliError(`${path} exists already; choose another file with --out`);
      const lines = await writeArchive(handle, orgId, path);
      process.stdout.write(`wrote ${lines - 1} rows of organization ${orgId} to ${path}\n`);
    } finally {
      await handle.destroy();
    }
  });

  const restore = program
    .command("restore")
    .description("restore an archive of `luodi backup` into an empty database (all of it, or nothing)")
    .argument("<file>", "the archive");
  addDatabaseOptions(restore).action(async (file: string, flags: DatabaseFlags) => {
    const config = configFromFlags(flags);
    const path = resolve(file);
    if (!existsSync(path)) throw new CliError(`no file at ${path}`);
    // No server may write to the SQLite file meanwhile (the same lock a server takes).
    const lock = config.databaseUrl ? null : lockDatabaseFile(sqlitePathOf(config));
    const handle = connect({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
    try {
      await migrateToLatest(handle.db);
      const lines = createInterface({
        input: createReadStream(path, "utf8"),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      const summary = await restoreOrganization(handle.db, handle.dialect, lines);
      const where = handle.dialect === "postgres" ? "PostgreSQL" : sqlitePathOf(config);
      process.stdout.write(
        `restored organization ${summary.organizationId}: ${summary.rows} rows into ${where}\n`,
      );
    } catch (error) {
      if (error instanceof BackupError) throw new CliError(`${path}: ${error.message}`);
      throw error;
    } finally {
      await handle.destroy();
      lock?.release();
    }
  });
}
