import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, findUserByEmail, listMembers, lockDatabaseFile } from "@luodi/db";
import argon2 from "argon2";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CliError } from "../config-options.ts";
import { createProgram } from "../program.ts";
import { luodi } from "./run-luodi.ts";

describe("luodi commands", () => {
  let dir: string;
  const env = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luodi-cli-"));
    // The commands read DATA_DIR / DATABASE_URL as fallbacks; the test passes flags only.
    delete process.env.DATA_DIR;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (env.DATA_DIR !== undefined) process.env.DATA_DIR = env.DATA_DIR;
    if (env.DATABASE_URL !== undefined) process.env.DATABASE_URL = env.DATABASE_URL;
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("lists every serve flag with its environment variable", () => {
    const help = createProgram()
      .commands.find((c) => c.name() === "serve")
      ?.helpInformation()
      .replace(/\s+/g, " ");
    for (const [flag, env] of [
      ["--port", "PORT"],
      ["--host", "HOST"],
      ["--data-dir", "DATA_DIR"],
      ["--database-url", "DATABASE_URL"],
      ["--public-url", "PUBLIC_URL"],
      ["--log-level", "LOG_LEVEL"],
      ["--smtp-url", "SMTP_URL"],
      ["--mail-from", "MAIL_FROM"],
      ["--trust-proxy", "TRUST_PROXY"],
    ]) {
      expect(help).toContain(flag);
      expect(help).toContain(`env: ${env}`);
    }
  });

  it("migrates, then says the database is up to date", async () => {
    const dataDir = join(dir, "migrate");
    expect(await luodi("migrate", "--data-dir", dataDir)).toMatch(/applied \d+ migration\(s\)\n {2}\d{14}-/);
    expect(await luodi("migrate", "--data-dir", dataDir)).toContain("already up to date");
  });

  it("refuses to add a user before any organization exists", async () => {
    await expect(
      luodi(
        "user",
        "add",
        "--data-dir",
        join(dir, "empty"),
        "--email",
        "a@example.com",
        "--name",
        "A",
        "--password",
        "secret-123",
      ),
    ).rejects.toThrow(CliError);
  });

  it("builds a synthetic demo, refuses to overwrite it, and replaces it with --reset", async () => {
    const dataDir = join(dir, "demo");
    const out = await luodi("demo", "--size", "40", "--locale", "en", "--data-dir", dataDir);
    expect(out).toContain("40 people");
    expect(out).toContain("admin@synthetic.example");
    await expect(luodi("demo", "--size", "40", "--data-dir", dataDir)).rejects.toThrow(/--reset/);
    expect(await luodi("demo", "--size", "30", "--data-dir", dataDir, "--reset")).toContain("30 people");
  });

  it("adds a user with an argon2id hash to the first organization's root department", async () => {
    const dataDir = join(dir, "demo");
    const out = await luodi(
      "user",
      "add",
      "--data-dir",
      dataDir,
      "--email",
      "New.Person@Example.com",
      "--name",
      "New Person",
      "--password",
      "correct horse",
      "--role",
      "admin",
    );
    expect(out).toContain("Added new.person@example.com");
    const handle = connect({ sqlitePath: join(dataDir, "luodi.db") });
    try {
      const user = await findUserByEmail(handle.db, "new.person@example.com");
      expect(user?.passwordHash?.startsWith("$argon2id$")).toBe(true);
      expect(await argon2.verify(user?.passwordHash ?? "", "correct horse")).toBe(true);
      const org = await handle.db.selectFrom("organization").select("id").executeTakeFirstOrThrow();
      const member = (await listMembers(handle.db, org.id)).find((m) => m.userId === user?.id);
      const root = await handle.db
        .selectFrom("department")
        .select("id")
        .where("parentId", "is", null)
        .executeTakeFirstOrThrow();
      expect(member).toMatchObject({ role: "admin", departmentId: root.id, status: "active" });
    } finally {
      await handle.destroy();
    }
    await expect(
      luodi(
        "user",
        "add",
        "--data-dir",
        dataDir,
        "--email",
        "new.person@example.com",
        "--name",
        "X",
        "--password",
        "another-one",
      ),
    ).rejects.toThrow(/already a member/);
  });
  it("backs an organization up, restores it into an empty database, and copies the SQLite file online", async () => {
    const dataDir = join(dir, "demo");
    const archive = join(dir, "acme.jsonl");
    const written = await luodi("backup", "--data-dir", dataDir, "--out", archive);
    expect(written).toMatch(/wrote \d+ rows of organization \S+ to /);
    await expect(luodi("backup", "--data-dir", dataDir, "--out", archive)).rejects.toThrow(/exists already/);

    const restoredDir = join(dir, "restored");
    expect(await luodi("restore", archive, "--data-dir", restoredDir)).toMatch(
      /restored organization \S+: \d+ rows/,
    );
    // Once more into the same database: refused, as it holds the organization now.
    await expect(luodi("restore", archive, "--data-dir", restoredDir)).rejects.toThrow(/already holds/);
    const again = join(dir, "again.jsonl");
    await luodi("backup", "--data-dir", restoredDir, "--out", again);
    const rows = (path: string) => readFileSync(path, "utf8").split("\n").slice(1);
    expect(rows(again)).toEqual(rows(archive));
    // The person added above signs in on the restored copy with the same password hash.
    const restored = connect({ sqlitePath: join(restoredDir, "luodi.db") });
    try {
      const user = await findUserByEmail(restored.db, "new.person@example.com");
      expect(await argon2.verify(user?.passwordHash ?? "", "correct horse")).toBe(true);
    } finally {
      await restored.destroy();
    }

    // While a server holds the database (its lock), the file is still copied whole.
    const lock = lockDatabaseFile(join(dataDir, "luodi.db"));
    try {
      const copy = join(dir, "copy.db");
      expect(await luodi("backup", "--data-dir", dataDir, "--sqlite-copy", copy)).toMatch(
        /copied .* \(\d+ pages\)/,
      );
      const copied = connect({ sqlitePath: copy });
      try {
        const people = await copied.db.selectFrom("membership").select("userId").execute();
        expect(people.length).toBe(31);
      } finally {
        await copied.destroy();
      }
      // A restore waits for no server: it refuses while one holds the file.
      await expect(luodi("restore", archive, "--data-dir", dataDir)).rejects.toThrow(/another|running|lock/i);
    } finally {
      lock.release();
    }
  });
});
