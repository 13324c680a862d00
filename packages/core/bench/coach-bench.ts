/**
 * Benchmark of the OKR coach: quality on the labelled corpus (per code and overall), time per OKR, and
 * how often each finding fires on real OKRs nobody here wrote. Run with `npm run bench:coach`; writes
 * bench-results/coach.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  COACH_CODES,
  type CoachCode,
  type CoachInput,
  type CodeScore,
  type CorpusEntry,
  evaluateCorpus,
  isCorpusEntry,
  reviewOkr,
} from "../src/coach/index.ts";

const REPO_ROOT = new URL("../../../", import.meta.url);
const SHARED_DATA = new URL("../shared/data/", REPO_ROOT);
const RESULTS_DIR = new URL("bench-results/", REPO_ROOT);
const TIMING_ROUNDS = 200;

type RealObjective = { title: string; description?: string | null; keyResults?: Array<{ title: string }> };
type RealOkrFile = { organisation?: string; language?: string; objectives: RealObjective[] };

function loadCorpus(): CorpusEntry[] {
  const raw: unknown = JSON.parse(readFileSync(new URL("coach-corpus.json", SHARED_DATA), "utf8"));
  if (!Array.isArray(raw)) throw new Error("coach-corpus.json is not an array");
  const entries = raw.filter(isCorpusEntry);
  if (entries.length !== raw.length)
    throw new Error(`${raw.length - entries.length} corpus entries are malformed`);
  return entries;
}

function isRealOkrFile(value: unknown): value is RealOkrFile {
  const file = value as { objectives?: unknown } | null;
  return (
    typeof file === "object" &&
    file !== null &&
    Array.isArray(file.objectives) &&
    file.objectives.every(
      (objective: unknown) => typeof (objective as { title?: unknown })?.title === "string",
    )
  );
}

function loadRealOkrs(): Array<{ file: string; objectives: RealObjective[] }> {
  const dir = new URL("real-okrs/", SHARED_DATA);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const parsed: unknown = JSON.parse(readFileSync(new URL(name, dir), "utf8"));
      if (!isRealOkrFile(parsed)) throw new Error(`${name} has no objectives array`);
      return { file: name, objectives: parsed.objectives };
    });
}

function toInput(objective: RealObjective): CoachInput {
  return {
    objective: { title: objective.title, description: objective.description ?? null },
    keyResults: (objective.keyResults ?? []).map((keyResult) => ({ title: keyResult.title })),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[middle] ?? 0);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function timeReviews(inputs: readonly CoachInput[]): {
  medianMicros: number;
  p95Micros: number;
  samples: number;
} {
  for (const input of inputs) reviewOkr(input); // warm up the JIT and the ICU segmenters
  const samples: number[] = [];
  for (let round = 0; round < TIMING_ROUNDS; round++) {
    for (const input of inputs) {
      const start = process.hrtime.bigint();
      reviewOkr(input);
      samples.push(Number(process.hrtime.bigint() - start) / 1_000);
    }
  }
  return { medianMicros: median(samples), p95Micros: percentile(samples, 0.95), samples: samples.length };
}

function countRealFindings(files: ReturnType<typeof loadRealOkrs>) {
  const objectivesWith = Object.fromEntries(COACH_CODES.map((code) => [code, 0])) as Record<
    CoachCode,
    number
  >;
  const findings = Object.fromEntries(COACH_CODES.map((code) => [code, 0])) as Record<CoachCode, number>;
  const perFile: Record<string, { objectives: number; keyResults: number }> = {};
  let objectives = 0;
  let keyResults = 0;
  for (const { file, objectives: list } of files) {
    perFile[file] = { objectives: list.length, keyResults: 0 };
    for (const objective of list) {
      const input = toInput(objective);
      objectives++;
      keyResults += input.keyResults.length;
      const entry = perFile[file];
      if (entry) entry.keyResults += input.keyResults.length;
      const review = reviewOkr(input, { locale: "en" });
      for (const finding of review.findings) findings[finding.code]++;
      for (const code of new Set(review.findings.map((finding) => finding.code))) objectivesWith[code]++;
    }
  }
  return { objectives, keyResults, perFile, objectivesWith, findings };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

function printQuality(perCode: Record<CoachCode, CodeScore>, overall: CodeScore): void {
  console.log(
    `${"code".padEnd(26)}${"precision".padStart(10)}${"recall".padStart(9)}${"F1".padStart(9)}${"support".padStart(9)}`,
  );
  for (const code of COACH_CODES) {
    const score = perCode[code];
    console.log(
      `${code.padEnd(26)}${percent(score.precision).padStart(10)}${percent(score.recall).padStart(9)}${percent(score.f1).padStart(9)}${String(score.support).padStart(9)}`,
    );
  }
  console.log(
    `${"overall (micro)".padEnd(26)}${percent(overall.precision).padStart(10)}${percent(overall.recall).padStart(9)}${percent(overall.f1).padStart(9)}${String(overall.support).padStart(9)}`,
  );
}

function main(): void {
  const corpus = loadCorpus();
  const evaluation = evaluateCorpus(corpus);
  console.log(`OKR coach — corpus of ${corpus.length} labelled OKRs\n`);
  printQuality(evaluation.perCode, evaluation.overall);
  if (evaluation.mistakes.length > 0) {
    console.log("\nMistakes:");
    for (const mistake of evaluation.mistakes) {
      console.log(
        `  ${mistake.id}: missing [${mistake.missing.join(", ")}] unexpected [${mistake.unexpected.join(", ")}]`,
      );
    }
  }

  const timing = timeReviews(corpus);
  console.log(
    `\nTime per OKR: median ${timing.medianMicros.toFixed(1)} µs, p95 ${timing.p95Micros.toFixed(1)} µs (${timing.samples} reviews)`,
  );

  const real = countRealFindings(loadRealOkrs());
  console.log(`\nReal OKRs (${real.objectives} objectives, ${real.keyResults} key results, not labelled):`);
  console.log(
    `${"code".padEnd(26)}${"objectives".padStart(11)}${"share".padStart(8)}${"findings".padStart(10)}`,
  );
  for (const code of COACH_CODES) {
    const share = real.objectives === 0 ? 0 : real.objectivesWith[code] / real.objectives;
    console.log(
      `${code.padEnd(26)}${String(real.objectivesWith[code]).padStart(11)}${percent(share).padStart(8)}${String(real.findings[code]).padStart(10)}`,
    );
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  const output = new URL("coach.json", RESULTS_DIR);
  writeFileSync(
    output,
    `${JSON.stringify(
      {
        corpus: {
          entries: corpus.length,
          perCode: evaluation.perCode,
          overall: evaluation.overall,
          mistakes: evaluation.mistakes,
        },
        timing,
        realOkrs: real,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nWrote ${fileURLToPath(output)}`);
}

main();
