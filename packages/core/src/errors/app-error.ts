import type { Locale } from "../domain/types.ts";
import { type ErrorCode, messageOf, statusOf } from "./error-codes.ts";

/** One problem with one field of the input: `path` is dotted (`keyResults.0.title`). */
export type ErrorDetail = { path: string; message: string };

/**
 * The one error type that services and domain rules throw. It carries a stable code and the params of
 * its message; the HTTP layer turns it into the contract's error shape in the caller's locale.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, details: ErrorDetail[] = []) {
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
    return {
      error: { code: this.code, message: messageOf(this.code, locale, this.params), details: this.details },
    };
  }
}

/** True for an AppError with the given code (or any AppError when no code is given). */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
