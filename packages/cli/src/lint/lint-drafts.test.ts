import { describe, expect, it } from "vitest";
import { formatJson, formatTable } from "./format.ts";
import { lintDrafts } from "./lint-drafts.ts";

const drafts = [
  {
    objective: { title: "Ship the new mobile app", line: 3 },
    keyResults: [
      { title: "Raise weekly active users from 20,000 to 50,000", line: 4 },
      { title: "Improve onboarding", line: 6 },
    ],
  },
  { objective: { title: "Become the partner developers trust first", line: 9 }, keyResults: [] },
];

describe("lintDrafts", () => {
  it("places each finding on the line of its objective or key result, in line order", () => {
    const findings = lintDrafts("q1.md", drafts);
    expect(findings.map((f) => `${f.line} ${f.target} ${f.code}`)).toEqual([
      "3 objective objective.is_task",
      "6 keyResults[1] kr.not_measurable",
      "9 set set.no_krs",
    ]);
    expect(findings[0]).toMatchObject({
      file: "q1.md",
      objective: "Ship the new mobile app",
      severity: "warning",
    });
  });

  it("writes messages in the requested locale and passes the owner's objective count", () => {
    const findings = lintDrafts("q1.md", drafts, { locale: "zh-CN", ownerObjectiveCount: 7 });
    expect(findings.find((f) => f.code === "kr.not_measurable")?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(findings.filter((f) => f.code === "set.too_many_objectives")).toHaveLength(2);
  });

  it("uses the structured fields: a milestone needs no number", () => {
    const milestone = [
      {
        objective: { title: "Earn the trust of enterprise buyers", line: 1 },
        keyResults: [
          { title: "SOC 2 Type II report", line: 2, type: "milestone" },
          { title: "Enterprise win rate", line: 3, startValue: 18, targetValue: 30 },
        ],
      },
    ];
    expect(lintDrafts("a.csv", milestone).filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("formatTable and formatJson", () => {
  const findings = lintDrafts("q1.md", drafts, { locale: "en" });

  it("prints file:line: severity code message, the suggestion indented, then the summary", () => {
    const lines = formatTable(findings, { files: 1, objectives: 2 }).trimEnd().split("\n");
    expect(lines[0]).toMatch(/^q1\.md:3: warning objective\.is_task \S/);
    expect(lines[1]).toMatch(/^ {4}suggestion: \S/);
    expect(lines[2]).toMatch(/^q1\.md:6: error kr\.not_measurable /);
    expect(lines.at(-1)).toBe("1 file, 2 objectives, 2 errors, 1 warning, 0 infos");
    expect(lines).toHaveLength(findings.length * 2 + 1);
  });

  it("prints only the summary for a clean run", () => {
    expect(formatTable([], { files: 2, objectives: 1 })).toBe(
      "2 files, 1 objective, 0 errors, 0 warnings, 0 infos\n",
    );
  });

  it("prints a JSON array of the documented fields", () => {
    const parsed = JSON.parse(formatJson(findings)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(findings.length);
    expect(Object.keys(parsed[0] ?? {})).toEqual([
      "file",
      "line",
      "objective",
      "code",
      "severity",
      "target",
      "message",
      "suggestion",
    ]);
    expect(formatJson([])).toBe("[]\n");
  });
});
