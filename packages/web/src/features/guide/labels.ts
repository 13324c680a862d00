import type { TemplateFunction } from "./templates.ts";

/** Catalogue keys of the template library's business functions. */
export const TEMPLATE_FUNCTION_KEYS = {
  sales: "templates.functions.sales",
  marketing: "templates.functions.marketing",
  product: "templates.functions.product",
  engineering: "templates.functions.engineering",
  customerSuccess: "templates.functions.customerSuccess",
  hr: "templates.functions.hr",
  finance: "templates.functions.finance",
  operations: "templates.functions.operations",
  manufacturing: "templates.functions.manufacturing",
  education: "templates.functions.education",
} as const satisfies Record<TemplateFunction, string>;

/** The guide's and the library's content is kept per language: zh for zh-CN, en otherwise. */
export function contentLanguage(language: string): "zh" | "en" {
  return language === "zh-CN" ? "zh" : "en";
}
