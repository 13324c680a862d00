import MarkdownIt, { type StateInline } from "markdown-it";
import sanitizeHtml from "sanitize-html";

/*
 * What people write in comments and praise is Markdown, rendered here to HTML that the web app inserts as
 * it is. Two layers keep it inert: markdown-it never passes raw HTML through (`html: false` prints it as
 * text) and refuses `javascript:`, `vbscript:`, `file:` and `data:` links; then sanitize-html keeps only
 * the tags and attributes listed below, links only to http(s), mail and the app's own pages, and adds
 * rel="noopener noreferrer nofollow" to every link. Images are off: a picture from elsewhere would tell its
 * server who read the comment and when.
 */

/** What a rendering needs to know: the people whose mentions become links (the others stay plain text). */
type RenderEnv = { mentionIds: ReadonlySet<string> };

const MENTION_AT = /@\[([^\]\n\r[]{1,200})\]\(user:([A-Za-z0-9_-]{1,64})\)/y;

/** `@[name](user:ID)` as one token, so it renders as a link to the person and never as a `user:` link. */
function mention(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  MENTION_AT.lastIndex = state.pos;
  const match = MENTION_AT.exec(state.src);
  if (!match || match.index + match[0].length > state.posMax) return false;
  if (!silent) {
    const token = state.push("mention", "", 0);
    token.meta = { name: match[1], userId: match[2] };
  }
  state.pos += match[0].length;
  return true;
}

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
markdown.disable("image");
markdown.inline.ruler.before("link", "mention", mention);
markdown.renderer.rules.mention = (tokens, index, _options, env) => {
  const { name, userId } = (tokens[index]?.meta ?? {}) as { name: string; userId: string };
  const text = markdown.utils.escapeHtml(`@${name}`);
  if (!(env as RenderEnv | undefined)?.mentionIds.has(userId)) return text;
  const id = markdown.utils.escapeHtml(userId);
  return `<a class="mention" href="/people/${encodeURIComponent(userId)}" data-user-id="${id}">${text}</a>`;
};

const LINK_REL = "noopener noreferrer nofollow";

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "class", "data-user-id", "rel", "target"], ol: ["start"] },
  allowedClasses: { a: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const external = /^(https?|mailto):/i.test(href);
      // A link to nowhere allowed (`user:…`, `//elsewhere`) keeps its text and loses its tag (a span is dropped).
      if (!external && !/^\/(?!\/)/.test(href)) return { tagName: "span", attribs: {} };
      // Links out open beside the app; a mention stays in it.
      return { tagName, attribs: { ...attribs, rel: LINK_REL, ...(external ? { target: "_blank" } : {}) } };
    },
  },
};

/**
 * Markdown rendered to sanitised HTML. `mentionIds` are the people whose mentions become links to their
 * page; any other `@[name](user:ID)` shows as the plain text `@name`.
 */
export function renderMarkdown(source: string, mentionIds: ReadonlySet<string> = new Set()): string {
  const env: RenderEnv = { mentionIds };
  return sanitizeHtml(markdown.render(source, env), SANITIZE);
}
