import { errorResponses, sessionStatusSchema } from "@luodi/core";
import type { AppContext } from "../context.ts";
import type { ZodApp } from "../http/types.ts";

/**
 * `GET /session`: whether the caller is signed in, 200 either way. The web app's shell asks it before
 * `GET /me`, so a signed-out visit learns its state without a 401 in the browser's console.
 */
export async function sessionRoutes(app: ZodApp, _ctx: AppContext): Promise<void> {
  app.get(
    "/session",
    {
      config: { public: true },
      schema: { tags: ["auth"], response: { 200: sessionStatusSchema, ...errorResponses(403, 404) } },
    },
    async (request) => ({ signedIn: request.auth !== null }),
  );
}
