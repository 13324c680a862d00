import { AsyncLocalStorage } from "node:async_hooks";
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import { cyclesScope } from "./cycle-cache.ts";
import { ANY_SCOPE, AUTH_SCOPE, structureScope } from "./org-generations.ts";
import { rollupScope } from "./rollup-graph-cache.ts";

/*
 * Caches are invalidated by the writes themselves, not by the routes that happen to issue them: every
 * insert, update and delete that goes through the server's database handle names the organization and the
 * kinds of data it changed, and the scopes those cover are bumped once the write is durable — at once for
 * a statement on its own, after the commit for a statement inside `inTransaction`. A new route or service
 * therefore cannot forget to invalidate; it cannot write without being seen.
 */

type Node = OperationNode & Record<string, unknown>;

/** What one write touched: its table, and the organization when the statement names one. */
type Write = {
  table: string;
  kind: "insert" | "update" | "delete";
  orgIds: Set<string> | null;
  /** The columns an update sets. */
  columns?: string[];
};

// Tables whose rows belong to an organization through `org_id` (the organization table through `id`).
const TENANT_TABLES = new Set([
  "membership",
  "department",
  "cycle",
  "objective",
  "key_result",
  "milestone",
  "check_in",
  "objective_support",
  "adjustment",
  "integration",
  "webhook",
  "notification",
  "notification_setting",
  "notification_delivery",
  "comment",
  "comment_edit",
  "comment_reaction",
  "recognition",
  "recognition_recipient",
  "meeting",
  "meeting_attendee",
  "meeting_action_item",
  "question",
  "question_vote",
  "one_on_one",
  "one_on_one_notes_edit",
  "one_on_one_agenda_item",
  "one_on_one_action_item",
  "one_on_one_private_note",
]);

// Who someone is in an organization (role, department, settings) is read when resolving every caller.
const STRUCTURE_TABLES = new Set(["organization", "membership", "department"]);

// The columns the roll-up graph holds (rollup-graph-cache.ts): an update setting none of them (a check-in's
// values, progress, scores, titles) leaves the graph as it was.
const ROLLUP_COLUMNS: Readonly<Record<string, ReadonlySet<string>>> = {
  key_result: new Set([
    "id",
    "objective_id",
    "type",
    "aggregation",
    "parent_key_result_id",
    "weight",
    "deleted_at",
  ]),
  objective: new Set(["id", "parent_key_result_id", "weight", "deleted_at"]),
};

function changesRollup(write: Write): boolean {
  const columns = ROLLUP_COLUMNS[write.table];
  if (!columns) return false;
  if (write.kind !== "update" || !write.columns) return true;
  return write.columns.some((column) => columns.has(column) || column === "?");
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function tableOf(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.kind === "TableNode") {
    const id = (node.table as Node).identifier as Node;
    return snake(String(id.name));
  }
  if (node.kind === "AliasNode") return tableOf(node.node as Node);
  if (node.kind === "FromNode") return tableOf((node.froms as Node[])[0]);
  return null;
}

function columnName(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.kind === "ReferenceNode") return columnName(node.column as Node);
  if (node.kind === "ColumnNode") return snake(String((node.column as Node).name));
  return null;
}

/** Values compared with `column =` (or `in`) anywhere in a where clause. */
function valuesOf(node: Node | undefined, column: string, found: Set<string>): void {
  if (!node || typeof node !== "object") return;
  if (node.kind === "BinaryOperationNode" && columnName(node.leftOperand as Node) === column) {
    const right = node.rightOperand as Node;
    if (right.kind === "ValueNode") found.add(String(right.value));
    if (right.kind === "PrimitiveValueListNode")
      for (const v of right.values as unknown[]) found.add(String(v));
    return;
  }
  for (const child of Object.values(node)) {
    if (Array.isArray(child)) for (const c of child) valuesOf(c as Node, column, found);
    else if (child && typeof child === "object" && "kind" in child) valuesOf(child as Node, column, found);
  }
}

/** The values an insert gives one column, over all its rows. */
function insertedValues(node: Node, column: string, found: Set<string>): void {
  const columns = ((node.columns as Node[] | undefined) ?? []).map((c) => columnName(c));
  const index = columns.indexOf(column);
  const values = node.values as Node | undefined;
  if (index < 0 || !values || values.kind !== "ValuesNode") return;
  for (const row of values.values as Node[]) {
    if (row.kind === "PrimitiveValueListNode") found.add(String((row.values as unknown[])[index]));
    else if (row.kind === "ValueListNode") {
      const cell = (row.values as Node[])[index];
      if (cell?.kind === "ValueNode") found.add(String(cell.value));
    }
  }
}

function writeOf(root: RootOperationNode): Write | null {
  const node = root as unknown as Node;
  let kind: Write["kind"];
  let table: string | null;
  let columns: string[] | undefined;
  if (node.kind === "InsertQueryNode") {
    kind = "insert";
    table = tableOf(node.into as Node);
  } else if (node.kind === "UpdateQueryNode") {
    kind = "update";
    table = tableOf(node.table as Node);
    columns = ((node.updates as Node[] | undefined) ?? []).map((u) => columnName(u.column as Node) ?? "?");
    if (table === "api_token") return { table, kind, orgIds: null, columns };
  } else if (node.kind === "DeleteQueryNode") {
    kind = "delete";
    table = tableOf(node.from as Node);
  } else return null;
  if (!table) return { table: "?", kind, orgIds: null };
  const key = table === "organization" ? "id" : "org_id";
  if (table !== "organization" && !TENANT_TABLES.has(table)) return { table, kind, orgIds: null };
  const orgIds = new Set<string>();
  if (kind === "insert") insertedValues(node, key, orgIds);
  else valuesOf(node.where as Node, key, orgIds);
  return { table, kind, orgIds: orgIds.size > 0 ? orgIds : null, ...(columns ? { columns } : {}) };
}

/** The cache scopes a write makes stale. */
function scopesOf(write: Write): string[] {
  const { table, kind, orgIds } = write;
  switch (table) {
    // Append-only records, sign-in bookkeeping and one-time account links: no cached read shows them.
    case "audit_log":
    case "login_attempt":
    // Kept answers of idempotent creates: replayed as stored, never part of a cached read.
    case "idempotency_key":
    case "account_link":
    // Single sign-on's links and sign-ins under way are read fresh by the callback; no cached answer holds them.
    case "user_identity":
    case "oidc_login_request":
    // Chat channels and webhooks are read fresh by their admin lists and by each notification or event
    // sent; no cached answer holds them.
    case "integration":
    case "webhook":
    // A person's notifications and settings are read fresh each time; no cached answer holds them.
    case "notification":
    case "notification_setting":
    // Comments and praise are read fresh by their own lists; no cached answer (tree, dashboard, lists of
    // objectives) shows them.
    case "comment":
    case "comment_edit":
    case "comment_reaction":
    case "recognition":
    case "recognition_recipient":
    // Meetings, their action items and questions are read fresh by their own routes; no cached answer
    // shows them.
    case "meeting":
    case "meeting_attendee":
    case "meeting_action_item":
    case "question":
    case "question_vote":
    // A person's calendar feed secret is read fresh by the feed; no cached answer holds it.
    case "calendar_feed":
    // 1:1s are read fresh by their own routes, by their two participants only; no cached answer shows them.
    case "one_on_one":
    case "one_on_one_notes_edit":
    case "one_on_one_agenda_item":
    case "one_on_one_action_item":
    case "one_on_one_private_note":
      return [];
    // Something new in the outbox: the senders are woken once it is committed (no cached answer shows it).
    case "notification_delivery":
      return kind === "insert" ? [OUTBOX_SCOPE] : [];
    // A new session or token is found by its first use; ending one must reach every cached caller.
    // Noting when a token was last used changes nothing about who may use it.
    case "session":
    case "api_token":
      if (table === "api_token" && write.columns?.every((column) => column === "last_used_at")) return [];
      return kind === "insert" ? [] : [AUTH_SCOPE];
    // Names and languages show in every organization the person belongs to.
    case "user":
      return kind === "insert" ? [] : [ANY_SCOPE];
  }
  if (!orgIds) return [ANY_SCOPE];
  return [...orgIds].flatMap((orgId) => [
    orgId,
    ...(STRUCTURE_TABLES.has(table) ? [structureScope(orgId)] : []),
    ...(table === "cycle" ? [cyclesScope(orgId)] : []),
    ...(changesRollup(write) ? [rollupScope(orgId)] : []),
  ]);
}

/**
 * Not a cache scope: bumping it wakes this instance's senders of the outbox (emails, chat messages, webhook
 * events), so whatever queues a delivery has it sent right after its commit.
 */
export const OUTBOX_SCOPE = "*outbox";

type Pending = { scopes: Set<string>; afterCommit: Array<() => void> };

/**
 * Watches the server's writes and bumps the cache generations they make stale (see the top of this file).
 * Inside `track.transaction(…)` the scopes wait for the commit; a failed transaction bumps nothing.
 */
export class ChangeTracker implements KyselyPlugin {
  private readonly transactions = new AsyncLocalStorage<Pending>();
  private readonly byQuery = new WeakMap<QueryId, string[]>();

  constructor(private readonly bump: (scope: string) => Promise<void>) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const write = writeOf(node);
    if (write) {
      const scopes = scopesOf(write);
      if (scopes.length > 0) this.byQuery.set(queryId, scopes);
    }
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const scopes = this.byQuery.get(queryId);
    if (!scopes) return result;
    this.byQuery.delete(queryId);
    const pending = this.transactions.getStore();
    if (pending) for (const scope of scopes) pending.scopes.add(scope);
    else await Promise.all(scopes.map((scope) => this.bump(scope)));
    return result;
  }

  /** Runs a transaction whose writes bump their scopes only once it has committed. */
  async transaction<T>(run: () => Promise<T>): Promise<T> {
    const pending: Pending = { scopes: new Set(), afterCommit: [] };
    const result = await this.transactions.run(pending, run);
    await Promise.all([...pending.scopes].map((scope) => this.bump(scope)));
    for (const task of pending.afterCommit) task();
    return result;
  }

  /** Whether the current transaction wrote something that makes `scope` stale once it commits. */
  pending(scope: string): boolean {
    return this.transactions.getStore()?.scopes.has(scope) ?? false;
  }

  /**
   * Runs `task` once the current transaction has committed (at once outside one): what others may only
   * learn of a committed change — a live event, a wake-up of the senders — waits for it, and a rolled-back
   * transaction announces nothing.
   */
  afterCommit(task: () => void): void {
    const pending = this.transactions.getStore();
    if (pending) pending.afterCommit.push(task);
    else task();
  }
}
