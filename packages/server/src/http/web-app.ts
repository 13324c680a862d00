import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import { AppError } from "@luodi/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { styleNonceOf } from "./security-headers.ts";

/** What the web build writes where each response's CSP nonce goes (packages/web/vite.config.ts). */
const CSP_NONCE_PLACEHOLDER = "__LUODI_CSP_NONCE__";

/** Where `npm run build -w @luodi/web` writes the single-page app. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export type WebAppOptions = {
  /** The built web app (index.html and assets/); defaults to `LUODI_WEB_DIST`, then packages/web/dist. */
  distDir?: string;
};

/** Hashed file names never change content: cache them for a year. index.html must always be revalidated. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/**
 * Serves the web app at `/` when it has been built: files from the dist folder, and index.html for any
 * other GET outside `/api` so that the SPA's own routes (/objectives/…, /check-in) survive a reload. Without
 * a build, `/` redirects to the API docs as before.
 */
export async function webApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const distDir = options.distDir ?? process.env.LUODI_WEB_DIST ?? DEFAULT_WEB_DIST;
  // An app that already answers `/` (the redirect to the docs) keeps its route; the SPA then takes `/` over
  // with a hook, so registering this plugin is one added line wherever it sits.
  const hasRoot = app.hasRoute({ method: "GET", url: "/" });
  if (!existsSync(join(distDir, "index.html"))) {
    if (!hasRoot)
      app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/api/docs"));
    app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) =>
      reply.status(404).send(new AppError("route.not_found").toBody(request.locale ?? "en")),
    );
    return;
  }

  const assetsDir = `${sep}assets${sep}`;
  // Only /assets/ is a wildcard route: a catch-all at `/` would swallow unknown /api paths before the API's
  // own not-found handling (which answers 401 to strangers) could see them.
  await app.register(fastifyStatic, {
    root: join(distDir, "assets"),
    prefix: "/assets/",
    index: false,
    wildcard: true,
    // The build writes .br and .gz copies of the assets (packages/web/scripts/precompress.ts): the one the
    // browser accepts is sent (brotli first), the plain file otherwise, with Vary: Accept-Encoding.
    preCompressed: true,
    cacheControl: false,
    serveDotFiles: false,
    setHeaders: (res, path) => {
      res.setHeader("cache-control", path.includes(assetsDir) ? IMMUTABLE : REVALIDATE);
      res.setHeader("x-content-type-options", "nosniff");
      // A cache between here and the browser keeps one copy per encoding.
      res.setHeader("vary", "Accept-Encoding");
    },
  });
  const topLevelFiles = new Set(
    readdirSync(distDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== "index.html" && !entry.name.startsWith("."))
      .map((entry) => entry.name),
  );

  // The page carries its response's style nonce (see security-headers.ts), so it is written per response.
  const indexHtml = readFileSync(join(distDir, "index.html"), "utf8");
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header("cache-control", REVALIDATE)
      .type("text/html; charset=utf-8")
      .send(indexHtml.replaceAll(CSP_NONCE_PLACEHOLDER, styleNonceOf(reply)));

  if (hasRoot) {
    app.addHook("onRequest", async (request, reply) => {
      if ((request.method === "GET" || request.method === "HEAD") && /^\/(\?|$)/.test(request.url)) {
        return sendIndex(reply);
      }
    });
  } else {
    app.get("/", { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isRead = request.method === "GET" || request.method === "HEAD";
    // favicon.svg and the like: files at the top of the build, listed when the server started.
    const name = path.slice(1);
    if (isRead && topLevelFiles.has(name)) return reply.sendFile(name, distDir);
    const isPage =
      isRead &&
      !isApiPath(path) &&
      // A missing hashed asset is a stale page asking for an old build: answer 404, not HTML.
      !path.startsWith("/assets/") &&
      !/\.[a-z0-9]{1,8}$/i.test(path);
    if (isPage) return sendIndex(reply);
    return reply.status(404).send(new AppError("route.not_found").toBody(request.locale ?? "en"));
  });
}

// Like fastify-plugin: the not-found handler and the hook above belong to the whole app, not to a child
// context that would only see its own routes.
Object.assign(webApp, {
  [Symbol.for("skip-override")]: true,
  [Symbol.for("fastify.display-name")]: "luodi-web-app",
});
