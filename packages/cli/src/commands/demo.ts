import { LOCALES, type Locale } from "@luodi/core";
import { connect, countOrganizations, migrateToLatest } from "@luodi/db";
import { hashPassword, type ServerConfig, sqlitePathOf } from "@luodi/server";
import { type Command, Option } from "commander";
import {
  addDatabaseOptions,
  CliError,
  configFromFlags,
  type DatabaseFlags,
  integerIn,
} from "../config-options.ts";
import { runRealisticDemo } from "../demo/realistic.ts";
import { openResetDatabase } from "../demo/reset.ts";
import { generateSyntheticOrganization } from "../demo/synthetic.ts";

type DemoFlags = DatabaseFlags & { locale: Locale; size?: number; seed: number; reset?: boolean };

/** The password every demo login shares. */
const DEMO_PASSWORD = "luodi-demo";

/** Demo logins are throwaway: a cheap argon2id cost keeps the demo to seconds. */
const DEMO_HASHING: ServerConfig["passwordHashing"] = { memoryCost: 1024, timeCost: 1 };

/** `luodi demo`: fills an empty database with a demo organization. */
export function registerDemoCommand(program: Command): void {
  const command = program
    .command("demo")
    .description(
      "create a demo organization: a realistic ~60-person company through the API, or with --size a large synthetic one",
    )
    .addOption(new Option("--locale <locale>", "language of the demo").choices(LOCALES).default("zh-CN"))
    .addOption(
      new Option(
        "--size <people>",
        "build a synthetic organization of this many people instead (fast bulk insert)",
      ).argParser(integerIn(1, 1_000_000)),
    )
    .addOption(
      new Option("--seed <n>", "seed of the synthetic organization")
        .argParser(integerIn(0, 2 ** 31))
        .default(20_261_127),
    )
    .option("--reset", "delete everything in the database first");
  addDatabaseOptions(command).action(async (flags: DemoFlags) => {
    const config: ServerConfig = {
      ...configFromFlags(flags),
      logLevel: "silent",
      passwordHashing: DEMO_HASHING,
    };
    const target = { databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) };
    const handle = flags.reset ? await openResetDatabase(target) : connect(target);
    const where = handle.dialect === "postgres" ? "PostgreSQL" : target.sqlitePath;
    try {
      await migrateToLatest(handle.db);
      if ((await countOrganizations(handle.db)) > 0) {
        throw new CliError(
          `${where} already holds an organization; run with --reset to replace everything in it`,
        );
      }
      const started = performance.now();
      if (flags.size !== undefined) {
        const passwordHash = await hashPassword(DEMO_PASSWORD, { passwordHashing: DEMO_HASHING });
        const summary = await generateSyntheticOrganization(handle.db, {
          size: flags.size,
          seed: flags.seed,
          locale: flags.locale,
          now: config.now(),
          passwordHash,
        });
        const c = summary.counts;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          [
            `Created ${summary.organizationName} in ${where} (${seconds} s):`,
            `  ${c.users} people, ${c.departments} departments, ${c.cycles} cycles`,
            `  ${c.objectives} objectives, ${c.keyResults} key results, ${c.milestones} milestones, ${c.checkIns} check-ins`,
            "",
            `Sign in as ${summary.adminEmail} with password ${DEMO_PASSWORD} (every user{n}@ login shares it).`,
            "",
          ].join("\n"),
        );
        return;
      }
      const log = process.stderr.isTTY ? (line: string) => process.stderr.write(`  … ${line}\n`) : undefined;
      const result = await runRealisticDemo({
        config,
        database: handle,
        locale: flags.locale,
        ...(log ? { log } : {}),
      });
      const c = result.counts;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const width = Math.max(...result.logins.map((l) => l.email.length));
      process.stdout.write(
        [
          `Created ${result.organizationName} in ${where} (${seconds} s):`,
          `  ${c.members} people in ${c.departments} departments, ${c.objectives} objectives, ${c.keyResults} key results, ${c.checkIns} check-ins`,
          "",
          `Sign in with password ${result.password}:`,
          ...result.logins.map((l) => `  ${l.email.padEnd(width)}  ${l.name} · ${l.title} (${l.role})`),
          "",
          "Run `npm start` and open http://localhost:3000.",
          "",
        ].join("\n"),
      );
    } finally {
      await handle.destroy();
    }
  });
}
