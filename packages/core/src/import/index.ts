// Data in: reading OKRs from files (rows, outlines, Luodi's JSON export) by the rules the API applies.
export * from "./import-columns.ts";
export * from "./import-report.ts";
export * from "./import-rows.ts";
export * from "./import-sources.ts";
export * from "./outline.ts";
