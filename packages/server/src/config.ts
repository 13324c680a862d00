import { join, resolve } from "node:path";

/** Everything the server needs to know to run; every field has an environment variable. */
export type ServerConfig = {
  /** PORT */
  port: number;
  /** HOST */
  host: string;
  /** DATA_DIR: where the SQLite file lives when no DATABASE_URL is given. */
  dataDir: string;
  /** DATABASE_URL: postgres://… for PostgreSQL; empty for the embedded SQLite database. */
  databaseUrl: string | undefined;
  /** PUBLIC_URL: the address users reach; https makes cookies Secure. */
  publicUrl: string | undefined;
  /**
   * SMTP_URL: where invitations and password links are emailed (`smtp://user:pass@host:587`,
   * `smtps://…` for TLS from the start); without it they are only shown to the admin, to copy.
   */
  smtpUrl?: string | undefined;
  /** MAIL_FROM: the sender of those emails (default: `Luodi <no-reply@` the PUBLIC_URL's host `>`). */
  mailFrom?: string | undefined;
  /** LOG_LEVEL: pino level, or "silent". */
  logLevel: string;
  /** Argon2id cost; tests lower it, production keeps the library's defaults. */
  passwordHashing: { memoryCost: number; timeCost: number };
  /** The coach's time budget per review in ms (default COACH_TIME_BUDGET_MS); tests shorten it. */
  coachTimeBudgetMs?: number;
  /** The clock, injectable so health and time windows can be tested. */
  now: () => Date;
  /**
   * LUODI_VALIDATE_RESPONSES=1: check every answer against its route's documented response schema and fail
   * the request (500) on a mismatch. Off by default (it costs time); the tests turn it on.
   */
  validateResponses?: boolean;
};

/** Reads the configuration from the environment, with the documented defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.DATA_DIR ?? "data");
  return {
    port: Number.parseInt(env.PORT ?? "3000", 10),
    host: env.HOST ?? "0.0.0.0",
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    logLevel: env.LOG_LEVEL ?? "info",
    passwordHashing: { memoryCost: 65536, timeCost: 3 },
    now: () => new Date(),
    validateResponses: env.LUODI_VALIDATE_RESPONSES === "1",
  };
}

/** Where the embedded database file is kept. */
export function sqlitePathOf(config: Pick<ServerConfig, "dataDir">): string {
  return join(config.dataDir, "luodi.db");
}
