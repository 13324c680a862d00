import { AppError } from "../errors/app-error.ts";

/*
 * Comments (评论) and praise (表扬): the rules that do not need a database — what a mention looks like,
 * which reactions exist, how long a text may be. The server and the web app read the same ones.
 */

/** What a comment is written on. A check-in's comments follow its KR's objective for who may see them. */
export const COMMENT_SUBJECT_TYPES = ["objective", "key_result", "check_in"] as const;
export type CommentSubjectType = (typeof COMMENT_SUBJECT_TYPES)[number];

/** Longest comment, in characters (code points); longer answers 422 `text.too_long`. */
export const COMMENT_MAX_LENGTH = 20_000;
/** Longest praise message, in characters (code points). */
export const RECOGNITION_MAX_LENGTH = 2_000;
/** Most people one praise may name. */
export const RECOGNITION_MAX_RECIPIENTS = 20;

/** The reactions a comment may get, in the order they are shown; anything else answers 422. */
export const REACTION_EMOJIS = ["👍", "🎉", "❤️", "👀", "🙏", "💪"] as const;
export type ReactionEmoji = (typeof REACTION_EMOJIS)[number];

/**
 * The allowed reaction an emoji names, or null. Keyboards send the heart with or without its emoji
 * presentation selector (U+FE0F); both mean the one heart.
 */
export function reactionEmojiOf(value: string): ReactionEmoji | null {
  const bare = value.replaceAll("\uFE0F", "");
  return REACTION_EMOJIS.find((emoji) => emoji.replaceAll("\uFE0F", "") === bare) ?? null;
}

/** The length of a text as people count it: in characters (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Refuses a text longer than `max` characters with 422 `text.too_long`, naming the field at `path`. */
export function assertTextLength(text: string, max: number, path: string): void {
  const length = characterCount(text);
  if (length > max) throw new AppError("text.too_long", { max, length }, [{ path }]);
}

/** One `@[name](user:ID)` in a Markdown text: who, as written, and where. */
export type Mention = { userId: string; name: string; index: number; length: number };

/**
 * A mention as written in Markdown. The name is what the writer saw (one line, no brackets); the id is
 * an opaque user id.
 */
const MENTION = /@\[([^\]\n\r[]{1,200})\]\(user:([A-Za-z0-9_-]{1,64})\)/g;

// Fenced code blocks and inline code spans: a mention written inside them is code, not a mention.
const CODE = /(^|\n)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)|(`+)[^`]*?\4/g;

/** The mentions of a Markdown text, in order, outside code blocks and code spans. */
export function findMentions(markdown: string): Mention[] {
  // Code is blanked out with spaces of the same length, so the indexes stay those of the text.
  const text = markdown.replace(CODE, (code) => " ".repeat(code.length));
  return [...text.matchAll(MENTION)].map((match) => ({
    userId: match[2] as string,
    name: match[1] as string,
    index: match.index,
    length: match[0].length,
  }));
}

/** The ids a Markdown text mentions, each once, in the order of their first mention. */
export function mentionedUserIds(markdown: string): string[] {
  return [...new Set(findMentions(markdown).map((m) => m.userId))];
}

/** A Markdown text with its mentions written as the plain `@name` people read (previews, notifications). */
export function mentionsAsText(markdown: string): string {
  return markdown.replace(MENTION, (_whole, name: string) => `@${name}`);
}

/**
 * How a mention of someone is written: `@[name](user:ID)`. Brackets and line breaks in the name are left
 * out, so any name makes a mention that parses back to the same person.
 */
export function mentionMarkdown(name: string, userId: string): string {
  const shown = name.replace(/[[\]\n\r]+/g, " ").trim() || userId;
  return `@[${shown.slice(0, 200)}](user:${userId})`;
}
