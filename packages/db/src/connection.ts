import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  CamelCasePlugin,
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  SqliteDialect,
} from "kysely";
import pg from "pg";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export type DialectName = "sqlite" | "postgres";

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export type DatabaseHandle = {
  db: Kysely<Database>;
  dialect: DialectName;
  destroy: () => Promise<void>;
  /** PostgreSQL's pool counters, for the server's metrics; absent on SQLite (one connection, no pool). */
  poolStats?: () => { totalCount: number; idleCount: number; waitingCount: number };
};

export type ConnectOptions = {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  /** File for the embedded database; `:memory:` for a throwaway one. */
  sqlitePath?: string | undefined;
  /** PostgreSQL schema to use (tests isolate themselves in one each). */
  pgSchema?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number | undefined;
};

/**
 * The code names tables and columns in camelCase, the migrations in snake_case; the plugin maps names in
 * every query and the keys of every row read, so repositories hand out domain-shaped values.
 */
const plugins = [new CamelCasePlugin()];

// PostgreSQL returns bigint counts as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// double precision as number (the default), numeric stays text on purpose.

/** Opens the database the options point at. SQLite files and their folder are created when missing. */
export function connect(options: ConnectOptions): DatabaseHandle {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return {
      db,
      dialect: "postgres",
      destroy: () => db.destroy(),
      poolStats: () => ({
        totalCount: pool.totalCount,
        idleCount: pool.idleCount,
        waitingCount: pool.waitingCount,
      }),
    };
  }
  const path = options.sqlitePath ?? ":memory:";
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins,
  });
  return { db, dialect: "sqlite", destroy: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs more than running a small query on SQLite. The
 * same SQL text comes back on every request, so keep its prepared statement (least recently used out).
 * Statements run one at a time on the single connection, so sharing one between calls is safe.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== "prepare") return Reflect.get(target, property, receiver);
      return (sql: string) => {
        let statement = cache.get(sql);
        if (statement) {
          cache.delete(sql);
        } else {
          statement = prepare(sql);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        }
        cache.set(sql, statement);
        return statement;
      };
    },
  });
}

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Where Kysely keeps its bookkeeping tables (kysely_migration, kysely_migration_lock). */
type MigrateOptions = {
  /**
   * The PostgreSQL schema that holds them. Kysely looks for its tables in every schema it can see, so a
   * database with several schemas (one per test) must name its own, or one schema's tables hide another's.
   */
  migrationTableSchema?: string | undefined;
};

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>, options: MigrateOptions = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    ...(options.migrationTableSchema ? { migrationTableSchema: options.migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
