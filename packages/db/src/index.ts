export * from "./backup.ts";
export * from "./connection.ts";
export * from "./json.ts";
export * from "./process-lock.ts";
export * from "./repositories/index.ts";
export * from "./schema.ts";
export * from "./testing.ts";
