import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  drawRealSplits,
  type LabelledEntry,
  loadSplit,
  REAL_OKRS_DIR,
  readRealOkrFiles,
  readStoredSplit,
} from "../../../bench/coach-sets.ts";
import { isCoachCode } from "../codes.ts";
import { evaluateCorpus } from "../evaluate.ts";

// The real OKRs live outside the repository (../shared/data/real-okrs) and are referenced, never copied. A fresh
// clone has no ../shared: those checks skip there (test/global-setup.ts says so in one line); CI must have it.
const isSharedMissing = !existsSync(REAL_OKRS_DIR) && !process.env.CI;

const INDUSTRIES = [
  "manufacturing",
  "retail",
  "healthcare",
  "government",
  "education",
  "logistics",
  "finance",
];

function expectWellLabelled(entries: readonly LabelledEntry[]): void {
  for (const entry of entries) {
    for (const pair of entry.expected) {
      const [target = "", code = ""] = pair.split(":");
      expect(isCoachCode(code), `${entry.id}: ${pair}`).toBe(true);
      const index = /^keyResults\[(\d+)\]$/.exec(target)?.[1];
      if (index !== undefined)
        expect(Number(index), `${entry.id}: ${pair}`).toBeLessThan(entry.keyResults.length);
      else expect(["objective", "set"], `${entry.id}: ${pair}`).toContain(target);
    }
  }
}

describe("the coach's evaluation splits", () => {
  it("give every entry a unique id and only catalogue codes on targets that exist", () => {
    for (const split of ["dev", "heldout"] as const) {
      const ids = readStoredSplit(split).entries.map((entry) => entry.id);
      expect(new Set(ids).size, split).toBe(ids.length);
      expectWellLabelled(loadSplit(split).entries.filter((entry) => entry.locale === "zh-CN"));
    }
  });

  it("hold at least 100 held-out Chinese OKRs written for industries the public corpus does not cover", () => {
    const written = loadSplit("heldout").entries.filter((entry) => entry.source.startsWith("written:"));
    expect(written.length).toBeGreaterThanOrEqual(100);
    for (const industry of INDUSTRIES) {
      expect(
        written.filter((entry) => entry.source === `written:${industry}`).length,
        industry,
      ).toBeGreaterThan(5);
    }
    const devTitles = new Set(loadSplit("dev").entries.map((entry) => entry.objective.title));
    expect(written.filter((entry) => devTitles.has(entry.objective.title))).toEqual([]);
  });

  describe.skipIf(isSharedMissing)("with the real OKRs of ../shared", () => {
    it("hold exactly the seeded draw: 150 held-out objectives from every source, and a disjoint dev split", () => {
      const files = readRealOkrFiles();
      const draw = drawRealSplits(files);
      for (const split of ["dev", "heldout"] as const) {
        const stored = readStoredSplit(split).entries.flatMap((entry) => (entry.ref ? [entry.ref] : []));
        expect(stored, split).toEqual(draw[split]);
      }
      expect(draw.heldout).toHaveLength(150);
      for (const { file } of files)
        expect(
          draw.heldout.some((ref) => ref.file === file),
          file,
        ).toBe(true);
      const heldoutTexts = new Set(draw.heldout.map((ref) => ref.sha256));
      expect(draw.dev.filter((ref) => heldoutTexts.has(ref.sha256))).toEqual([]);
    });

    it("read every referenced objective unchanged and label it with catalogue codes", () => {
      for (const split of ["dev", "heldout"] as const) {
        const { entries, skipped } = loadSplit(split); // throws when a hash no longer matches
        expect(skipped).toBe(0);
        expectWellLabelled(entries);
      }
    });

    it("keep the dev split at a micro F1 of at least 0.95", () => {
      expect(evaluateCorpus(loadSplit("dev").entries).overall.f1).toBeGreaterThanOrEqual(0.95);
    });
  });
});
