/** An objective and its key results as an outline names them, with the 1-based line of each. */
export type OutlineOkr = {
  objective: { title: string; line: number };
  keyResults: Array<{ title: string; line: number }>;
};

/** The text cannot be read as an outline of OKRs (a key result before any objective). */
export class OutlineError extends Error {
  override name = "OutlineError";
  /** The 1-based line at fault. */
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

type Line =
  | { line: number; kind: "heading"; level: number; text: string }
  | { line: number; kind: "item"; indent: number; text: string }
  | { line: number; kind: "text"; text: string };

type Label = { role: "objective" | "keyResult"; text: string };

// "O:", "O1:", "Objective 2：", "目标：", "O1、…", "目标 1 …" (a number stands in for the colon).
const OBJECTIVE_LABEL = [
  /^(?:objective|目标|O)\s*(?:\d+\s*)?[:：]\s*(.+)$/i,
  /^(?:objective|目标|O)\s*\d+\s*(?:[、.)）]\s*|\s+)(.+)$/i,
];
// "KR:", "KR1.2:", "Key result 3：", "关键结果：", "KR1、…", "KR 2 …".
const KEY_RESULT_LABEL = [
  /^(?:KR|key\s*results?|关键结果|关键成果)\s*(?:[\d.]+\s*)?[:：]\s*(.+)$/i,
  /^(?:KR|关键结果|关键成果)\s*\d+(?:\.\d+)*\s*(?:[、.)）]\s*|\s+)(.+)$/i,
];
// A heading that only introduces the key results of the objective above it.
const KEY_RESULT_SECTION = /^(?:key\s*results?|krs?|关键结果|关键成果)\s*[:：]?$/i;

function clean(text: string): string {
  return text
    .replace(/\*\*|__/g, "")
    .replace(/^\[[ xX]\]\s+/, "")
    .trim();
}

function labelOf(text: string): Label | undefined {
  for (const [role, patterns] of [
    ["keyResult", KEY_RESULT_LABEL],
    ["objective", OBJECTIVE_LABEL],
  ] as const) {
    for (const pattern of patterns) {
      const title = pattern.exec(text)?.[1]?.trim();
      if (title) return { role, text: title };
    }
  }
  return undefined;
}

function indentOf(prefix: string): number {
  return prefix.replace(/\t/g, "    ").length;
}

/** The lines that carry content, outside front matter, fenced code and HTML comments. */
function scan(text: string): Line[] {
  const rawLines = text.replace(/\r\n?/g, "\n").split("\n");
  const lines: Line[] = [];
  let fence: string | undefined;
  let inComment = false;
  let inFrontMatter = rawLines[0]?.trim() === "---";
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    if (inFrontMatter) {
      if (index > 0 && raw.trim() === "---") inFrontMatter = false;
      return;
    }
    const fenceMark = /^\s*(```|~~~)/.exec(raw)?.[1];
    if (fenceMark !== undefined && (fence === undefined || fence === fenceMark)) {
      fence = fence === undefined ? fenceMark : undefined;
      return;
    }
    if (fence !== undefined) return;
    if (inComment || raw.trimStart().startsWith("<!--")) {
      inComment = !raw.includes("-->");
      return;
    }
    const heading = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(raw);
    if (heading) {
      const text = clean(heading[2] ?? "");
      if (text) lines.push({ line, kind: "heading", level: heading[1]?.length ?? 1, text });
      return;
    }
    const item = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (item) {
      const text = clean(item[2] ?? "");
      if (text) lines.push({ line, kind: "item", indent: indentOf(item[1] ?? ""), text });
      return;
    }
    const text = clean(raw);
    if (text) lines.push({ line, kind: "text", text });
  });
  return lines;
}

/**
 * The heading level objectives are written at: the level whose headings most often have list items
 * under them (the shallower one on a tie, so that an "action plan" sub-heading is not taken for an
 * objective); when no heading has items, the deepest level. Shallower headings are titles.
 */
function objectiveLevel(lines: readonly Line[]): number | undefined {
  const withItems = new Map<number, number>();
  let deepest: number | undefined;
  let openLevel: number | undefined;
  for (const entry of lines) {
    if (entry.kind === "heading") {
      if (KEY_RESULT_SECTION.test(entry.text)) continue;
      deepest = Math.max(deepest ?? 0, entry.level);
      openLevel = entry.level;
      withItems.set(openLevel, withItems.get(openLevel) ?? 0);
    } else if (
      openLevel !== undefined &&
      (entry.kind === "item" || labelOf(entry.text)?.role === "keyResult")
    ) {
      withItems.set(openLevel, (withItems.get(openLevel) ?? 0) + 1);
      openLevel = undefined; // count each heading once
    }
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [level, count] of [...withItems].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) [best, bestCount] = [level, count];
  }
  return best ?? deepest;
}

/**
 * Reads Markdown outlines of OKRs (what `luodi lint` reads and `POST /import` imports), in either of two styles (or both): `# objective` headings with `- key result`
 * items under them, or `O:` / `KR:` lines (`目标：`, `关键结果：`, `O1:`, `KR1.2:`). Nested list items are
 * details of the key result above them, not key results.
 */
export function parseMarkdownOutline(text: string): OutlineOkr[] {
  const lines = scan(text);
  const isLabelled = lines.some((entry) => labelOf(entry.text)?.role === "objective");
  const level = isLabelled ? undefined : objectiveLevel(lines);
  const drafts: OutlineOkr[] = [];
  let current: OutlineOkr | undefined;
  let takesItems = false;
  let keyResultIndent: number | undefined;

  const startObjective = (title: string, line: number) => {
    current = { objective: { title, line }, keyResults: [] };
    drafts.push(current);
    takesItems = true;
    keyResultIndent = undefined;
  };

  for (const entry of lines) {
    const label = labelOf(entry.text);
    if (label?.role === "objective") {
      startObjective(label.text, entry.line);
    } else if (label?.role === "keyResult") {
      if (current === undefined)
        throw new OutlineError(entry.line, `line ${entry.line}: key result before any objective`);
      current.keyResults.push({ title: label.text, line: entry.line });
      if (entry.kind === "item") keyResultIndent ??= entry.indent;
    } else if (entry.kind === "heading") {
      if (KEY_RESULT_SECTION.test(entry.text)) {
        takesItems = current !== undefined;
      } else if (level === undefined || isLabelled) {
        takesItems = false;
      } else if (entry.level === level) {
        startObjective(entry.text, entry.line);
      } else if (entry.level < level) {
        current = undefined;
        takesItems = false;
      } else {
        takesItems = false;
      }
    } else if (entry.kind === "item" && current !== undefined && takesItems) {
      keyResultIndent ??= entry.indent;
      if (entry.indent <= keyResultIndent) {
        keyResultIndent = entry.indent;
        current.keyResults.push({ title: entry.text, line: entry.line });
      }
    }
  }
  return drafts;
}
