import { type Actor, canViewObjective, type OrgGraph, type PolicyObjective } from "@luodi/core";

/** The live events of `GET /events` (api.md): what happened, as the web app needs it to refresh. */
export type LiveEventType = "notification" | "objective.updated" | "check_in.created" | "comment.created";

/** Who may receive an event: named people, or whoever may see an objective. */
type Audience = { userIds: readonly string[] } | { objective: PolicyObjective };

export type LiveEvent = {
  /** Time-ordered (UUIDv7), so a reconnecting browser's `Last-Event-ID` says what it has seen. */
  id: string;
  type: LiveEventType;
  data: unknown;
  audience: Audience;
};

type Listener = { userId: string; actor: Actor; send: (event: LiveEvent) => void; end: () => void };

/** Room for one relayed payload (PostgreSQL's limit is 8,000 bytes). */
const RELAY_BYTES = 7_000;

/** The events as payloads of at most `limit` bytes; an event too big on its own travels alone. */
function chunksUnder(orgId: string, events: readonly LiveEvent[], limit: number): string[] {
  const payloads: string[] = [];
  let chunk: LiveEvent[] = [];
  const payloadOf = (list: LiveEvent[]) => JSON.stringify({ orgId, events: list });
  for (const event of events) {
    if (chunk.length > 0 && Buffer.byteLength(payloadOf([...chunk, event])) > limit) {
      payloads.push(payloadOf(chunk));
      chunk = [];
    }
    chunk.push(event);
  }
  if (chunk.length > 0) payloads.push(payloadOf(chunk));
  return payloads;
}

/** How many recent events per organization a reconnecting browser can catch up on. */
const REPLAY = 500;

/**
 * Fans committed events out to the open event streams of this process, each filtered by who may see it
 * (domain.md, *Who may see and do what*). Notifications are also kept in the database, so a reconnecting
 * stream replays them from there; the other events are hints to refresh and are replayed from a short
 * in-memory window.
 */
export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly recent = new Map<string, LiveEvent[]>();

  /** Set on PostgreSQL: events go to every instance through the database (event-relay.ts). */
  private relay: ((payload: string) => Promise<void>) | null = null;

  constructor(private readonly graphOf: (orgId: string) => Promise<OrgGraph>) {}

  /**
   * From now on, publishing sends events through `send` (pg_notify), and each instance — this one too —
   * hands what it hears to {@link receive}: an open stream on any instance hears of a change on any other.
   */
  relayThrough(send: (payload: string) => Promise<void>): void {
    this.relay = send;
  }

  /** Events another instance (or this one) published through the relay. */
  receive(payload: string): void {
    const { orgId, events } = JSON.parse(payload) as { orgId: string; events: LiveEvent[] };
    void this.deliver(orgId, events);
  }

  get connections(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  subscribe(orgId: string, listener: Listener): () => void {
    let set = this.listeners.get(orgId);
    if (!set) {
      set = new Set();
      this.listeners.set(orgId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(orgId);
    };
  }

  /** Sends each event to the listeners allowed to see it, on every instance, and keeps it for replay. */
  async publish(orgId: string, events: readonly LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.relay) {
      // PostgreSQL's notifications carry under 8,000 bytes each: events travel a few at a time.
      for (const chunk of chunksUnder(orgId, events, RELAY_BYTES)) await this.relay(chunk);
      return;
    }
    await this.deliver(orgId, events);
  }

  private async deliver(orgId: string, events: readonly LiveEvent[]): Promise<void> {
    const window = this.recent.get(orgId) ?? [];
    window.push(...events.filter((event) => event.type !== "notification"));
    this.recent.set(orgId, window.length > REPLAY ? window.slice(-REPLAY) : window);
    const listeners = this.listeners.get(orgId);
    if (!listeners || listeners.size === 0) return;
    const needsGraph = events.some((event) => "objective" in event.audience);
    const graph = needsGraph ? await this.graphOf(orgId) : null;
    for (const listener of listeners) {
      for (const event of events) if (mayReceive(listener, event, graph)) listener.send(event);
    }
  }

  /** Ends every open stream (the server is closing; browsers reconnect to another instance or later). */
  endAll(): void {
    for (const set of this.listeners.values()) for (const listener of set) listener.end();
    this.listeners.clear();
  }

  /** The events after `lastId` this listener may see, from the window (oldest first). */
  async replay(
    orgId: string,
    listener: Pick<Listener, "userId" | "actor">,
    lastId: string,
  ): Promise<LiveEvent[]> {
    const missed = (this.recent.get(orgId) ?? []).filter((event) => event.id > lastId);
    if (missed.length === 0) return [];
    const graph = await this.graphOf(orgId);
    return missed.filter((event) => mayReceive(listener, event, graph));
  }
}

function mayReceive(
  listener: Pick<Listener, "userId" | "actor">,
  event: LiveEvent,
  graph: OrgGraph | null,
): boolean {
  const { audience } = event;
  if ("userIds" in audience) return audience.userIds.includes(listener.userId);
  return graph !== null && canViewObjective(listener.actor, audience.objective, graph);
}
