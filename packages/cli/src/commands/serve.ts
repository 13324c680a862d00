import { buildApp, sqlitePathOf } from "@luodi/server";
import { type Command, Option } from "commander";
import { addDatabaseOptions, configFromFlags, type DatabaseFlags, integerIn } from "../config-options.ts";

type ServeFlags = DatabaseFlags & {
  port?: number;
  host?: string;
  publicUrl?: string;
  logLevel?: string;
  smtpUrl?: string;
  mailFrom?: string;
  trustProxy?: string;
};

/** `luodi serve`: runs the HTTP server until SIGINT or SIGTERM. */
export function registerServeCommand(program: Command): void {
  const command = program
    .command("serve")
    .description("run the Luodi server (creates and migrates the database on start)")
    .addOption(
      new Option("--port <port>", "port to listen on (default: 3000)")
        .env("PORT")
        .argParser(integerIn(0, 65535)),
    )
    .addOption(new Option("--host <host>", "address to bind (default: 0.0.0.0)").env("HOST"));
  addDatabaseOptions(command)
    .addOption(
      new Option("--public-url <url>", "address users reach; https makes cookies Secure").env("PUBLIC_URL"),
    )
    .addOption(
      new Option(
        "--smtp-url <url>",
        "smtp(s)://user:pass@host:port to email invitations and password links (default: none; links are copied)",
      ).env("SMTP_URL"),
    )
    .addOption(
      new Option(
        "--mail-from <address>",
        "sender of those emails (default: Luodi <no-reply@PUBLIC_URL's host>)",
      ).env("MAIL_FROM"),
    )
    .addOption(
      new Option(
        "--trust-proxy <proxies>",
        "proxies allowed to name the client's address in X-Forwarded-For: true, a hop count, or addresses/CIDRs (default: none)",
      ).env("TRUST_PROXY"),
    )
    .addOption(
      new Option("--log-level <level>", "pino log level, or silent (default: info)")
        .env("LOG_LEVEL")
        .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    )
    .action(async (flags: ServeFlags) => {
      const config = configFromFlags(flags);
      const app = await buildApp(config);
      let closing = false;
      const shutdown = (signal: string) => {
        if (closing) return;
        closing = true;
        process.stderr.write(`${signal}: finishing requests and closing the database…\n`);
        // Fastify's close drains open requests, then the app's onClose hook closes the database.
        app.close().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once("SIGINT", () => shutdown("SIGINT"));
      process.once("SIGTERM", () => shutdown("SIGTERM"));
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
      const url =
        config.publicUrl ?? `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
      const database = config.databaseUrl ? "PostgreSQL" : `SQLite at ${sqlitePathOf(config)}`;
      process.stdout.write(`Luodi is listening on ${url} (database: ${database})\n`);
    });
}
