/**
 * The coach's labelled evaluation sets beside the public corpus: a dev split (rules may be tuned on it) and a
 * held-out split (never tuned on), both in packages/core/src/coach/eval/. Real published OKRs are drawn from
 * ../shared/data/real-okrs/ with a fixed seed (`drawRealSplits`) and stored as references (file, index,
 * hash) because that folder's README asks not to copy its text into the project; they are read back from
 * ../shared here. OKRs written for Luodi are stored in full.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { CoachInput, CorpusEntry } from "../src/coach/index.ts";

const REPO_ROOT = new URL("../../../", import.meta.url);
/** The folder of real published OKRs beside the repository. */
export const REAL_OKRS_DIR = new URL("../shared/data/real-okrs/", REPO_ROOT);
const EVAL_DIR = new URL("packages/core/src/coach/eval/", REPO_ROOT);

/** The seed of the draw; changing it changes which objectives are held out. */
const DRAW_SEED = 20270114;
/** Objectives drawn per split; every source gets at least `minimum`, the rest is proportional to size. */
const SPLIT_SIZES = [
  { split: "heldout", total: 150, minimum: 5 },
  { split: "dev", total: 80, minimum: 3 },
] as const;

/** Which split an evaluation set is. */
export type SplitName = (typeof SPLIT_SIZES)[number]["split"];

type RealObjective = { title: string; keyResults?: Array<{ title: string }> };

/** A real objective named by its place in ../shared and the hash of the text that was labelled. */
type RealReference = { file: string; objective: number; sha256: string };

/** One labelled entry as stored: either a reference into ../shared or a written OKR. */
type StoredEntry = {
  id: string;
  locale?: string;
  domain?: string;
  ref?: RealReference;
  objective?: CoachInput["objective"];
  keyResults?: CoachInput["keyResults"];
  ownerObjectiveCount?: number | null;
  expected: string[];
  note?: string;
};

/** A labelled entry ready to review, with where it came from. */
export type LabelledEntry = CorpusEntry & { locale: "zh-CN" | "en"; source: string };

/** A split as loaded: its entries, and how many referenced entries could not be read (../shared absent). */
export type LoadedSplit = { entries: LabelledEntry[]; skipped: number };

/** mulberry32: a small seeded generator, so the draw is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  return order;
}

/** Per-source quotas: at least `minimum` each, proportional otherwise, the largest source absorbing rounding. */
function quotas(sizes: readonly number[], total: number, minimum: number): number[] {
  const all = sizes.reduce((sum, size) => sum + size, 0);
  const result = sizes.map((size) => Math.max(minimum, Math.round((total * size) / all)));
  const largest = sizes.indexOf(Math.max(...sizes));
  result[largest] = (result[largest] ?? 0) + total - result.reduce((sum, quota) => sum + quota, 0);
  return result;
}

/** The text of a real objective exactly as the coach reads it, hashed to notice a changed source. */
function hashObjective(objective: RealObjective): string {
  const text = JSON.stringify({
    objective: objective.title,
    keyResults: (objective.keyResults ?? []).map((keyResult) => keyResult.title),
  });
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The real OKR files, sorted by name. */
export function readRealOkrFiles(): Array<{ file: string; objectives: RealObjective[] }> {
  return readdirSync(REAL_OKRS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(readFileSync(new URL(file, REAL_OKRS_DIR), "utf8")) as {
        objectives?: RealObjective[];
      };
      if (!Array.isArray(parsed.objectives)) throw new Error(`${file} has no objectives array`);
      return { file, objectives: parsed.objectives };
    });
}

/**
 * The draw: each source's objectives are shuffled with `DRAW_SEED` (one generator, sources in file-name order);
 * the first held-out quota of each shuffled list is held out, the next dev quota is dev, the rest is unused.
 */
export function drawRealSplits(
  files: ReadonlyArray<{ file: string; objectives: readonly RealObjective[] }>,
  seed = DRAW_SEED,
): Record<SplitName, RealReference[]> {
  const random = seededRandom(seed);
  const sizes = files.map((file) => file.objectives.length);
  const [heldout, dev] = SPLIT_SIZES.map((size) => quotas(sizes, size.total, size.minimum));
  const result: Record<SplitName, RealReference[]> = { heldout: [], dev: [] };
  const rest: RealReference[][] = [];
  files.forEach((file, fileIndex) => {
    const order = shuffled(file.objectives.length, random).map(
      (index): RealReference => ({
        file: file.file,
        objective: index,
        sha256: hashObjective(file.objectives[index] ?? { title: "" }),
      }),
    );
    const heldoutCount = heldout?.[fileIndex] ?? 0;
    result.heldout.push(...order.slice(0, heldoutCount));
    rest.push(order.slice(heldoutCount));
  });
  // The sources repeat some objectives word for word across quarters: dev never holds a text that is held out.
  const heldoutTexts = new Set(result.heldout.map((reference) => reference.sha256));
  rest.forEach((order, fileIndex) => {
    const candidates = order.filter((reference) => !heldoutTexts.has(reference.sha256));
    result.dev.push(...candidates.slice(0, dev?.[fileIndex] ?? 0));
  });
  return result;
}

/** The stored file of a split, as written. */
export function readStoredSplit(split: SplitName): { seed: number; entries: StoredEntry[] } {
  return JSON.parse(readFileSync(new URL(`${split}.json`, EVAL_DIR), "utf8")) as {
    seed: number;
    entries: StoredEntry[];
  };
}

/**
 * Loads a split: written entries as stored, referenced ones read from ../shared and checked against their
 * hash. Without ../shared the referenced entries are skipped and counted.
 */
export function loadSplit(split: SplitName): LoadedSplit {
  const stored = readStoredSplit(split);
  const hasShared = existsSync(REAL_OKRS_DIR);
  const files = hasShared ? new Map(readRealOkrFiles().map((file) => [file.file, file.objectives])) : null;
  const entries: LabelledEntry[] = [];
  let skipped = 0;
  for (const entry of stored.entries) {
    const base = { expected: entry.expected, ...(entry.note ? { note: entry.note } : {}) };
    if (entry.ref) {
      if (!files) {
        skipped++;
        continue;
      }
      const objective = files.get(entry.ref.file)?.[entry.ref.objective];
      if (!objective) throw new Error(`${entry.id}: ${entry.ref.file}#${entry.ref.objective} does not exist`);
      const hash = hashObjective(objective);
      if (hash !== entry.ref.sha256) {
        throw new Error(`${entry.id}: ${entry.ref.file}#${entry.ref.objective} changed (hash ${hash})`);
      }
      entries.push({
        id: entry.id,
        locale: "en",
        source: entry.ref.file,
        objective: { title: objective.title },
        keyResults: (objective.keyResults ?? []).map((keyResult) => ({ title: keyResult.title })),
        ...base,
      });
      continue;
    }
    if (!entry.objective || !entry.keyResults) throw new Error(`${entry.id} has neither ref nor text`);
    entries.push({
      id: entry.id,
      locale: entry.locale === "en" ? "en" : "zh-CN",
      source: `written:${entry.domain ?? "general"}`,
      objective: entry.objective,
      keyResults: entry.keyResults,
      ownerObjectiveCount: entry.ownerObjectiveCount ?? null,
      ...base,
    });
  }
  return { entries, skipped };
}
