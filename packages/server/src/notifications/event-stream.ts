import { listNotifications } from "@luodi/db";
import type { FastifyReply } from "fastify";
import type { Caller } from "../context.ts";
import { presentNotification } from "../presenters/notification-presenter.ts";
import type { LiveEvent } from "./event-hub.ts";

/** A comment line every so often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** How many missed notifications a reconnecting stream replays; the list has the rest. */
const REPLAY_LIMIT = 100;

function frame(event: Pick<LiveEvent, "id" | "type" | "data">): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * Serves `GET /events` to one browser: Server-Sent Events of what this caller may see, from now on, after
 * what it missed since `Last-Event-ID` (notifications from the database, other events from the hub's
 * window). The stream is the caller's own: it ends when the browser goes away.
 */
export async function streamEvents(
  caller: Caller,
  reply: FastifyReply,
  lastEventId: string | undefined,
): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const listener = { userId: auth.user.id, actor: auth.actor };
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    // nginx would otherwise buffer the stream.
    "x-accel-buffering": "no",
    "x-content-type-options": "nosniff",
  });
  raw.write("retry: 3000\n\n");

  // Subscribe before replaying, so nothing committed in between falls through the gap; the browser
  // ignores nothing twice because replayed ids are older than the live ones it then receives.
  const queued: LiveEvent[] = [];
  let replaying = true;
  const unsubscribe = ctx.events.subscribe(orgId, {
    ...listener,
    send: (event) => {
      if (replaying) queued.push(event);
      else raw.write(frame(event));
    },
    end: () => raw.end(),
  });
  const heartbeat = setInterval(() => raw.write(": ping\n\n"), HEARTBEAT_MS);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  raw.on("close", close);
  raw.on("error", close);

  const sent = new Set<string>();
  if (lastEventId) {
    const missed = await listNotifications(ctx.db, orgId, auth.user.id, {
      limit: REPLAY_LIMIT,
      after: lastEventId,
    });
    const replay: Pick<LiveEvent, "id" | "type" | "data">[] = [
      ...missed.map((row) => ({
        id: row.id,
        type: "notification" as const,
        data: presentNotification(row, row.actorName),
      })),
      ...(await ctx.events.replay(orgId, listener, lastEventId)),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const event of replay) {
      sent.add(event.id);
      raw.write(frame(event));
    }
  }
  replaying = false;
  for (const event of queued) if (!sent.has(event.id)) raw.write(frame(event));
}
