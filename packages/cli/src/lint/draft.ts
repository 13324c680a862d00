/** A key result as read from a draft file, with the line it was written on. */
export type DraftKeyResult = {
  title: string;
  /** 1-based line (Markdown, CSV) or row (xlsx) of the key result. */
  line: number;
  type?: string | null;
  startValue?: number | string | null;
  targetValue?: number | string | null;
  unit?: string | null;
};

/** An objective and its key results as read from a draft file. */
export type DraftOkr = {
  objective: { title: string; line: number };
  keyResults: DraftKeyResult[];
};

/** The input cannot be read as OKR drafts (missing file, unknown format, malformed content): exit code 2. */
export class LintInputError extends Error {
  override name = "LintInputError";
}
