import type { JsonText } from "./schema.ts";

/**
 * Reads back JSON the repositories stored with `JSON.stringify`: the column's type says what it holds,
 * and only our own writes ever fill it, so the parse is trusted as that type.
 */
export function readJson<T>(text: JsonText<T>): T {
  return JSON.parse(text) as T;
}
