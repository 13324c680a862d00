import type { Locale } from "@luodi/core";
import { en } from "./data.en.ts";
import { zhCN } from "./data.zh-CN.ts";
import type { DemoDataset } from "./dataset.ts";

/** The realistic demo organization in a language: 星河科技 in zh-CN, Galaxy Tech in en. */
export function demoDataset(locale: Locale): DemoDataset {
  return locale === "zh-CN" ? zhCN : en;
}
