import type { CoachLocale } from "@luodi/core";
import { LintInputError } from "./draft.ts";
import { formatJson, formatTable } from "./format.ts";
import { type LintFinding, lintDrafts } from "./lint-drafts.ts";
import { readDrafts } from "./read-drafts.ts";

/** Exit codes of `luodi lint`: findings at error level fail a CI job; unreadable input is a usage problem. */
export const LINT_EXIT = { clean: 0, errors: 1, unreadable: 2 } as const;

/** Options for `runLint`. */
export type RunLintOptions = {
  /** `table` prints findings like a compiler; `json` prints an array of findings. */
  format: "table" | "json";
  /** Language of messages; default: the language each OKR is written in. */
  locale?: CoachLocale | undefined;
  /** How many objectives the owner has in the cycle. */
  ownerObjectiveCount?: number | undefined;
};

/** Where `runLint` writes: findings to `stdout`, unreadable files to `stderr`. */
export type LintOutput = { stdout: (text: string) => void; stderr: (text: string) => void };

const PROCESS_OUTPUT: LintOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Lints each file, reports the findings, and returns the exit code: 2 when a file could not be read
 * (the others are still linted), else 1 when a finding is an error, else 0.
 */
export async function runLint(
  files: readonly string[],
  options: RunLintOptions,
  output: LintOutput = PROCESS_OUTPUT,
): Promise<number> {
  const findings: LintFinding[] = [];
  let filesRead = 0;
  let objectives = 0;
  let isUnreadable = false;
  for (const file of files) {
    try {
      const drafts = await readDrafts(file);
      filesRead += 1;
      objectives += drafts.length;
      findings.push(
        ...lintDrafts(file, drafts, {
          locale: options.locale,
          ownerObjectiveCount: options.ownerObjectiveCount,
        }),
      );
    } catch (error) {
      if (!(error instanceof LintInputError)) throw error;
      output.stderr(`luodi lint: ${file}: ${error.message}\n`);
      isUnreadable = true;
    }
  }
  output.stdout(
    options.format === "json"
      ? formatJson(findings)
      : formatTable(findings, { files: filesRead, objectives }),
  );
  if (isUnreadable) return LINT_EXIT.unreadable;
  return findings.some((finding) => finding.severity === "error") ? LINT_EXIT.errors : LINT_EXIT.clean;
}
