import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("links the mentions of known people to their page and leaves the others as text", () => {
    expect(renderMarkdown("Hi @[Sam Sales](user:u1) and @[Ghost](user:u2)", new Set(["u1"]))).toBe(
      '<p>Hi <a class="mention" href="/people/u1" data-user-id="u1" rel="noopener noreferrer nofollow">@Sam Sales</a> and @Ghost</p>\n',
    );
  });

  it("keeps a mention inside code as code", () => {
    expect(renderMarkdown("`@[Sam](user:u1)`", new Set(["u1"]))).toBe(
      "<p><code>@[Sam](user:u1)</code></p>\n",
    );
  });

  it("prints raw HTML as text and keeps only links to the web and the app's own pages", () => {
    expect(renderMarkdown("<b onclick=x>hi</b>")).toBe("<p>&lt;b onclick=x&gt;hi&lt;/b&gt;</p>\n");
    expect(renderMarkdown("[a](https://a.test) [b](/objectives/1) [c](//evil.test) [d](user:u1)")).toBe(
      '<p><a href="https://a.test" rel="noopener noreferrer nofollow" target="_blank">a</a> ' +
        '<a href="/objectives/1" rel="noopener noreferrer nofollow">b</a> c d</p>\n',
    );
  });

  it("shows no images and drops table styles", () => {
    expect(renderMarkdown("![x](https://evil.test/pixel.png)")).not.toContain("<img");
    expect(renderMarkdown("| a |\n|--:|\n| 1 |")).not.toContain("style");
  });
});
