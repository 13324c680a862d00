import { describe, expect, it } from "vitest";
import { initialChunks } from "./bundle-size.ts";

describe("initialChunks", () => {
  it("counts the entry and its static imports, transitively, but no dynamic import", () => {
    const manifest = {
      "index.html": {
        file: "assets/index.js",
        isEntry: true,
        imports: ["_vendor.js"],
        dynamicImports: ["src/Editor.tsx"],
      },
      "_vendor.js": { file: "assets/vendor.js", imports: ["_shared.js"] },
      "_shared.js": { file: "assets/shared.js" },
      "src/Editor.tsx": { file: "assets/Editor.js", imports: ["_shared.js", "_echarts.js"] },
      "_echarts.js": { file: "assets/echarts.js" },
    };
    expect(initialChunks(manifest).map((c) => c.file)).toEqual([
      "assets/index.js",
      "assets/vendor.js",
      "assets/shared.js",
    ]);
  });

  it("refuses a manifest without an entry", () => {
    expect(() => initialChunks({ "a.js": { file: "a.js" } })).toThrow(/no entry/);
  });
});
