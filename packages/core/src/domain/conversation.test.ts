import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import {
  assertTextLength,
  characterCount,
  findMentions,
  mentionedUserIds,
  mentionMarkdown,
  mentionsAsText,
  reactionEmojiOf,
} from "./conversation.ts";

describe("mentions", () => {
  it("finds each @[name](user:ID) with its place in the text", () => {
    const text = "Thanks @[Sam Sales](user:u-1), and @[王总](user:u_2)!";
    expect(findMentions(text)).toEqual([
      { userId: "u-1", name: "Sam Sales", index: 7, length: 22 },
      { userId: "u_2", name: "王总", index: 35, length: 15 },
    ]);
  });

  it("gives each mentioned id once, in order", () => {
    expect(mentionedUserIds("@[B](user:b) @[A](user:a) @[B again](user:b)")).toEqual(["b", "a"]);
  });

  it("ignores mentions inside code spans and fenced code blocks", () => {
    const text = [
      "Look: `@[Not me](user:x)` but @[Me](user:y)",
      "```",
      "@[Neither](user:z)",
      "```",
      "~~~md",
      "@[Nor](user:w)",
      "~~~",
      "after @[You](user:v)",
    ].join("\n");
    expect(mentionedUserIds(text)).toEqual(["y", "v"]);
  });

  it("refuses what only looks like a mention", () => {
    for (const text of [
      "@[Sam](user:)",
      "@[](user:a)",
      "[Sam](user:a)",
      "@[Sam](mailto:a)",
      "@[Sa\nm](user:a)",
      "@[Sam](user:a b)",
      "@[Sam](user:<script>)",
    ]) {
      expect(mentionedUserIds(text), text).toEqual([]);
    }
  });

  it("reads as plain @name in previews", () => {
    expect(mentionsAsText("Thanks @[Sam Sales](user:u-1)!")).toBe("Thanks @Sam Sales!");
  });

  it("writes a mention that parses back to the same person, whatever the name holds", () => {
    for (const name of ["Sam Sales", "王总", "Eve [Eng]", "Line\nbreak", "]]["]) {
      const text = `hi ${mentionMarkdown(name, "u-9")} there`;
      expect(mentionedUserIds(text), name).toEqual(["u-9"]);
    }
    expect(mentionMarkdown("Sam Sales", "u-1")).toBe("@[Sam Sales](user:u-1)");
  });
});

describe("reactions", () => {
  it("accepts the allowed emoji, the heart with or without its presentation selector", () => {
    expect(reactionEmojiOf("👍")).toBe("👍");
    expect(reactionEmojiOf("❤")).toBe("❤️");
    expect(reactionEmojiOf("❤️")).toBe("❤️");
  });

  it("refuses anything else", () => {
    for (const value of ["😡", "+1", "", "👍👍", "<script>"])
      expect(reactionEmojiOf(value), value).toBeNull();
  });
});

describe("characterCount", () => {
  it("counts characters, not UTF-16 units", () => {
    expect(characterCount("增长")).toBe(2);
    expect(characterCount("💪💪")).toBe(2);
    expect("💪💪".length).toBe(4);
  });
});

describe("assertTextLength", () => {
  it("lets the limit through and refuses one character more, with both numbers", () => {
    expect(() => assertTextLength("💪".repeat(5), 5, "body")).not.toThrow();
    const refused = (() => {
      try {
        assertTextLength("a".repeat(6), 5, "body");
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "text.too_long", params: { max: 5, length: 6 } });
  });
});
