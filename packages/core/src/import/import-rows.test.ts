import { describe, expect, it } from "vitest";
import { parseKeyResultType, parseLevel, parseNumberText } from "./import-columns.ts";
import { type ImportTable, readImportTable } from "./import-rows.ts";
import { exportedJsonToTable, outlineToTable } from "./import-sources.ts";
import { parseMarkdownOutline } from "./outline.ts";

const HEADERS = [
  "external_id",
  "cycle",
  "level",
  "owner",
  "objective",
  "key_result",
  "type",
  "start",
  "target",
  "unit",
];

function table(
  rows: Array<Array<string | number | null | object>>,
  extra: Partial<ImportTable> = {},
): ImportTable {
  return {
    headerRow: 1,
    headers: HEADERS,
    rows: rows.map((cells, i) => ({ row: i + 2, cells: cells as never })),
    ...extra,
  };
}

const read = (t: ImportTable) => readImportTable(t, { locale: "en", requireCycle: true });
const codes = (t: ImportTable) => read(t).issues.map((i) => `${i.row}:${i.column}:${i.code}`);

describe("readImportTable", () => {
  it("groups a key result per row under its objective by title, cycle, level and owner", () => {
    const result = read(
      table([
        ["K1", "Q2", "personal", "a@x.test", "Grow", "Sales from 1 to 2", "number", 1, 2, ""],
        ["K2", "Q2", "personal", "a@x.test", " grow ", "Churn from 8% to 5%", "百分比", "8%", "5%", "%"],
        ["K3", "Q2", "personal", "b@x.test", "Grow", "Done", "", null, null, ""],
        [null, null, null, null, null, "Follow-up under the objective above", "是否", null, null, null],
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(
      result.objectives.map((o) => [
        o.owner,
        o.keyResults.map((kr) => [kr.type, kr.startValue, kr.targetValue]),
      ]),
    ).toEqual([
      [
        "a@x.test",
        [
          ["number", "1", "2"],
          ["percentage", "8", "5"],
        ],
      ],
      [
        "b@x.test",
        [
          ["boolean", null, null],
          ["boolean", null, null],
        ],
      ],
    ]);
  });

  it("keeps objectives of one external id together, and their rows must agree", () => {
    const headers = [...HEADERS, "objective_external_id"];
    const result = readImportTable(
      {
        headerRow: 1,
        headers,
        rows: [
          { row: 2, cells: ["K1", "Q2", "", "", "Grow", "A", "", null, 5, "", "O1"] },
          { row: 3, cells: ["K2", "Q2", "", "", "Grow more", "B", "", null, 6, "", "O1"] },
        ],
      },
      { locale: "en", requireCycle: true },
    );
    expect(result.objectives).toHaveLength(1);
    expect(result.issues.map((i) => [i.row, i.column, i.code, i.params.first])).toEqual([
      [3, "objective", "import.objective_mismatch", 2],
    ]);
  });

  it("refuses dates, formulas without a value, error cells, bad levels, types and numbers by row and column", () => {
    expect(
      codes(
        table([
          ["K1", "Q2", "team", "", "O", "A", "number", 0, { date: "2027-03-05" }, ""],
          ["K2", "Q2", "", "", "O", "B", "number", { formula: "A1*2" }, 5, ""],
          ["K3", "Q2", "", "", "O", "C", "number", 0, { error: "#DIV/0!" }, ""],
          ["K4", "Q2", "", "", "O", "D", "score", 0, 5, ""],
          ["K5", "Q2", "", "", "O", "E", "number", "ten", 5, ""],
          ["K1", "Q2", "", "", "O", "F", "number", 0, 5, ""],
          ["K7", "Q2", "", "", "O", "G", "number", 3, 3, ""],
        ]),
      ),
    ).toEqual([
      "2:target:import.date_as_number",
      "2:level:import.level",
      "3:start:import.formula",
      "4:target:import.cell_error",
      "5:type:import.type",
      "6:start:import.number",
      "7:external_id:import.duplicate_external_id",
      "8:target:kr.target_equals_start",
    ]);
  });

  it("names missing, unknown and repeated columns at the header row, and reads no rows then", () => {
    const result = read({
      headerRow: 1,
      headers: ["目标", "goal", "目标"],
      rows: [{ row: 2, cells: ["O", "x", "y"] }],
    });
    expect(result.issues.map((i) => `${i.column}:${i.code}`)).toEqual([
      "goal:import.column_unknown",
      "目标:import.column_duplicate",
      "key_result:import.column_missing",
      "cycle:import.column_missing",
    ]);
    expect(result.objectives).toEqual([]);
  });

  it("spreads a merged objective down its rows, and refuses a merge across columns", () => {
    const merged = table(
      [
        ["K1", "Q2", "", "", "Grow", "A", "", null, 5, ""],
        ["K2", null, null, null, null, "B", "", null, 6, ""],
        ["K3", "Q2", "", "", "Other", "C", "", 1, null, ""],
      ],
      {
        merges: [
          { top: 2, left: 2, bottom: 3, right: 2 },
          { top: 2, left: 5, bottom: 3, right: 5 },
          { top: 4, left: 8, bottom: 4, right: 9 },
        ],
      },
    );
    const result = read(merged);
    expect(result.objectives[0]?.keyResults.map((kr) => kr.title)).toEqual(["A", "B"]);
    expect(result.issues.map((i) => `${i.row}:${i.column}:${i.code}:${i.params.range}`)).toEqual([
      "4:start:import.merged_cells:H4:I4",
    ]);
  });

  it("refuses more key results than an objective holds", () => {
    const rows = Array.from({ length: 21 }, (_, i) => [
      `K${i}`,
      "Q2",
      "",
      "",
      "Grow",
      `KR ${i}`,
      "",
      null,
      5,
      "",
    ]);
    expect(codes(table(rows))).toEqual(["22:key_result:import.too_many_key_results"]);
  });
});

describe("what people write in cells", () => {
  it("reads types, levels and numbers in English and Chinese", () => {
    expect(["数值", "Percentage", "金额", "是否", "milestone", "score"].map(parseKeyResultType)).toEqual([
      "number",
      "percentage",
      "currency",
      "boolean",
      "milestone",
      null,
    ]);
    expect(["公司", "部门级", "Personal", "team"].map(parseLevel)).toEqual([
      "company",
      "department",
      "personal",
      null,
    ]);
    expect(["1,200", "35%", "¥ 3.5", "-2", "1e3", "ten", "2027-03-05", ""].map(parseNumberText)).toEqual([
      1200,
      35,
      3.5,
      -2,
      1000,
      null,
      null,
      null,
    ]);
  });
});

describe("tables from outlines and JSON", () => {
  it("makes an outline's key results rows on their own lines", () => {
    const result = readImportTable(
      outlineToTable(parseMarkdownOutline("# Grow\n\n- Sales from 1 to 2\n- Churn down\n\n# Rest\n")),
      {
        locale: "en",
        requireCycle: false,
      },
    );
    expect(result.objectives.map((o) => [o.row, o.title, o.keyResults.map((kr) => kr.row)])).toEqual([
      [3, "Grow", [3, 4]],
      [6, "Rest", []],
    ]);
  });

  it("reads Luodi's JSON export, ids kept as external ids", () => {
    const result = readImportTable(
      exportedJsonToTable({
        cycle: { name: "Q2" },
        objectives: [
          {
            id: "o1",
            level: "personal",
            owner: "a@x.test",
            title: "Grow",
            keyResults: [
              {
                id: "k1",
                externalId: "EXT-1",
                title: "Sales",
                type: "number",
                startValue: "1",
                targetValue: "2",
              },
            ],
          },
        ],
      }),
      { locale: "en", requireCycle: true },
    );
    expect(result.issues).toEqual([]);
    expect(result.objectives[0]).toMatchObject({
      externalId: "o1",
      cycle: "Q2",
      keyResults: [{ externalId: "EXT-1" }],
    });
  });
});
