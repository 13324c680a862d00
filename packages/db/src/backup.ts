import SqliteDatabase from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import type { DialectName } from "./connection.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/*
 * Backup and restore of one organization (issue 11, item 4): a versioned archive in JSON lines — a header,
 * then one line per row, `{"t": table, "r": row}` — read and written on either dialect, so an archive made
 * on SQLite restores into PostgreSQL (how a company moves up) and back. Every table of the schema is either
 * archived or named below as left out on purpose, and a test fails when a new table is neither.
 */

export const BACKUP_FORMAT = "luodi-backup";
const BACKUP_VERSION = 1;

/** What is not a company's data: sign-in state, retry bookkeeping, the migrator's own tables. */
export const TABLES_LEFT_OUT: ReadonlySet<string> = new Set([
  // Sessions and throttling counters belong to the server that issued them: people sign in again.
  "session",
  "login_attempt",
  // Answers kept 24 hours for retries of one client against this server.
  "idempotency_key",
  // A sign-in with the identity provider under way: minutes long, tied to one browser.
  "oidc_login_request",
  "kysely_migration",
  "kysely_migration_lock",
]);

/** Tables whose rows belong to the organization through its members, not an `org_id` column. */
export const BY_MEMBERSHIP: ReadonlySet<string> = new Set(["user", "api_token", "user_identity"]);

type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The newest migration of the schema the rows were read from. */
  schema: string;
  dialect: DialectName;
  organizationId: string;
  createdAt: string;
};

/** Tables that others reference by a foreign key, each after those it references itself. */
const FOREIGN_KEY_ORDER = ["organization", "user", "cycle", "objective", "key_result"];

type Row = Record<string, unknown>;

/** A table the archive cannot place: neither the organization's by `org_id`, nor by its members, nor left out. */
function assertPlaced(table: TableShape): void {
  const placed =
    table.name === "organization" || BY_MEMBERSHIP.has(table.name) || table.columns.includes("org_id");
  if (!placed) {
    throw new BackupError(
      `table ${table.name} has no org_id: say in backup.ts whose rows it holds, or that it is left out`,
    );
  }
}
const PAGE = 2_000;

function latestMigration(): string {
  return Object.keys(migrations).sort().at(-1) as string;
}

/** The tables of the database, as the database itself lists them, each with its columns in order. */
type TableShape = { name: string; columns: string[]; text: Set<string> };

async function tablesOf(db: Kysely<Database>, dialect: DialectName): Promise<TableShape[]> {
  let tables = await db.introspection.getTables();
  // PostgreSQL lists the tables of every schema it can see; ours are those of the search path's first.
  if (dialect === "postgres") {
    const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    tables = tables.filter((t) => t.schema === current.rows[0]?.schema);
  }
  return tables
    .map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => c.name),
      text: new Set(t.columns.filter((c) => /text|char/i.test(c.dataType)).map((c) => c.name)),
    }))
    .filter((t) => !TABLES_LEFT_OUT.has(t.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The order rows are read in, the same on both dialects: text compared byte by byte (PostgreSQL's "C"
 * collation is SQLite's BINARY), nulls first (SQLite's default).
 */
function orderBy(dialect: DialectName, table: TableShape, columns: readonly string[]) {
  return sql.join(columns.map((column) => sql`${bytewise(dialect, table, column)} NULLS FIRST`));
}

/** A column compared byte by byte on both dialects (only text has a collation to choose). */
function bytewise(dialect: DialectName, table: TableShape, column: string) {
  return dialect === "postgres" && table.text.has(column)
    ? sql`${sql.ref(column)} COLLATE "C"`
    : sql`${sql.ref(column)}`;
}

/** The rows of one table that belong to the organization, a page at a time, in a stable order. */
async function* rowsOf(
  db: Kysely<Database>,
  dialect: DialectName,
  table: TableShape,
  orgId: string,
): AsyncGenerator<Row> {
  const members = sql`select ${sql.ref("user_id")} from ${sql.table("membership")} where ${sql.ref("org_id")} = ${orgId}`;
  const owner =
    table.name === "organization"
      ? sql`${sql.ref("id")} = ${orgId}`
      : table.name === "user"
        ? sql`${sql.ref("id")} in (${members})`
        : BY_MEMBERSHIP.has(table.name)
          ? sql`${sql.ref("user_id")} in (${members})`
          : sql`${sql.ref("org_id")} = ${orgId}`;
  // Tables with an id are read by keyset (id > the last), so even a long history is read in pages.
  if (table.columns.includes("id")) {
    let after: string | null = null;
    for (;;) {
      const page: { rows: Row[] } = await sql<Row>`select * from ${sql.table(table.name)} where ${owner}
        ${after === null ? sql`` : sql`and ${bytewise(dialect, table, "id")} > ${after}`}
        order by ${orderBy(dialect, table, ["id"])} limit ${PAGE}`.execute(db);
      for (const row of page.rows) yield row;
      if (page.rows.length < PAGE) return;
      after = String(page.rows.at(-1)?.id);
    }
  }
  const all = await sql<Row>`select * from ${sql.table(table.name)} where ${owner}
    order by ${orderBy(dialect, table, table.columns)}`.execute(db);
  for (const row of all.rows) yield row;
}

/** Row values as JSON keeps them: numbers that came back as text on one dialect are not rewritten. */
function plain(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      typeof value === "bigint" ? Number(value) : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/**
 * The lines of an organization's archive: the header, then every row it owns, table by table in name
 * order (the organization and its people first). Rows keep the columns' own names.
 */
export async function* backupOrganization(
  handle: Kysely<Database>,
  dialect: DialectName,
  orgId: string,
  now: Date = new Date(),
): AsyncGenerator<string> {
  const db = handle.withoutPlugins();
  const org = await sql<Row>`select id from ${sql.table("organization")} where id = ${orgId}`.execute(db);
  if (org.rows.length === 0) throw new BackupError(`no organization ${orgId} in this database`);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: latestMigration(),
    dialect,
    organizationId: orgId,
    createdAt: now.toISOString(),
  };
  yield JSON.stringify(header);
  const tables = await tablesOf(db, dialect);
  // A restore inserts in the archive's order, so what others point at by a foreign key comes first: the
  // organization, its people, then cycles → objectives → KRs (milestones and check-ins point at KRs).
  const first = FOREIGN_KEY_ORDER;
  const ordered = [
    ...first.flatMap((name) => tables.filter((t) => t.name === name)),
    ...tables.filter((t) => !first.includes(t.name)),
  ];
  for (const table of ordered) assertPlaced(table);
  for (const table of ordered) {
    for await (const row of rowsOf(db, dialect, table, orgId)) {
      yield JSON.stringify({ t: table.name, r: plain(row) });
    }
  }
}

/** An archive that cannot be restored here, with why (and the line, when one is at fault). */
export class BackupError extends Error {}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`line ${number}: not JSON`);
  }
}

/**
 * Restores an archive into a database that holds no organization yet, in one transaction: all of it or
 * nothing. The database must be migrated; an archive of a schema this version does not know (made by a
 * newer Luodi) is refused, one of an older schema restores (newer columns take their defaults).
 */
export async function restoreOrganization(
  handle: Kysely<Database>,
  dialect: DialectName,
  lines: AsyncIterable<string>,
): Promise<{ organizationId: string; rows: number; tables: Record<string, number> }> {
  const db = handle.withoutPlugins();
  const tables = new Map((await tablesOf(db, dialect)).map((t) => [t.name, new Set(t.columns)]));
  const existing = await sql<Row>`select count(*) as n from ${sql.table("organization")}`.execute(db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) {
    throw new BackupError("this database already holds an organization: restore into an empty one");
  }
  return db.transaction().execute(async (trx) => {
    let header: BackupHeader | null = null;
    let number = 0;
    const counts: Record<string, number> = {};
    let pending: Row[] = [];
    let pendingTable = "";
    const flush = async () => {
      if (pending.length === 0) return;
      // Table names come from the database's own list (checked below), rows from the archive.
      try {
        await trx
          .insertInto(pendingTable as keyof Database)
          .values(pending as never)
          .execute();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new BackupError(
          `rows of ${pendingTable} before line ${number} could not be written: ${reason}`,
        );
      }
      pending = [];
    };
    for await (const raw of lines) {
      number += 1;
      const line = raw.trim();
      if (line === "") continue;
      const value = parseLine(line, number);
      if (header === null) {
        header = checkHeader(value, number);
        continue;
      }
      const { table, row } = checkRow(value, number, tables, header.organizationId);
      // A batch stays well under both dialects' limits on bound values (SQLite 32,766; PostgreSQL 65,535).
      if (table !== pendingTable || pending.length * Object.keys(row).length >= 20_000) await flush();
      pendingTable = table;
      pending.push(row);
      counts[table] = (counts[table] ?? 0) + 1;
    }
    await flush();
    if (header === null) throw new BackupError("the archive is empty");
    if (!counts.organization) throw new BackupError("the archive holds no organization");
    const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { organizationId: header.organizationId, rows, tables: counts };
  });
}

/** One row line, checked against the schema here: a known table, known columns, this organization. */
function checkRow(
  value: unknown,
  number: number,
  tables: ReadonlyMap<string, Set<string>>,
  orgId: string,
): { table: string; row: Row } {
  const entry = value as { t?: unknown; r?: unknown };
  if (
    typeof entry?.t !== "string" ||
    entry.r === null ||
    typeof entry.r !== "object" ||
    Array.isArray(entry.r)
  ) {
    throw new BackupError(`line ${number}: not a row of the archive`);
  }
  const columns = tables.get(entry.t);
  if (!columns) throw new BackupError(`line ${number}: unknown table ${entry.t}`);
  const row = entry.r as Row;
  for (const column of Object.keys(row)) {
    if (!columns.has(column)) throw new BackupError(`line ${number}: unknown column ${entry.t}.${column}`);
  }
  const owner = entry.t === "organization" ? row.id : BY_MEMBERSHIP.has(entry.t) ? orgId : row.org_id;
  if (owner !== orgId) throw new BackupError(`line ${number}: a row of another organization`);
  return { table: entry.t, row };
}

function checkHeader(value: unknown, number: number): BackupHeader {
  const header = value as Partial<BackupHeader>;
  if (header?.format !== BACKUP_FORMAT) throw new BackupError(`line ${number}: not a Luodi backup`);
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(`backup format version ${String(header.version)} is not ${BACKUP_VERSION}`);
  }
  if (typeof header.schema !== "string" || !(header.schema in migrations)) {
    throw new BackupError(
      `the backup was made by a newer Luodi (schema ${String(header.schema)}): upgrade this one first`,
    );
  }
  if (typeof header.organizationId !== "string") throw new BackupError(`line ${number}: no organization id`);
  return header as BackupHeader;
}

/**
 * A consistent copy of a SQLite database file, taken while a server may be writing to it (SQLite's online
 * backup, page by page): the embedded database's own backup, restorable by putting the file in place.
 */
export async function copySqliteFile(sourcePath: string, destinationPath: string): Promise<number> {
  const source = new SqliteDatabase(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const progress = await source.backup(destinationPath);
    return progress.totalPages;
  } finally {
    source.close();
  }
}
