export { buildApp } from "./app.ts";
export { hashPassword } from "./auth/password.ts";
export { configFromEnv, type ServerConfig, sqlitePathOf, trustProxyOf } from "./config.ts";
