import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateCorpus, isCorpusEntry } from "./evaluate.ts";

// The labelled corpus lives outside the repository (shared/data next to it) and is read, never copied.
const CORPUS_URL = new URL("../../../../../shared/data/coach-corpus.json", import.meta.url);
// A fresh clone has no ../shared: skip there (test/global-setup.ts says so in one line); CI must have it.
const isCorpusMissing = !existsSync(CORPUS_URL) && !process.env.CI;

function loadCorpus() {
  const raw: unknown = JSON.parse(readFileSync(CORPUS_URL, "utf8"));
  if (!Array.isArray(raw)) throw new Error("coach-corpus.json is not an array");
  return raw.filter(isCorpusEntry);
}

describe.skipIf(isCorpusMissing)("coach corpus", () => {
  // Read before the tests, not while collecting them: a skipped suite is still collected.
  let entries: ReturnType<typeof loadCorpus> = [];
  beforeAll(() => {
    entries = loadCorpus();
  });

  it("reads every entry", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it("reaches a micro F1 of at least 0.95 over target:code pairs", () => {
    const { overall, mistakes } = evaluateCorpus(entries);
    if (overall.f1 < 0.95) console.table(mistakes);
    expect(overall.f1).toBeGreaterThanOrEqual(0.95);
  });
});
