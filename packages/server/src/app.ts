import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { AppError, withOutputComponents } from "@luodi/core";
import { connect, type DatabaseHandle, lockDatabaseFile, migrateToLatest, notifyChange } from "@luodi/db";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { adjustmentRoutes } from "./adjustments/adjustment.routes.ts";
import { auditRoutes } from "./audit/audit.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { oidcRoutes } from "./auth/oidc/oidc.routes.ts";
import { passwordResetRoutes } from "./auth/password-reset.routes.ts";
import { resolveAuth, SESSION_COOKIE } from "./auth/resolve-auth.ts";
import { sessionRoutes } from "./auth/session.routes.ts";
import { coachRoutes } from "./coach/coach.routes.ts";
import { commentRoutes } from "./comments/comment.routes.ts";
import { type ServerConfig, sqlitePathOf } from "./config.ts";
import type { AppContext, CachedAuth } from "./context.ts";
import { cycleRoutes } from "./cycles/cycle.routes.ts";
import { exportRoutes } from "./data-export/export.routes.ts";
import { importRoutes } from "./data-import/import.routes.ts";
import { handleError } from "./http/error-handler.ts";
import { acceptEmptyJsonBodies } from "./http/json-body.ts";
import { localeFromAcceptLanguage, resolveLocale } from "./http/locale.ts";
import { requestLogSerializers } from "./http/log-redaction.ts";
import { errorsInJson } from "./http/openapi-files.ts";
import { RequestLogController } from "./http/request-log.ts";
import { answerClientError, answerFrameworkError, MAX_URL_LENGTH } from "./http/router-errors.ts";
import { isCrossOriginWrite, publicOriginOf } from "./http/same-origin.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { responseSerializerCompiler } from "./http/serializer.ts";
import type { ZodApp } from "./http/types.ts";
import { zodValidatorCompiler } from "./http/validation.ts";
import { webApp } from "./http/web-app.ts";
import { integrationRoutes } from "./integrations/integration.routes.ts";
import { invitationRoutes } from "./invitations/invitation.routes.ts";
import { keyResultRoutes } from "./key-results/key-result.routes.ts";
import { mailerOf } from "./mail/mailer.ts";
import { meetingRoutes } from "./meetings/meeting.routes.ts";
import { metricsRoutes } from "./metrics/metrics.routes.ts";
import { ServerMetrics } from "./metrics/server-metrics.ts";
import { DeliverySender, sendQueuedChat } from "./notifications/delivery-sender.ts";
import { EventHub } from "./notifications/event-hub.ts";
import { relayEventsThroughPostgres } from "./notifications/event-relay.ts";
import { notificationRoutes } from "./notifications/notification.routes.ts";
import { objectiveRoutes } from "./objectives/objective.routes.ts";
import { oneOnOneRoutes } from "./one-on-ones/one-on-one.routes.ts";
import { organizationRoutes } from "./org/organization.routes.ts";
import { peopleRoutes } from "./people/people.routes.ts";
import { proposalRoutes } from "./proposals/proposal.routes.ts";
import { questionRoutes } from "./questions/question.routes.ts";
import { recognitionRoutes } from "./recognitions/recognition.routes.ts";
import { checkInReminder } from "./scheduler/check-in-reminder.ts";
import { mondayDigest } from "./scheduler/monday-digest.ts";
import { phaseDeadline } from "./scheduler/phase-deadline.ts";
import { Scheduler } from "./scheduler/scheduler.ts";
import { BackgroundWork } from "./services/background.ts";
import { ChangeTracker, OUTBOX_SCOPE } from "./services/change-tracker.ts";
import { CycleCache } from "./services/cycle-cache.ts";
import { LruCache } from "./services/lru-cache.ts";
import { CHANNEL, OrgGenerations } from "./services/org-generations.ts";
import { OrgGraphCache } from "./services/org-graph-cache.ts";
import { RollupGraphCache } from "./services/rollup-graph-cache.ts";
import { setupRoutes } from "./setup/setup.routes.ts";
import { talentReviewRoutes } from "./talent-reviews/talent-review.routes.ts";
import { teamRoutes } from "./team/team.routes.ts";
import { sendQueuedWebhook } from "./webhooks/send-webhook.ts";
import { webhookRoutes } from "./webhooks/webhook.routes.ts";

export type BuildOptions = {
  /** An open database to use instead of the configured one (tests); the app will not close it. */
  database?: DatabaseHandle;
  /** Where the built web app lies, when not in packages/web/dist (tests). */
  webDistDir?: string;
  /** More routes under /api/v1, mounted like the product's own (tests of what every route gets). */
  routes?: ReadonlyArray<(app: ZodApp, ctx: AppContext) => Promise<void>>;
};

/** Every reminder the scheduler runs. */
const SCHEDULED_JOBS = [checkInReminder, phaseDeadline, mondayDigest];

const appContexts = new WeakMap<FastifyInstance, AppContext>();

/** The context of an app built here: tests reach the senders and the event hub through it. */
export function contextOf(app: FastifyInstance): AppContext {
  const ctx = appContexts.get(app);
  if (!ctx) throw new Error("not an app built by buildApp");
  return ctx;
}

/** Builds the whole HTTP application, connected and migrated, ready to listen or be injected. */
export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  // One server per SQLite file: a second one on the same file refuses to start (process-lock.ts).
  const sqliteLock = options.database || config.databaseUrl ? null : lockDatabaseFile(sqlitePathOf(config));
  let handle: DatabaseHandle;
  try {
    handle =
      options.database ?? connect({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
    await migrateToLatest(handle.db);
  } catch (error) {
    sqliteLock?.release();
    throw error;
  }
  const generations = new OrgGenerations();
  // The outbox's "scope" wakes its senders (ctx is built below); every other scope is a cache generation.
  const changes = new ChangeTracker(async (scope) => {
    if (scope === OUTBOX_SCOPE) ctx.deliveries.wake();
    else await generations.bump(scope);
  });
  const db = handle.db.withPlugin(changes);
  const graphs = new OrgGraphCache(generations);
  const mailer = mailerOf(config);
  const metrics = new ServerMetrics({
    db,
    dialect: handle.dialect,
    pool: () => handle.poolStats?.() ?? null,
  });
  const countDelivery = (channel: string, outcome: string) => metrics.deliveries.inc({ channel, outcome });
  const deliveries = new DeliverySender({
    db,
    now: config.now,
    mailer,
    chat: (row) => sendQueuedChat({ db, config }, row),
    webhook: (row) => sendQueuedWebhook({ db, config }, row),
    onAttempt: countDelivery,
  });
  const ctx: AppContext = {
    // Every write through this handle invalidates what it makes stale (change-tracker.ts).
    db,
    changes,
    dialect: handle.dialect,
    config,
    graphs,
    rollups: new RollupGraphCache(generations, { uncommitted: (scope) => changes.pending(scope) }),
    cycles: new CycleCache(),
    generations,
    authCache: new LruCache<CachedAuth>(10_000),
    // Bytes of serialized answers: enough for a 10,000-person company's whole tree several times over.
    readCache: new LruCache<Buffer>(2_000, 64 * 1024 * 1024),
    mailer,
    background: new BackgroundWork(),
    events: new EventHub((orgId) => graphs.get(db, orgId)),
    deliveries: new DeliverySender({
      db,
      now: config.now,
      mailer,
      chat: (row) => sendQueuedChat({ db, config }, row),
      webhook: (row) => sendQueuedWebhook({ db, config }, row),
      onAttempt: countDelivery,
    }),
    metrics,
    // Replaced right below: the scheduler needs the context it belongs to.
    scheduler: { tick: async () => {}, stop: async () => {} },
  };
  const scheduler = new Scheduler(ctx, SCHEDULED_JOBS);
  ctx.scheduler = scheduler;
  let closeRelay: (() => Promise<void>) | null = null;
  if (handle.dialect === "postgres" && config.databaseUrl) {
    await generations.connectPostgres(config.databaseUrl, (scope) => notifyChange(handle.db, CHANNEL, scope));
    closeRelay = await relayEventsThroughPostgres(ctx.events, config.databaseUrl, (channel, payload) =>
      notifyChange(handle.db, channel, payload),
    );
  }

  const { trustProxy } = config;
  const app = Fastify({
    logger:
      config.logLevel === "silent" ? false : { level: config.logLevel, serializers: requestLogSerializers },
    // One line per request, at debug unless it failed or was slow (http/request-log.ts).
    logController: new RequestLogController(),
    bodyLimit: 1_048_576,
    // Behind a proxy, the client's address comes from X-Forwarded-For, trusted only as TRUST_PROXY says.
    ...(trustProxy === undefined
      ? {}
      : {
          trustProxy:
            typeof trustProxy === "number" ? (_: string, hop: number) => hop < trustProxy : trustProxy,
        }),
    // Ids in paths are opaque; a trailing slash is the same resource.
    routerOptions: { ignoreTrailingSlash: true },
    // The router's and Node's own refusals answer in the contract's shape too (http/router-errors.ts).
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider() as unknown as ZodApp;

  ctx.background.onError = (error) => app.log.error({ err: error }, "background work failed");
  deliveries.onError = (error) => app.log.error({ err: error }, "sending notifications failed");
  deliveries.start(config.deliverySweepMs ?? 30_000);
  scheduler.onError = (error) => app.log.error({ err: error }, "scheduled job failed");
  if (config.schedulerIntervalMs !== 0) scheduler.start(config.schedulerIntervalMs ?? 60_000);
  appContexts.set(app as unknown as FastifyInstance, ctx);
  app.setValidatorCompiler(zodValidatorCompiler);
  // Presenters already list exactly the fields to send; validating every answer again would only cost time.
  app.setSerializerCompiler(responseSerializerCompiler(config));
  app.setErrorHandler(handleError);
  acceptEmptyJsonBodies(app);
  // Bodies are JSON, and only JSON: anything else is 415 (a text/plain body is what a cross-site form sends).
  app.removeContentTypeParser("text/plain");
  app.decorateRequest("auth", null);
  app.decorateRequest("locale", "en");

  await registerSecurityHeaders(app as unknown as FastifyInstance, config);
  // Before any route is registered, so its response hook sees every route of the app.
  await metricsRoutes(app as unknown as FastifyInstance, { metrics, token: config.metricsToken });
  app.addHook("onRequest", async (request) => {
    // Errors before the API knows the caller (unknown routes, bad bodies) speak Accept-Language's language.
    request.locale = localeFromAcceptLanguage(request.headers["accept-language"]) ?? "en";
    if (request.url.length > MAX_URL_LENGTH) throw new AppError("request.url_too_long");
  });
  // Graceful shutdown: connections idle when the server starts closing are closed at once; those still
  // answering are told to close after their answer, or a keep-alive client (a load balancer) would hold the
  // server open after the requests it was draining were done.
  let closing = false;
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
  const publicOrigin = publicOriginOf(config);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Luodi API",
        version: "1.0.0",
        description: "Luodi (落地) — the OKR platform's HTTP API.",
      },
      servers: [{ url: "/api/v1" }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) =>
      "openapiObject" in input
        ? errorsInJson(withOutputComponents(input.openapiObject))
        : input.swaggerObject,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // Swagger UI writes one inline <style> without a nonce; its pages (the API's reference, no user data)
    // allow inline styles. Scripts stay 'self' only, as everywhere.
    transformStaticCSP: (header) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await handle.db.selectFrom("organization").select("id").limit(1).execute();
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });
  // The built web app at `/` (or, without a build, a redirect to the API docs).
  await app.register(webApp, options.webDistDir ? { distDir: options.webDistDir } : {});

  await app.register(
    async (api) => {
      const zapi = api as unknown as ZodApp;
      // Authentication runs first, so a caller without credentials learns that before anything about its input.
      zapi.addHook("onRequest", async (request) => {
        const header = request.headers.authorization;
        const bearer = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
        const orgHeader = request.headers["x-org-id"];
        request.locale = resolveLocale(request.headers["accept-language"], undefined, undefined);
        // Writes from another origin's pages are forgeries (http/same-origin.ts); bearer tokens are not ambient.
        if (!bearer && isCrossOriginWrite(request, publicOrigin)) throw new AppError("request.cross_origin");
        const auth = await resolveAuth(ctx, {
          bearer,
          sessionToken: request.cookies[SESSION_COOKIE],
          orgId: typeof orgHeader === "string" ? orgHeader : undefined,
        });
        request.auth = auth;
        if (auth)
          request.locale = resolveLocale(
            request.headers["accept-language"],
            auth.user.locale,
            auth.org.locale,
          );
        if (!auth && !request.routeOptions.config.public) throw new AppError("auth.required");
      });
      zapi.get("/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await setupRoutes(zapi, ctx);
      await authRoutes(zapi, ctx);
      await auditRoutes(zapi, ctx);
      await passwordResetRoutes(zapi, ctx);
      await invitationRoutes(zapi, ctx);
      await sessionRoutes(zapi, ctx);
      await oidcRoutes(zapi, ctx);
      await organizationRoutes(zapi, ctx);
      await cycleRoutes(zapi, ctx);
      await objectiveRoutes(zapi, ctx);
      await keyResultRoutes(zapi, ctx);
      await adjustmentRoutes(zapi, ctx);
      await coachRoutes(zapi, ctx);
      await commentRoutes(zapi, ctx);
      await recognitionRoutes(zapi, ctx);
      await oneOnOneRoutes(zapi, ctx);
      await meetingRoutes(zapi, ctx);
      await questionRoutes(zapi, ctx);
      await proposalRoutes(zapi, ctx);
      await peopleRoutes(zapi, ctx);
      await talentReviewRoutes(zapi, ctx);
      await exportRoutes(zapi, ctx);
      await importRoutes(zapi, ctx);
      await integrationRoutes(zapi, ctx);
      await webhookRoutes(zapi, ctx);
      await notificationRoutes(zapi, ctx);
      await teamRoutes(zapi, ctx);
      for (const routes of options.routes ?? []) await routes(zapi, ctx);
      zapi.setNotFoundHandler({}, (request, reply) => {
        reply.status(404).send(new AppError("route.not_found").toBody(request.locale));
      });
    },
    { prefix: "/api/v1" },
  );

  // Open event streams would hold the server open: end them as it starts closing.
  app.addHook("preClose", async () => {
    closing = true;
    ctx.events.endAll();
  });
  app.addHook("onClose", async () => {
    await ctx.scheduler.stop();
    await deliveries.stop();
    await ctx.background.drain();
    ctx.mailer?.close();
    await generations.close();
    await closeRelay?.();
    if (!options.database) await handle.destroy();
    sqliteLock?.release();
  });
  return app as unknown as FastifyInstance;
}
