/** A block of organization Markdown, reduced to what the guide shows as plain text. */
export type TextBlock = { kind: "heading" | "paragraph"; text: string } | { kind: "list"; items: string[] };

/** Inline Markdown marks (emphasis, code, links) reduced to their text; HTML tags dropped. */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2")
    .trim();
}

/**
 * Splits Markdown into headings, paragraphs and lists of plain text. The guide renders them as React
 * text nodes, so nothing an admin types can inject markup.
 */
export function markdownBlocks(markdown: string | null | undefined): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: plain(paragraph.join(" ")) });
    paragraph = [];
    if (list?.length) blocks.push({ kind: "list", items: list });
    list = null;
  };
  for (const raw of (markdown ?? "").split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: "heading", text: plain(heading[1] ?? "") });
    } else if (item) {
      if (paragraph.length) flush();
      list ??= [];
      list.push(plain(item[1] ?? ""));
    } else if (list) {
      flush();
      paragraph.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks.filter((b) => (b.kind === "list" ? b.items.length > 0 : b.text !== ""));
}
