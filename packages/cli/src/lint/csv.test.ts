import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsvDrafts } from "./csv.ts";
import { LintInputError } from "./draft.ts";
import { decodeText } from "./read-text.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("parseCsvDrafts", () => {
  it("groups the English fixture by objective text, with record start lines and structured fields", () => {
    const drafts = parseCsvDrafts(fixture("okrs.en.csv"));
    expect(drafts.map((d) => [d.objective.line, d.objective.title, d.keyResults.map((k) => k.line)])).toEqual(
      [
        [2, "Make onboarding delightful for new teams", [2, 3, 7]],
        [5, "Launch the partner portal", [5, 6]],
        [8, "Earn the trust of enterprise buyers", []],
        [9, "Pass the SOC 2 Type II audit without major findings", [9]],
      ],
    );
    expect(drafts[0]?.keyResults[1]).toEqual({
      title: "Cut time to first objective created\nfrom 3 days to 1 day",
      line: 3,
      type: "number",
      startValue: 3,
      targetValue: 1,
      unit: "days",
    });
    expect(drafts[3]?.keyResults[0]?.type).toBe("boolean");
  });

  it("reads Chinese headers and type names, and continues an objective from an empty cell", () => {
    const drafts = parseCsvDrafts(fixture("okrs.zh.csv"));
    expect(drafts.map((d) => [d.objective.line, d.keyResults.map((k) => k.line)])).toEqual([
      [2, [2, 3, 4]],
      [5, [5, 6]],
      [7, []],
    ]);
    expect(drafts[0]?.keyResults[0]).toMatchObject({
      type: "number",
      startValue: 78,
      targetValue: 90,
      unit: "分",
    });
    expect(drafts[0]?.keyResults[2]).toMatchObject({ type: "percentage", targetValue: 35 });
    expect(drafts[0]?.keyResults[2]?.startValue).toBeUndefined();
  });

  it("finds columns by name in any order, ignores unknown columns, and skips blank lines", () => {
    const text =
      'owner, Key Result ,Objective,Baseline,Target Value\n\nann,NPS from 30 to 45,Delight users,30,"1,200"\n';
    expect(parseCsvDrafts(text)).toEqual([
      {
        objective: { title: "Delight users", line: 3 },
        keyResults: [{ title: "NPS from 30 to 45", line: 3, startValue: 30, targetValue: 1200 }],
      },
    ]);
  });

  it("sniffs semicolons and tabs, and accepts rows with trailing cells left out", () => {
    expect(parseCsvDrafts("objective;key_result;type\nA;B\n")[0]?.keyResults).toEqual([
      { title: "B", line: 2 },
    ]);
    expect(parseCsvDrafts("目标\t关键结果\n甲\t乙\n")[0]?.objective.title).toBe("甲");
  });

  it.each([
    ["an unclosed quote", 'objective,key_result\nA,"B\n', /malformed CSV/],
    ["too many cells", "objective,key_result\nA,B,C\n", /malformed CSV.*line 2/],
    ["no key result column", "objective,owner\nA,B\n", /no key_result column/],
    ["an empty file", "", /empty/],
    [
      "a key result before any objective",
      "objective,key_result\n,B\n",
      /line 2: key result without an objective/,
    ],
  ])("refuses %s", (_name, text, message) => {
    expect(() => parseCsvDrafts(text)).toThrow(LintInputError);
    expect(() => parseCsvDrafts(text)).toThrow(message);
  });
});

describe("decodeText", () => {
  it("reads UTF-8 with a BOM, UTF-16 with a BOM, and GB18030 from Excel on Chinese Windows", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("目标")]))).toBe("目标");
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from("目标", "utf16le")]))).toBe("目标");
    expect(decodeText(new Uint8Array([0xc4, 0xbf, 0xb1, 0xea]))).toBe("目标");
  });
});
