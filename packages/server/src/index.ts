export { type BuildOptions, buildApp } from "./app.ts";
export { hashPassword } from "./auth/password.ts";
export { configFromEnv, type ServerConfig, sqlitePathOf } from "./config.ts";
export { type WebAppOptions, webApp } from "./http/web-app.ts";
