import { Command } from "commander";
import { registerBackupCommands } from "./commands/backup.ts";
import { registerDataCommands } from "./commands/data.ts";
import { registerDemoCommand } from "./commands/demo.ts";
import { registerLintCommand } from "./commands/lint.ts";
import { registerMigrateCommand } from "./commands/migrate.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerUserCommand } from "./commands/user.ts";

/** The `luodi` command with every sub-command registered. */
export function createProgram(): Command {
  const program = new Command()
    .name("luodi")
    .description("Luodi (落地) — the self-hosted OKR platform")
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerUserCommand(program);
  registerDemoCommand(program);
  registerLintCommand(program);
  registerBackupCommands(program);
  registerDataCommands(program);
  return program;
}
