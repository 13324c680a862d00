import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import { detectLanguage } from "./index.ts";
import zhCN from "./zh-CN.json";

type Catalogue = { [key: string]: string | Catalogue };

/** Every leaf key of a catalogue, dotted. */
function leafKeys(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();
}

function valueAt(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

const SOURCE = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const catalogues = { en: en as Catalogue, "zh-CN": zhCN as Catalogue };
const enKeys = new Set(leafKeys(catalogues.en));
const namespaces = new Set(Object.keys(catalogues.en));

/**
 * The keys the source uses: every t("…") and i18nKey="…", and every string literal that starts with a
 * catalogue namespace (the tables in components/labels.ts map enums to keys that way).
 */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, "utf8");
    const relative = file.slice(SOURCE.length + 1);
    for (const match of text.matchAll(/\bt\(\s*["'`]([^"'`$]+)["'`]/g)) used.set(match[1] ?? "", relative);
    for (const match of text.matchAll(/i18nKey=["']([^"']+)["']/g)) used.set(match[1] ?? "", relative);
    for (const match of text.matchAll(/["']([a-zA-Z]+)\.([a-zA-Z_]+(?:\.[a-zA-Z_]+)*)["']/g)) {
      if (namespaces.has(match[1] ?? "") && !(match[0] ?? "").includes("/"))
        used.set(`${match[1]}.${match[2]}`, relative);
    }
  }
  return used;
}

describe("the i18n catalogues", () => {
  it("have exactly the same keys in zh-CN and en", () => {
    const zhKeys = new Set(leafKeys(catalogues["zh-CN"]));
    expect(
      [...enKeys].filter((k) => !zhKeys.has(k)),
      "keys missing from zh-CN.json",
    ).toEqual([]);
    expect(
      [...zhKeys].filter((k) => !enKeys.has(k)),
      "keys missing from en.json",
    ).toEqual([]);
  });

  it("use the same placeholders in both languages, and no empty text", () => {
    for (const key of enKeys) {
      const english = valueAt(catalogues.en, key) ?? "";
      const chinese = valueAt(catalogues["zh-CN"], key) ?? "";
      expect(english.trim(), `en ${key}`).not.toBe("");
      expect(chinese.trim(), `zh-CN ${key}`).not.toBe("");
      expect(placeholders(chinese), `placeholders of ${key}`).toEqual(placeholders(english));
    }
  });

  it("hold every key the source uses", () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter(([key]) => !enKeys.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing, "keys used in the source but missing from the catalogues").toEqual([]);
  });

  it("carry no key that the source never uses", () => {
    const used = usedKeys();
    expect(
      [...enKeys].filter((key) => !used.has(key)),
      "unused keys",
    ).toEqual([]);
  });
});

describe("detectLanguage", () => {
  it("speaks Chinese to a Chinese browser and English to everyone else", () => {
    expect(detectLanguage(null, ["zh-CN", "en"])).toBe("zh-CN");
    expect(detectLanguage(null, ["zh-TW"])).toBe("zh-CN");
    expect(detectLanguage(null, ["fr-FR", "en-GB"])).toBe("en");
    expect(detectLanguage(null, ["de"])).toBe("en");
  });

  it("keeps an explicit choice over the browser's languages", () => {
    expect(detectLanguage("en", ["zh-CN"])).toBe("en");
    expect(detectLanguage("zh-CN", ["en-US"])).toBe("zh-CN");
    expect(detectLanguage("fr", ["zh-CN"])).toBe("zh-CN");
  });
});
