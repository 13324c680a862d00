export * from "./common.ts";
export * from "./objective.ts";
export * from "./org.ts";
