import { fileURLToPath } from "node:url";
import { connect } from "@luodi/db";
import { buildApp } from "../app.ts";
import { configFromEnv } from "../config.ts";

/**
 * The contract as reviewed: the OpenAPI document the server produces, checked into the repository so that
 * every change of a path, a field or a code shows up in a diff. `npm run openapi` rewrites it; a test
 * fails while it differs from what the server produces.
 */
export const OPENAPI_FILE = fileURLToPath(new URL("../../openapi.json", import.meta.url));

/** The OpenAPI document of the server as built from the code, as the file stores it. */
export async function producedOpenApiText(): Promise<string> {
  const database = connect({ sqlitePath: ":memory:" });
  const app = await buildApp({ ...configFromEnv({}), logLevel: "silent" }, { database });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.destroy();
  }
}
