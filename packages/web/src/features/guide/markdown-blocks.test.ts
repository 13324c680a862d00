import { describe, expect, it } from "vitest";
import { markdownBlocks } from "./markdown-blocks.ts";

describe("markdownBlocks", () => {
  it("reads headings, paragraphs and lists as plain text", () => {
    expect(
      markdownBlocks("# 使命\n让每个团队\n都能落地目标。\n\n- **客户**第一\n- 长期主义\n\n1. 第一步"),
    ).toEqual([
      { kind: "heading", text: "使命" },
      { kind: "paragraph", text: "让每个团队 都能落地目标。" },
      { kind: "list", items: ["客户第一", "长期主义"] },
      { kind: "list", items: ["第一步"] },
    ]);
  });

  it("keeps link text and drops HTML, so nothing typed becomes markup", () => {
    expect(markdownBlocks('See [our plan](https://x.test) <script>alert("x")</script><b>now</b>')).toEqual([
      { kind: "paragraph", text: 'See our plan alert("x")now' },
    ]);
  });

  it("gives nothing for empty or missing text", () => {
    expect(markdownBlocks(null)).toEqual([]);
    expect(markdownBlocks("  \n\n ")).toEqual([]);
  });
});
