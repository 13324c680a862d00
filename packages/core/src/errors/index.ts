export * from "./app-error.ts";
export * from "./error-codes.ts";
export { termOf } from "./terms.ts";
