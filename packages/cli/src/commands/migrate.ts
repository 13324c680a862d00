import { connect, migrateToLatest } from "@luodi/db";
import { sqlitePathOf } from "@luodi/server";
import type { Command } from "commander";
import { addDatabaseOptions, configFromFlags, type DatabaseFlags } from "../config-options.ts";

/** `luodi migrate`: brings the configured database's schema up to date. */
export function registerMigrateCommand(program: Command): void {
  const command = program
    .command("migrate")
    .description("apply the database migrations that have not run yet");
  addDatabaseOptions(command).action(async (flags: DatabaseFlags) => {
    const config = configFromFlags(flags);
    const handle = connect({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
    try {
      const ran = await migrateToLatest(handle.db);
      const where = handle.dialect === "postgres" ? "PostgreSQL" : sqlitePathOf(config);
      if (ran.length === 0) process.stdout.write(`${where}: already up to date\n`);
      else
        process.stdout.write(
          `${where}: applied ${ran.length} migration(s)\n${ran.map((n) => `  ${n}\n`).join("")}`,
        );
    } finally {
      await handle.destroy();
    }
  });
}
