import { type ErrorDetail, isErrorCode, type Locale, messageOf } from "@luodi/core";
import type { FastifySchemaCompiler } from "fastify";
import { type ZodType, z } from "zod";
import type { $ZodIssue } from "zod/v4/core";

/** A failed validation, carrying zod's issues so they can be translated for the caller. */
export class RequestValidationError extends Error {
  readonly issues: $ZodIssue[];
  readonly part: string;
  constructor(issues: $ZodIssue[], part: string) {
    super("Request validation failed");
    this.issues = issues;
    this.part = part;
  }
}

/** Fastify validator compiler for zod schemas that keeps the raw issues. */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? "body") };
  };

const localeErrors = { en: z.locales.en().localeError, "zh-CN": z.locales.zhCN().localeError };

function zodMessage(issue: $ZodIssue, locale: Locale): string {
  const translated = localeErrors[locale](issue as never);
  return typeof translated === "string" ? translated : (translated?.message ?? issue.message);
}

/**
 * The message of a check of our own (core's schemas): its issue names an error code in `params.code`
 * (`text.control_character`, `password.common`…), whose message is written in every language.
 */
function ownMessage(issue: $ZodIssue, locale: Locale): string | undefined {
  if (issue.code !== "custom") return undefined;
  const code = issue.params?.code;
  return typeof code === "string" && isErrorCode(code) ? messageOf(code, locale, issue.params) : undefined;
}

/** Turns zod issues into the contract's details, messages in the caller's locale. */
export function issuesToDetails(issues: readonly $ZodIssue[], locale: Locale): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    const message = ownMessage(issue, locale) ?? zodMessage(issue, locale);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) details.push({ path: path ? `${path}.${key}` : key, message });
    } else if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // A union reports one issue list per branch; the first branch's words are the clearest.
      const first = issue.errors[0] ?? [];
      details.push(
        ...issuesToDetails(
          first.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
          locale,
        ),
      );
    } else {
      details.push({ path, message });
    }
  }
  return details;
}
