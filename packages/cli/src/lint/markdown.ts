import { OutlineError, parseMarkdownOutline } from "@luodi/core";
import { type DraftOkr, LintInputError } from "./draft.ts";

/**
 * Reads Markdown drafts with core's outline reader (shared with `POST /import`): `# objective` headings
 * with `- key result` items, or `O:` / `KR:` lines.
 */
export function parseMarkdownDrafts(text: string): DraftOkr[] {
  try {
    return parseMarkdownOutline(text);
  } catch (error) {
    if (error instanceof OutlineError) throw new LintInputError(error.message);
    throw error;
  }
}
