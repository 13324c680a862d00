import pg from "pg";
import type { EventHub } from "./event-hub.ts";

const CHANNEL = "luodi_events";

/**
 * Several instances on one PostgreSQL: live events travel through the database (pg_notify on
 * `luodi_events`), and every instance hands what it hears to its own open streams, so a browser connected
 * to one instance hears of a change made on another. Answers the listener's close.
 */
export async function relayEventsThroughPostgres(
  hub: EventHub,
  connectionString: string,
  notify: (channel: string, payload: string) => Promise<void>,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  client.on("notification", (message) => {
    if (message.channel === CHANNEL && message.payload) hub.receive(message.payload);
  });
  // A lost listener only means missed hints: browsers refresh on their next event or reload.
  client.on("error", () => {});
  await client.query(`LISTEN ${CHANNEL}`);
  hub.relayThrough((payload) => notify(CHANNEL, payload));
  return async () => {
    await client.end();
  };
}
