import type { LintFinding } from "./lint-drafts.ts";

/** What one run of `luodi lint` looked at. */
export type LintSummary = { files: number; objectives: number };

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Findings like a compiler's (`file:line: severity code message` and the suggestion indented), then a summary. */
export function formatTable(findings: readonly LintFinding[], summary: LintSummary): string {
  const lines = findings.flatMap((finding) => [
    `${finding.file}:${finding.line}: ${finding.severity} ${finding.code} ${finding.message}`,
    `    suggestion: ${finding.suggestion}`,
  ]);
  const bySeverity = (severity: LintFinding["severity"]) =>
    findings.filter((finding) => finding.severity === severity).length;
  lines.push(
    [
      count(summary.files, "file"),
      count(summary.objectives, "objective"),
      count(bySeverity("error"), "error"),
      count(bySeverity("warning"), "warning"),
      count(bySeverity("info"), "info"),
    ].join(", "),
  );
  return `${lines.join("\n")}\n`;
}

/** Findings as a JSON array of `{ file, line, objective, code, severity, target, message, suggestion }`. */
export function formatJson(findings: readonly LintFinding[]): string {
  const rows = findings.map(({ file, line, objective, code, severity, target, message, suggestion }) => ({
    file,
    line,
    objective,
    code,
    severity,
    target,
    message,
    suggestion,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
