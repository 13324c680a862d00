import { describe, expect, it } from "vitest";
import type { AlignmentCycle, AlignmentEnd } from "./alignment.ts";
import { alignmentCoverage, checkAlignment, cycleEncloses, LEVEL_RANK } from "./alignment.ts";
import { testOrg } from "./org.fixture.ts";

const year: AlignmentCycle = { id: "y2026", startDate: "2026-01-01", endDate: "2026-12-31" };
const q1: AlignmentCycle = { id: "q1", startDate: "2026-01-01", endDate: "2026-03-31" };
const q2: AlignmentCycle = { id: "q2", startDate: "2026-04-01", endDate: "2026-06-30" };
const lastYear: AlignmentCycle = { id: "y2025", startDate: "2025-01-01", endDate: "2025-12-31" };

const companyObj = (id: string, cycle: AlignmentCycle): AlignmentEnd => ({
  id,
  level: "company",
  cycle,
  ownerDepartmentId: "root",
  ownerUserId: null,
});
const deptObj = (id: string, dept: string, cycle: AlignmentCycle): AlignmentEnd => ({
  id,
  level: "department",
  cycle,
  ownerDepartmentId: dept,
  ownerUserId: null,
});
const personalObj = (id: string, userId: string, cycle: AlignmentCycle): AlignmentEnd => ({
  id,
  level: "personal",
  cycle,
  ownerDepartmentId: null,
  ownerUserId: userId,
});

const noLinks = () => [];

describe("LEVEL_RANK and cycleEncloses", () => {
  it("ranks company over department over personal", () => {
    expect(LEVEL_RANK.company).toBeGreaterThan(LEVEL_RANK.department);
    expect(LEVEL_RANK.department).toBeGreaterThan(LEVEL_RANK.personal);
  });

  it.each([
    [year, q1, true],
    [year, q2, true],
    [q1, year, false],
    [q1, q1, false],
    [{ ...q1, id: "q1-copy" }, q1, true],
    [year, lastYear, false],
    [q1, q2, false],
  ])("%j encloses %j: %s", (outer, inner, expected) => {
    expect(cycleEncloses(outer, inner)).toBe(expected);
  });
});

describe("checkAlignment", () => {
  it.each([
    ["personal → company, same cycle", personalObj("c", "alice", q1), companyObj("p", q1), null],
    ["personal → department of the year", personalObj("c", "alice", q1), deptObj("p", "eng", year), null],
    ["department → company", deptObj("c", "sales", q1), companyObj("p", q1), null],
    ["company quarter → company year", companyObj("c", q1), companyObj("p", year), null],
    ["company → company, same cycle", companyObj("c", q1), companyObj("p", q1), "alignment.level"],
    ["company year → company quarter", companyObj("c", year), companyObj("p", q1), "alignment.period"],
    ["quarter → previous quarter", personalObj("c", "alice", q2), companyObj("p", q1), "alignment.period"],
    ["into last year", companyObj("c", q1), companyObj("p", lastYear), "alignment.period"],
    ["platform → eng", deptObj("c", "platform", q1), deptObj("p", "eng", q1), null],
    ["platform → root department", deptObj("c", "platform", q1), deptObj("p", "root", q1), null],
    ["eng → platform (down)", deptObj("c", "eng", q1), deptObj("p", "platform", q1), "alignment.level"],
    ["sales → eng (sideways)", deptObj("c", "sales", q1), deptObj("p", "eng", q1), "alignment.level"],
    [
      "department quarter → same department year",
      deptObj("c", "sales", q1),
      deptObj("p", "sales", year),
      null,
    ],
    ["alice → her manager", personalObj("c", "alice", q1), personalObj("p", "plat-lead", q1), null],
    ["alice → the ceo", personalObj("c", "alice", q1), personalObj("p", "ceo", q1), null],
    [
      "alice → bob (colleague)",
      personalObj("c", "alice", q1),
      personalObj("p", "bob", q1),
      "alignment.level",
    ],
    [
      "plat-lead → alice (report)",
      personalObj("c", "plat-lead", q1),
      personalObj("p", "alice", q1),
      "alignment.level",
    ],
    ["alice quarter → alice year", personalObj("c", "alice", q1), personalObj("p", "alice", year), null],
    ["department → personal (down)", deptObj("c", "eng", q1), personalObj("p", "ceo", q1), "alignment.level"],
    ["company → department (down)", companyObj("c", q1), deptObj("p", "root", year), "alignment.level"],
  ] as const)("%s → %s", (_name, child, parent, expected) => {
    expect(checkAlignment({ child, parent, graph: testOrg, parentsOfObjective: noLinks })).toBe(expected);
  });

  it("refuses a link to itself as a loop", () => {
    const obj = companyObj("a", q1);
    expect(checkAlignment({ child: obj, parent: obj, graph: testOrg, parentsOfObjective: noLinks })).toBe(
      "alignment.loop",
    );
  });

  it("refuses a link whose parent already leads back to the child", () => {
    // b → c → a exists; a → b would close the loop.
    const links = new Map([
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(
      checkAlignment({
        child: deptObj("a", "platform", q1),
        parent: deptObj("b", "eng", q1),
        graph: testOrg,
        parentsOfObjective: (id) => links.get(id) ?? [],
      }),
    ).toBe("alignment.loop");
  });

  it("refuses a loop through any of an objective's upward links (its KRs' sum contributions too)", () => {
    // b aligns to d, and a KR of b contributes to a sum KR of a: a → b closes the loop through the second link.
    const links = new Map([["b", ["d", "a"]]]);
    expect(
      checkAlignment({
        child: deptObj("a", "platform", q1),
        parent: deptObj("b", "eng", q1),
        graph: testOrg,
        parentsOfObjective: (id) => links.get(id) ?? [],
      }),
    ).toBe("alignment.loop");
  });

  it("ends on existing links that already loop elsewhere", () => {
    const links = new Map([
      ["b", ["c"]],
      ["c", ["b"]],
    ]);
    expect(
      checkAlignment({
        child: deptObj("a", "platform", q1),
        parent: deptObj("b", "eng", q1),
        graph: testOrg,
        parentsOfObjective: (id) => links.get(id) ?? [],
      }),
    ).toBeNull();
  });

  it("reports the period before the loop", () => {
    expect(
      checkAlignment({
        child: companyObj("a", year),
        parent: companyObj("b", q1),
        graph: testOrg,
        parentsOfObjective: (id) => (id === "b" ? ["a"] : []),
      }),
    ).toBe("alignment.period");
  });
});

describe("alignmentCoverage", () => {
  it("is the share of non-company objectives that align upward", () => {
    expect(
      alignmentCoverage([
        { level: "company", hasParent: false },
        { level: "department", hasParent: true },
        { level: "department", hasParent: false },
        { level: "personal", hasParent: true },
      ]),
    ).toBe(2 / 3);
  });

  it("is 0 when there is nothing to align", () => {
    expect(alignmentCoverage([])).toBe(0);
    expect(alignmentCoverage([{ level: "company", hasParent: true }])).toBe(0);
  });
});
