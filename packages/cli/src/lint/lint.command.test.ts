import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerLintCommand } from "../commands/lint.ts";
import type { LintFinding } from "./lint-drafts.ts";
import { LINT_EXIT, runLint } from "./run-lint.ts";
import { OKR_XLSX_LAYOUT, xlsxHeaderRow } from "./xlsx-layout.ts";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const FIXTURES = relative(ROOT, fileURLToPath(new URL("./fixtures/", import.meta.url)));
const fixture = (name: string) => join(FIXTURES, name);

/** Runs `lint` in this process on paths relative to the repository root. */
async function lint(files: string[], options: Partial<Parameters<typeof runLint>[1]> = {}) {
  let stdout = "";
  let stderr = "";
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await runLint(
      files,
      { format: "table", ...options },
      {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "luodi-lint-"));
  mkdirSync(join(dir, "folder.md"));
  writeFileSync(join(dir, "notes.md"), "Just prose, no objectives here.\n");
  writeFileSync(join(dir, "broken.csv"), 'objective,key_result\nA,"never closed\n');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("runLint on the fixtures", () => {
  it.each([
    [
      "okrs.en.md",
      LINT_EXIT.errors,
      [
        "okrs.en.md:12: warning objective.is_task",
        "okrs.en.md:14: warning kr.weasel_words",
        "okrs.en.md:15: warning kr.is_task",
        "okrs.en.md:21: error set.no_krs",
      ],
    ],
    [
      "okrs.zh.md",
      LINT_EXIT.errors,
      [
        "okrs.zh.md:9: warning kr.is_task",
        "okrs.zh.md:9: warning kr.weasel_words",
        "okrs.zh.md:10: error kr.not_measurable",
        "okrs.zh.md:12: error set.no_krs",
      ],
    ],
    [
      "okrs.en.csv",
      LINT_EXIT.errors,
      [
        "okrs.en.csv:5: warning kr.is_task",
        "okrs.en.csv:7: error kr.not_measurable",
        "okrs.en.csv:8: error set.no_krs",
      ],
    ],
    [
      "okrs.zh.csv",
      LINT_EXIT.errors,
      [
        "okrs.zh.csv:5: warning kr.is_task",
        "okrs.zh.csv:6: warning kr.weasel_words",
        "okrs.zh.csv:6: error kr.not_measurable",
        "okrs.zh.csv:7: error set.no_krs",
      ],
    ],
    ["clean.en.md", LINT_EXIT.clean, []],
  ])("%s exits %i with findings on the right lines", async (name, code, expected) => {
    const result = await lint([fixture(name)]);
    expect(result.code).toBe(code);
    for (const line of expected) expect(result.stdout).toContain(`${FIXTURES}/${line}`);
    expect(result.stderr).toBe("");
  });

  it("writes messages in the language of each OKR unless --locale says otherwise", async () => {
    const zh = await lint([fixture("okrs.zh.md")]);
    expect(zh.stdout).toContain("「提升客户满意度」没有数字");
    const en = await lint([fixture("okrs.zh.md")], { locale: "en", format: "json" });
    const finding = (JSON.parse(en.stdout) as LintFinding[]).find((f) => f.code === "kr.not_measurable");
    expect(finding?.message).toMatch(/^"提升客户满意度" has no number/);
  });

  it("sums several files in the summary line", async () => {
    const result = await lint([fixture("clean.en.md"), fixture("okrs.zh.csv")]);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(
      "2 files, 4 objectives, 2 errors, 3 warnings, 2 infos",
    );
  });

  it.each([
    ["a missing file", "nope.md", /nope\.md: no such file/],
    ["an unknown extension", "package.json", /unsupported file type "\.json"/],
    ["a directory", "<tmp>/folder.md", /folder\.md: is a directory/],
    ["a file without OKRs", "<tmp>/notes.md", /notes\.md: no objectives found/],
    ["a malformed CSV", "<tmp>/broken.csv", /broken\.csv: malformed CSV/],
  ])("exits 2 on %s, still linting the other files", async (_name, file, message) => {
    const result = await lint([file.replace("<tmp>", dir), fixture("okrs.en.md")], { format: "json" });
    expect(result.code).toBe(LINT_EXIT.unreadable);
    expect(result.stderr).toMatch(message);
    expect((JSON.parse(result.stdout) as LintFinding[]).length).toBeGreaterThan(0);
  });
});

describe("registerLintCommand", () => {
  const program = () => {
    const command = new Command("luodi").exitOverride().configureOutput({ writeErr: () => {} });
    registerLintCommand(command);
    for (const sub of command.commands) sub.exitOverride().configureOutput({ writeErr: () => {} });
    return command;
  };
  afterEach(() => {
    process.exitCode = undefined;
  });

  it("rejects a bad --owner-objectives and an unknown --locale", async () => {
    for (const flags of [
      ["--owner-objectives", "many"],
      ["--locale", "fr"],
    ]) {
      await expect(program().parseAsync(["node", "luodi", "lint", ...flags, "x.md"])).rejects.toThrow(
        CommanderError,
      );
    }
  });

  it("passes --owner-objectives to the coach and sets the exit code", async () => {
    const write = process.stdout.write;
    let out = "";
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      await program().parseAsync([
        "node",
        "luodi",
        "lint",
        "--owner-objectives",
        "6",
        "--format",
        "json",
        join(ROOT, fixture("clean.en.md")),
      ]);
    } finally {
      process.stdout.write = write;
    }
    expect((JSON.parse(out) as LintFinding[]).map((f) => f.code)).toEqual(["set.too_many_objectives"]);
    expect(process.exitCode).toBe(LINT_EXIT.clean);
  });
});

describe("luodi lint as a child process", () => {
  const luodi = (...args: string[]) =>
    spawnSync("npx", ["tsx", "packages/cli/src/main.ts", "lint", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });

  it("exits 0 on a clean file and 1 on error-level findings", () => {
    const clean = luodi(fixture("clean.en.md"));
    expect(clean.stdout).toBe("1 file, 1 objective, 0 errors, 0 warnings, 0 infos\n");
    expect(clean.status).toBe(0);
    const bad = luodi(fixture("okrs.en.csv"));
    expect(bad.stdout).toContain(`${fixture("okrs.en.csv")}:8: error set.no_krs`);
    expect(bad.status).toBe(1);
  });

  it("exits 2 with a message on stderr for a missing file", () => {
    const result = luodi("missing.md");
    expect(result.stderr).toContain("luodi lint: missing.md: no such file");
    expect(result.status).toBe(2);
  });

  it("reads the xlsx layout and reports rows in JSON", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(OKR_XLSX_LAYOUT.sheetName);
    sheet.addRow(xlsxHeaderRow("en"));
    sheet.addRow([
      "Make checkout effortless",
      "Checkout conversion from 62% to 75%",
      "percentage",
      62,
      75,
      "%",
    ]);
    sheet.addRow(["Make checkout effortless", "Improve onboarding"]);
    sheet.addRow(["Win back lapsed customers"]);
    const file = join(dir, "okrs.xlsx");
    await book.xlsx.writeFile(file);
    const result = luodi("--format", "json", file);
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as LintFinding[];
    expect(findings.map((f) => [f.line, f.target, f.code])).toEqual([
      [3, "keyResults[1]", "kr.not_measurable"],
      [4, "set", "set.no_krs"],
    ]);
    expect(findings[0]).toMatchObject({ file, objective: "Make checkout effortless", severity: "error" });
  });
});
