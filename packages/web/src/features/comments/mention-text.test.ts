import { describe, expect, it } from "vitest";
import { toComposerText, toMarkdown } from "./mention-text.ts";

describe("mention text", () => {
  it("sends the people picked from the list as mentions, longer names first", () => {
    const picked = [
      { name: "Sam", userId: "u-2" },
      { name: "Sam Sales", userId: "u-1" },
      { name: "王总", userId: "u-3" },
    ];
    expect(toMarkdown("@Sam Sales and @Sam, 请@王总看看", picked)).toBe(
      "@[Sam Sales](user:u-1) and @[Sam](user:u-2), 请@[王总](user:u-3)看看",
    );
  });

  it("leaves an @ nobody picked as it is", () => {
    expect(toMarkdown("mail me @home", [{ name: "Eve", userId: "u-9" }])).toBe("mail me @home");
    expect(toMarkdown("@Eve.", [])).toBe("@Eve.");
  });

  it("turns a stored comment back into what the composer shows, and back again", () => {
    const body = "Hi @[Sam Sales](user:u-1), see `code` and @[王总](user:u-3)!";
    const { text, picked } = toComposerText(body);
    expect(text).toBe("Hi @Sam Sales, see `code` and @王总!");
    expect(picked).toEqual([
      { name: "Sam Sales", userId: "u-1" },
      { name: "王总", userId: "u-3" },
    ]);
    expect(toMarkdown(text, picked)).toBe(body);
  });
});
