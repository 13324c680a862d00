export * from "./answers.ts";
export * from "./common.ts";
export * from "./conversation.ts";
export * from "./integrations.ts";
export * from "./notifications.ts";
export * from "./objective.ts";
export * from "./org.ts";
export * from "./output.ts";
