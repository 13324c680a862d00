import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `../shared` beside the repository: design notes and the coach's labelled corpus, which a fresh clone lacks. */
const SHARED_DIR = fileURLToPath(new URL("../../shared/", import.meta.url));

/**
 * Says once per run which databases the database tests use, so a skipped PostgreSQL run is never silent,
 * and whether the tests that read `../shared` run (they skip without it, except in CI where they fail).
 */
export default function setup(): void {
  if (!existsSync(SHARED_DIR) && !process.env.CI) {
    console.log(
      `Tests that read ../shared (the coach corpus) SKIPPED: ${SHARED_DIR} is not beside the repository.`,
    );
  }
  if (process.env.LUODI_TEST_DATABASE_URL) {
    console.log("Database tests run on SQLite and on PostgreSQL (LUODI_TEST_DATABASE_URL is set).");
  } else if (process.env.CI) {
    throw new Error("CI must run the PostgreSQL tests: LUODI_TEST_DATABASE_URL is not set (see .ci/run).");
  } else {
    console.log(
      "PostgreSQL database tests SKIPPED: LUODI_TEST_DATABASE_URL is not set; database tests run on SQLite only.",
    );
  }
}
