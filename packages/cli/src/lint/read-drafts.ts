import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseCsvDrafts } from "./csv.ts";
import { type DraftOkr, LintInputError } from "./draft.ts";
import { parseMarkdownDrafts } from "./markdown.ts";
import { decodeText } from "./read-text.ts";
import { parseXlsxDrafts } from "./xlsx.ts";

/** The file extensions `luodi lint` reads. */
export const LINT_EXTENSIONS = [".md", ".markdown", ".txt", ".csv", ".xlsx"] as const;

/** Reads the OKR drafts of one file, choosing the reader by extension; throws `LintInputError`. */
export async function readDrafts(file: string): Promise<DraftOkr[]> {
  const extension = extname(file).toLowerCase();
  if (!(LINT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new LintInputError(
      `unsupported file type "${extension || "(none)"}": use ${LINT_EXTENSIONS.join(", ")}`,
    );
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new LintInputError("no such file");
    if (code === "EISDIR") throw new LintInputError("is a directory");
    throw new LintInputError(`cannot read the file (${code ?? (error as Error).message})`);
  }
  const drafts =
    extension === ".xlsx"
      ? await parseXlsxDrafts(data)
      : extension === ".csv"
        ? parseCsvDrafts(decodeText(data))
        : parseMarkdownDrafts(decodeText(data));
  if (drafts.length === 0) {
    throw new LintInputError(
      extension === ".xlsx" || extension === ".csv"
        ? "no objectives found: the file has a header row but no rows below it"
        : "no objectives found: write `# objective` headings with `- key result` items, or `O:` / `KR:` lines",
    );
  }
  return drafts;
}
