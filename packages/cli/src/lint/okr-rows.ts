import type { DraftKeyResult, DraftOkr } from "./draft.ts";
import { LintInputError } from "./draft.ts";

/** One row of a CSV or xlsx draft, with its line or row number. */
export type OkrRow = {
  line: number;
  objective: string;
  keyResult: string;
  type: string | null;
  startValue: number | string | null;
  targetValue: number | string | null;
  unit: string | null;
};

function groupKey(title: string): string {
  return title.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/**
 * Groups rows into objectives: rows with the same objective text belong together, wherever they are; an
 * empty objective cell continues the objective of the row above (as with merged cells).
 */
export function groupRows(rows: readonly OkrRow[]): DraftOkr[] {
  const byTitle = new Map<string, DraftOkr>();
  let previous: DraftOkr | undefined;
  for (const row of rows) {
    const title = row.objective.trim();
    let okr: DraftOkr | undefined;
    if (title === "") {
      if (row.keyResult.trim() === "") continue;
      if (previous === undefined) {
        throw new LintInputError(`line ${row.line}: key result without an objective`);
      }
      okr = previous;
    } else {
      const key = groupKey(title);
      okr = byTitle.get(key);
      if (okr === undefined) {
        okr = { objective: { title, line: row.line }, keyResults: [] };
        byTitle.set(key, okr);
      }
    }
    previous = okr;
    const keyResult = row.keyResult.trim();
    if (keyResult === "") continue;
    const draft: DraftKeyResult = { title: keyResult, line: row.line };
    if (row.type !== null) draft.type = row.type;
    if (row.startValue !== null) draft.startValue = row.startValue;
    if (row.targetValue !== null) draft.targetValue = row.targetValue;
    if (row.unit !== null) draft.unit = row.unit;
    okr.keyResults.push(draft);
  }
  return [...byTitle.values()];
}
