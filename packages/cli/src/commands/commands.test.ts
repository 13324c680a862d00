import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, findUserByEmail, listMembers } from "@luodi/db";
import argon2 from "argon2";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CliError } from "../config-options.ts";
import { createProgram } from "../program.ts";

/** Runs `luodi …args` in-process and returns what it printed. */
async function luodi(...args: string[]): Promise<string> {
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    const program = createProgram().exitOverride();
    for (const command of program.commands) command.exitOverride();
    await program.parseAsync(["node", "luodi", ...args]);
  } finally {
    write.mockRestore();
  }
  return out;
}

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
});
