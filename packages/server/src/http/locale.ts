import type { Locale } from "@luodi/core";

/** The product's locale named first in an Accept-Language header, honouring q-weights; undefined if none. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number.parseFloat(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return undefined;
}

/** Picks the caller's language: Accept-Language, else the user's, else the organization's, else English. */
export function resolveLocale(
  acceptLanguage: string | undefined,
  userLocale: string | null | undefined,
  orgLocale: string | null | undefined,
): Locale {
  return localeFromAcceptLanguage(acceptLanguage) ?? asLocale(userLocale) ?? asLocale(orgLocale) ?? "en";
}

function asLocale(value: string | null | undefined): Locale | undefined {
  return value === "zh-CN" || value === "en" ? value : undefined;
}
