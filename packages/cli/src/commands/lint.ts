import type { CoachLocale } from "@luodi/core";
import { type Command, InvalidArgumentError, Option } from "commander";
import { LINT_EXTENSIONS } from "../lint/read-drafts.ts";
import { runLint } from "../lint/run-lint.ts";

type LintFlags = {
  format: "table" | "json";
  locale?: CoachLocale;
  ownerObjectives?: number;
};

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new InvalidArgumentError("expected a whole number");
  return count;
}

/**
 * `luodi lint FILE…`: runs the OKR coach on drafts in Markdown, CSV or xlsx and reports like a compiler.
 * Exit code 1 when a finding is an error, 2 when a file cannot be read, else 0.
 */
export function registerLintCommand(program: Command): void {
  program
    .command("lint")
    .description("check OKR drafts with the OKR coach; exit 1 on error-level findings, 2 on unreadable input")
    .argument("<files...>", `drafts to check (${LINT_EXTENSIONS.join(", ")})`)
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .addOption(
      new Option("--locale <locale>", "language of messages (default: the language of each OKR)").choices([
        "zh-CN",
        "en",
      ]),
    )
    .option(
      "--owner-objectives <n>",
      "how many objectives the owner has in the cycle (checks set.too_many_objectives)",
      parseCount,
    )
    .action(async (files: string[], flags: LintFlags) => {
      process.exitCode = await runLint(files, {
        format: flags.format,
        locale: flags.locale,
        ownerObjectiveCount: flags.ownerObjectives,
      });
    });
}
