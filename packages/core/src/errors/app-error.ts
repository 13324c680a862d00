import type { Locale } from "../domain/types.ts";
import { type ErrorCode, messageOf, statusOf } from "./error-codes.ts";

/** One problem with one field of the input, as answered: `path` is dotted (`keyResults.0.title`). */
export type ErrorDetail = { path: string; message: string };

/**
 * A detail as thrown: a fixed message (validation messages are already translated), or a code whose
 * message is rendered in the caller's language — by default the error's own.
 */
export type DetailInput = {
  path: string;
  message?: string;
  code?: ErrorCode;
  params?: Record<string, unknown>;
};

/**
 * The one error type that services and domain rules throw. It carries a stable code and the params of
 * its message; the HTTP layer turns it into the contract's error shape in the caller's locale.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly details: DetailInput[];

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, details: DetailInput[] = []) {
    super(messageOf(code, "en", params));
    this.name = "AppError";
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return statusOf(this.code);
  }

  /** The contract's error body in a locale. */
  toBody(locale: Locale): { error: { code: string; message: string; details: ErrorDetail[] } } {
    const message = messageOf(this.code, locale, this.params);
    const details = this.details.map((d) => ({
      path: d.path,
      message: d.message ?? (d.code ? messageOf(d.code, locale, d.params) : message),
    }));
    return { error: { code: this.code, message, details } };
  }
}

/** True for an AppError with the given code (or any AppError when no code is given). */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
