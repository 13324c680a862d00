import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";

/**
 * Thrown when another process already serves the SQLite file. Two servers on one file fight over its
 * write lock ("database is locked") and each keeps caches the other's writes make stale, so the second
 * one refuses to start and says what to do instead.
 */
class DatabaseInUseError extends Error {
  readonly lockPath: string;
  constructor(databasePath: string, lockPath: string) {
    super(
      `Another Luodi process is already serving the database ${databasePath} (it holds ${lockPath}). ` +
        "The embedded SQLite database serves one process at a time: stop the other process, or give this " +
        "one another DATA_DIR. To run several processes on one database, use PostgreSQL " +
        "(DATABASE_URL=postgres://user:password@host:5432/luodi).",
    );
    this.name = "DatabaseInUseError";
    this.lockPath = lockPath;
  }
}

/** A held process lock; `release` ends it (so does the process's end, however it ends). */
export type ProcessLock = { path: string; release: () => void };

/**
 * Takes the one-server lock of a SQLite database file: `<file>.lock`, a small SQLite file of its own
 * opened in exclusive locking mode, whose write lock the operating system holds for this process until
 * `release` or the process's end — a crash or kill -9 included, so no stale lock outlives its process
 * (the file itself stays; it is the lock on it that counts). Throws {@link DatabaseInUseError} at once
 * when another process holds it. Short commands (migrate, user add) do not take it: they may run beside
 * a server, as SQLite allows.
 */
export function lockDatabaseFile(databasePath: string): ProcessLock {
  const lockPath = `${databasePath}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  // timeout 0: another holder is an answer now, not something to wait for.
  const lock = new SqliteDatabase(lockPath, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    // The first write takes the exclusive lock; in this locking mode it is kept after the commit.
    lock.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER, since TEXT)");
    lock.exec("DELETE FROM holder");
    lock.prepare("INSERT INTO holder (pid, since) VALUES (?, ?)").run(process.pid, new Date().toISOString());
  } catch (error) {
    lock.close();
    const code = (error as { code?: unknown }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED")
      throw new DatabaseInUseError(databasePath, lockPath);
    throw error;
  }
  let held = true;
  return {
    path: lockPath,
    release: () => {
      if (!held) return;
      held = false;
      lock.close();
    },
  };
}
