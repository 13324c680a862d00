import { findMentions, mentionMarkdown } from "@luodi/core";

/** Someone picked in the composer's `@` list: the name shown in the text, and who it is. */
export type PickedMention = { name: string; userId: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The Markdown to send for what the composer shows: each `@name` of someone picked from the list becomes
 * `@[name](user:ID)`. Longer names are matched first, so "@Sam Sales" is not taken for "@Sam".
 */
export function toMarkdown(text: string, picked: readonly PickedMention[]): string {
  const byName = new Map(picked.map((p) => [p.name, p.userId]));
  if (byName.size === 0) return text;
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return text.replace(new RegExp(`@(${names.join("|")})`, "g"), (whole, name: string) => {
    const userId = byName.get(name);
    return userId ? mentionMarkdown(name, userId) : whole;
  });
}

/** What the composer shows for a stored comment (editing it): `@name`, with the people it mentions. */
export function toComposerText(markdown: string): { text: string; picked: PickedMention[] } {
  const picked: PickedMention[] = [];
  let text = "";
  let from = 0;
  for (const mention of findMentions(markdown)) {
    text += `${markdown.slice(from, mention.index)}@${mention.name}`;
    from = mention.index + mention.length;
    if (!picked.some((p) => p.name === mention.name))
      picked.push({ name: mention.name, userId: mention.userId });
  }
  return { text: text + markdown.slice(from), picked };
}
