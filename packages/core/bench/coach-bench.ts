/**
 * Benchmark of the OKR coach: quality per code and per language on three labelled sets — the public corpus
 * (the rules were first written against it), the dev split (rules may be tuned on it) and the held-out split
 * (never tuned on; only its scores are printed, never its mistakes) — the confusion between `kr.is_task` and
 * `kr.not_measurable`, and time per OKR. Run with `npm run bench:coach`; writes bench-results/coach.json.
 * `npm run bench:coach -- --dev` reports the public corpus and dev only, for tuning.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import {
  COACH_CODES,
  type CoachCode,
  type CoachInput,
  type CodeScore,
  confuseTaskAndMeasure,
  evaluateCorpus,
  isCorpusEntry,
  reviewOkr,
  TASK_MEASURE_CLASSES,
  type TaskMeasureConfusion,
} from "../src/coach/index.ts";
import { type LabelledEntry, loadSplit } from "./coach-sets.ts";

const REPO_ROOT = new URL("../../../", import.meta.url);
const SHARED_DATA = new URL("../shared/data/", REPO_ROOT);
const RESULTS_DIR = new URL("bench-results/", REPO_ROOT);
const TIMING_ROUNDS = 200;
const LANGUAGES = ["zh-CN", "en"] as const;

type Language = (typeof LANGUAGES)[number];
type SetReport = {
  entries: number;
  skipped: number;
  overall: CodeScore;
  perCode: Record<CoachCode, CodeScore>;
  perLanguage: Record<
    Language,
    { entries: number; overall: CodeScore; perCode: Record<CoachCode, CodeScore> }
  >;
  confusion: TaskMeasureConfusion;
};

function loadCorpus(): LabelledEntry[] {
  const raw: unknown = JSON.parse(readFileSync(new URL("coach-corpus.json", SHARED_DATA), "utf8"));
  if (!Array.isArray(raw)) throw new Error("coach-corpus.json is not an array");
  const entries = raw.filter(isCorpusEntry);
  if (entries.length !== raw.length)
    throw new Error(`${raw.length - entries.length} corpus entries are malformed`);
  return entries.map((entry) => ({
    ...entry,
    locale: entry.locale === "en" ? "en" : "zh-CN",
    source: "coach-corpus.json",
  }));
}

function languageOf(entry: LabelledEntry): Language {
  return entry.locale;
}

function report(entries: readonly LabelledEntry[], skipped: number): SetReport {
  const all = evaluateCorpus(entries);
  const perLanguage = Object.fromEntries(
    LANGUAGES.map((language) => {
      const subset = entries.filter((entry) => languageOf(entry) === language);
      const evaluation = evaluateCorpus(subset);
      return [language, { entries: subset.length, overall: evaluation.overall, perCode: evaluation.perCode }];
    }),
  ) as SetReport["perLanguage"];
  return {
    entries: entries.length,
    skipped,
    overall: all.overall,
    perCode: all.perCode,
    perLanguage,
    confusion: confuseTaskAndMeasure(entries),
  };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
/** F1 and the number of labelled pairs, or a dash when nothing was labelled or found. */
const cell = (score: CodeScore): string =>
  (score.support === 0 && score.fp === 0
    ? "—"
    : `${percent(score.f1)} ${String(score.support).padStart(4)}`
  ).padStart(13);

function printSet(title: string, set: SetReport): void {
  const skipped = set.skipped > 0 ? `, ${set.skipped} skipped: ../shared absent` : "";
  console.log(`\n== ${title}: ${set.entries} OKRs${skipped} ==`);
  console.log(
    `${"code".padEnd(26)}${"P".padStart(7)}${"R".padStart(7)}${"F1 / n (all)".padStart(14)}${"F1 / n (zh)".padStart(14)}${"F1 / n (en)".padStart(14)}`,
  );
  const row = (
    name: string,
    score: CodeScore,
    zh: CodeScore | undefined,
    en: CodeScore | undefined,
  ): void => {
    console.log(
      `${name.padEnd(26)}${percent(score.precision).padStart(7)}${percent(score.recall).padStart(7)} ${cell(score)} ${zh ? cell(zh) : ""} ${en ? cell(en) : ""}`,
    );
  };
  for (const code of COACH_CODES) {
    row(code, set.perCode[code], set.perLanguage["zh-CN"].perCode[code], set.perLanguage.en.perCode[code]);
  }
  row("overall (micro)", set.overall, set.perLanguage["zh-CN"].overall, set.perLanguage.en.overall);
  console.log("kr.is_task / kr.not_measurable per key result (rows: labelled, columns: coach):");
  console.log(`${"".padEnd(16)}${TASK_MEASURE_CLASSES.map((name) => name.padStart(16)).join("")}`);
  for (const expected of TASK_MEASURE_CLASSES) {
    console.log(
      `${expected.padEnd(16)}${TASK_MEASURE_CLASSES.map((actual) => String(set.confusion[expected][actual]).padStart(16)).join("")}`,
    );
  }
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[middle] ?? 0);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * Times each review separately over many rounds. Reports two views of the same samples: every single review
 * (median, p95, p99 — what a caller sees, scheduler preemption included), and per OKR (each OKR's median over
 * the rounds, then the median and p99 across OKRs — what the code costs for a typical and a heavy OKR).
 */
function timeReviews(inputs: readonly CoachInput[]) {
  for (let round = 0; round < 5; round++) for (const input of inputs) reviewOkr(input); // warm up the JIT
  const perInput: number[][] = inputs.map(() => []);
  for (let round = 0; round < TIMING_ROUNDS; round++) {
    inputs.forEach((input, index) => {
      const start = process.hrtime.bigint();
      reviewOkr(input);
      perInput[index]?.push(Number(process.hrtime.bigint() - start) / 1_000);
    });
  }
  const samples = perInput.flat().sort((a, b) => a - b);
  const perOkr = perInput.map((times) => median([...times].sort((a, b) => a - b))).sort((a, b) => a - b);
  return {
    samples: samples.length,
    medianMicros: median(samples),
    p95Micros: percentile(samples, 0.95),
    p99Micros: percentile(samples, 0.99),
    perOkrMedianMicros: median(perOkr),
    perOkrP99Micros: percentile(perOkr, 0.99),
    loadAverage: loadavg()[0] ?? 0,
    cpus: availableParallelism(),
  };
}

/** `--dev` leaves the held-out split out entirely: for tuning, whose loop must never see held-out scores. */
const isTuning = process.argv.includes("--dev");

function main(): void {
  const corpus = loadCorpus();
  const dev = loadSplit("dev");
  const heldout = isTuning ? { entries: [], skipped: 0 } : loadSplit("heldout");
  const sets = {
    corpus: report(corpus, 0),
    dev: report(dev.entries, dev.skipped),
    heldout: report(heldout.entries, heldout.skipped),
  };
  console.log("OKR coach — micro precision, recall and F1 over target:code pairs (n = labelled pairs)");
  printSet("public corpus (shared/data/coach-corpus.json)", sets.corpus);
  printSet("dev split (src/coach/eval/dev.json, tuned on)", sets.dev);
  if (!isTuning) printSet("held-out split (src/coach/eval/heldout.json, never tuned on)", sets.heldout);

  const corpusMistakes = evaluateCorpus(corpus).mistakes;
  const devMistakes = evaluateCorpus(dev.entries).mistakes;
  for (const [name, mistakes] of [
    ["public corpus", corpusMistakes],
    ["dev", devMistakes],
  ] as const) {
    if (mistakes.length === 0) continue;
    console.log(`\nMistakes on the ${name} (held-out mistakes are never printed):`);
    for (const mistake of mistakes) {
      console.log(
        `  ${mistake.id}: missing [${mistake.missing.join(", ")}] unexpected [${mistake.unexpected.join(", ")}]`,
      );
    }
  }

  const inputs: CoachInput[] = [...corpus, ...dev.entries, ...heldout.entries];
  const timing = timeReviews(inputs);
  console.log(
    `\nTime per review (${inputs.length} OKRs × ${TIMING_ROUNDS} rounds, load average ${timing.loadAverage.toFixed(1)} on ${timing.cpus} CPUs):`,
  );
  console.log(
    `  every review: median ${timing.medianMicros.toFixed(1)} µs, p95 ${timing.p95Micros.toFixed(1)} µs, p99 ${timing.p99Micros.toFixed(1)} µs`,
  );
  console.log(
    `  per OKR (its median over the rounds): median ${timing.perOkrMedianMicros.toFixed(1)} µs, p99 ${timing.perOkrP99Micros.toFixed(1)} µs`,
  );

  if (isTuning) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const output = new URL("coach.json", RESULTS_DIR);
  writeFileSync(
    output,
    `${JSON.stringify(
      {
        corpus: { ...sets.corpus, mistakes: corpusMistakes },
        dev: { ...sets.dev, mistakes: devMistakes },
        heldout: sets.heldout,
        timing,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nWrote ${fileURLToPath(output)}`);
}

main();
