import { textLanguage } from "./segment.ts";
import type { CoachLocale } from "./types.ts";

/** The locale a text is written in: zh-CN when Chinese characters dominate, otherwise en. */
export function detectLocale(text: string): CoachLocale {
  return textLanguage(text.normalize("NFKC")) === "zh" ? "zh-CN" : "en";
}
