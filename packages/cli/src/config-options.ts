import { resolve } from "node:path";
import { configFromEnv, type ServerConfig, trustProxyOf } from "@luodi/server";
import { type Command, InvalidArgumentError, Option } from "commander";

/** Flags every command that opens the database understands; each falls back to its environment variable. */
export type DatabaseFlags = {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
};

/** Adds `--data-dir` (DATA_DIR) and `--database-url` (DATABASE_URL) to a command. */
export function addDatabaseOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--data-dir <path>", "folder of the embedded SQLite database (default: ./data)").env(
        "DATA_DIR",
      ),
    )
    .addOption(
      new Option("--database-url <url>", "postgres://… to use PostgreSQL instead of SQLite").env(
        "DATABASE_URL",
      ),
    );
}

/** The server configuration: the environment's, with the flags given on the command line on top. */
export function configFromFlags(
  flags: DatabaseFlags & {
    port?: number;
    host?: string;
    publicUrl?: string;
    logLevel?: string;
    smtpUrl?: string;
    mailFrom?: string;
    trustProxy?: string;
  },
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const config = configFromEnv(env);
  return {
    ...config,
    ...(flags.dataDir ? { dataDir: resolve(flags.dataDir) } : {}),
    ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.host ? { host: flags.host } : {}),
    ...(flags.publicUrl ? { publicUrl: flags.publicUrl } : {}),
    ...(flags.logLevel ? { logLevel: flags.logLevel } : {}),
    ...(flags.smtpUrl ? { smtpUrl: flags.smtpUrl } : {}),
    ...(flags.mailFrom ? { mailFrom: flags.mailFrom } : {}),
    ...(flags.trustProxy ? { trustProxy: trustProxyOf(flags.trustProxy) } : {}),
  };
}

/** Commander parser for a whole number within bounds. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/** A mistake of the person at the keyboard: printed as one line, without a stack. */
export class CliError extends Error {}
