export * from "./coach/index.ts";
export * from "./domain/index.ts";
export * from "./errors/index.ts";
export * from "./import/index.ts";
export * from "./schemas/index.ts";
