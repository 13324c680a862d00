/** Says once per run which databases the database tests use, so a skipped PostgreSQL run is never silent. */
export default function setup(): void {
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
