import { isApiError, isNetworkError } from "@luodi/client";
import type { FormInstance } from "antd";

/** A form field's name as Ant Design takes it: `keyResults.0.title` → ["keyResults", 0, "title"]. */
export type FieldName = Array<string | number>;
export type FieldError = { name: FieldName; errors: string[] };

/** Where an error goes: next to fields, and/or above the form when no field is concerned. */
export type PlacedError = { fields: FieldError[]; formMessage: string | null; isNetwork: boolean };

export function toFieldName(path: string): FieldName {
  return path
    .split(".")
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export type PlaceOptions = {
  /** Paths (dotted) of the fields this form shows; errors elsewhere go above the form. */
  isKnown: (path: string) => boolean;
  /** Moves a path to the field that best shows it (a KR-wide rule error to its target field, say). */
  remap?: (path: string, code: string) => string;
  /** The message for an unreachable server, in the user's language. */
  networkMessage: string;
};

/**
 * Puts an API error next to the fields it concerns. Validation errors (`request.invalid`) carry one
 * localized message per field; a domain rule's details name the field, and its own message (already in
 * the user's language) says what is wrong.
 */
export function placeApiError(error: unknown, options: PlaceOptions): PlacedError {
  if (isNetworkError(error)) return { fields: [], formMessage: options.networkMessage, isNetwork: true };
  if (!isApiError(error)) {
    return {
      fields: [],
      formMessage: error instanceof Error ? error.message : String(error),
      isNetwork: false,
    };
  }
  const byPath = new Map<string, string[]>();
  let unplaced = false;
  for (const detail of error.details) {
    const path = options.remap ? options.remap(detail.path, error.code) : detail.path;
    if (!path || !options.isKnown(path)) {
      unplaced = true;
      continue;
    }
    const message = error.code === "request.invalid" ? detail.message : error.message;
    const messages = byPath.get(path) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byPath.set(path, messages);
  }
  const fields = [...byPath].map(([path, errors]) => ({ name: toFieldName(path), errors }));
  const formMessage =
    fields.length === 0 || (unplaced && error.code !== "request.invalid") ? error.message : null;
  return { fields, formMessage, isNetwork: false };
}

/**
 * Whether a dotted path names a field the form shows now (`keyResults.2.targetValue` is the third KR's
 * target): errors go next to those by their path alone, and above the form otherwise.
 */
export function fieldsShownBy<T>(form: FormInstance<T>): (path: string) => boolean {
  const shown = new Set(form.getFieldsError().map((field) => field.name.join(".")));
  return (path) => shown.has(path);
}

/** Shows errors on a form's fields (the API's paths are not typed by the form's values, hence the cast). */
export function applyFieldErrors<T>(form: FormInstance<T>, fields: readonly FieldError[]): void {
  form.setFields(
    fields.map((f) => ({ name: f.name, errors: f.errors })) as Parameters<FormInstance<T>["setFields"]>[0],
  );
}
