import i18n from "i18next";
import { initReactI18next } from "react-i18next";

/** The languages the UI speaks; the same tags the API takes in Accept-Language. */
const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where an explicit choice of language is remembered in the browser. */
const STORAGE_KEY = "luodi.language";

export function isLanguage(value: unknown): value is Language {
  return value === "zh-CN" || value === "en";
}

/**
 * The language to show: an explicit choice first, then the first of the browser's languages that the
 * product speaks (any Chinese → zh-CN, any English → en), else English.
 */
export function detectLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** True when the user picked a language in this browser (it then wins over their profile's). */
export function hasStoredLanguage(): boolean {
  return isLanguage(readStored());
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "en";
}

/**
 * Each language's catalogue is a chunk of its own, fetched when first needed: a visitor downloads the words
 * of the language they read, not both (they are a good part of the first page load).
 */
const CATALOGUES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("./en.json"),
  "zh-CN": () => import("./zh-CN.json"),
};

async function catalogueOf(language: Language): Promise<Record<string, unknown>> {
  return (await CATALOGUES[language]()).default;
}

/** Switches the UI language; `remember` keeps the choice for the next visit. */
export async function setLanguage(language: Language, { remember = true } = {}): Promise<void> {
  if (!i18n.hasResourceBundle(language, "translation")) {
    i18n.addResourceBundle(language, "translation", await catalogueOf(language));
  }
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

/** Loads the visitor's language and starts i18next with it; the app renders once this resolves. */
export async function initI18n(): Promise<typeof i18n> {
  const language = detectLanguage(readStored(), navigator.languages ?? [navigator.language]);
  document.documentElement.lang = language;
  const catalogue = await catalogueOf(language);
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation: catalogue } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18n;
}

export { i18n };
