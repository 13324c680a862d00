export { buildApp } from "./app.ts";
export { hashPassword } from "./auth/password.ts";
export { configFromEnv, type ServerConfig, sqlitePathOf } from "./config.ts";
