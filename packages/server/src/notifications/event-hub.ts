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

  constructor(private readonly graphOf: (orgId: string) => Promise<OrgGraph>) {}

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

  /** Sends each event to the listeners allowed to see it, and keeps it for replay. */
  async publish(orgId: string, events: readonly LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
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
