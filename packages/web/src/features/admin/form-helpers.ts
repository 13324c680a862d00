import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";

/**
 * Shows an API error next to the fields of an admin form it concerns, and returns what goes above the
 * form (a rule that names no field shown, or an unreachable server).
 */
export function showFormError<T>(
  form: FormInstance<T>,
  error: unknown,
  fields: readonly string[],
  t: TFunction,
  remap?: (path: string) => string,
): string | null {
  const placed = placeApiError(error, {
    isKnown: (path) => fields.includes(path),
    ...(remap ? { remap } : {}),
    networkMessage: t("errors.network.title"),
  });
  applyFieldErrors(form, placed.fields);
  return placed.formMessage;
}
