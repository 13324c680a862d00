import {
  BACKUP_FORMAT,
  BackupError,
  backupOrganization,
  createTestDatabase,
  type DatabaseHandle,
  type DialectName,
  restoreOrganization,
  testDialects,
} from "@luodi/db";
import { buildApp } from "@luodi/server";
import { signIn } from "@luodi/server/factories";
import { startTestServer, type TestServer, testConfig } from "@luodi/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, type World } from "./openapi-walk.ts";

/*
 * Issue 11, item 4: backup and restore. An organization with objectives of every visibility, KRs,
 * check-ins, comments, a meeting, a question, praise, a webhook, sessions and audit entries is archived,
 * restored into an empty database of each dialect, and archived again: the rows are the same, line for
 * line — on both dialects and across them (SQLite → PostgreSQL is how a company moves up). The restored
 * server then answers its people as the original did.
 */

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

async function* fromArray(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

/** The archive's rows, and its header without what names the moment and the dialect of the reading. */
function content(lines: readonly string[]) {
  const [first, ...rows] = lines;
  const { createdAt: _at, dialect: _dialect, ...header } = JSON.parse(first ?? "{}");
  return { header, rows };
}

const dialects = testDialects();

describe.each(dialects)("backup of an organization on %s", (source) => {
  let server: TestServer;
  let world: World;
  let archive: string[];

  beforeAll(async () => {
    server = await startTestServer(source);
    world = await buildWorld(server);
    // A proposal and a 1:1 as well, so their tables are not empty.
    await server.request("POST", "/proposals", {
      as: world.as.sue,
      body: {
        cycleId: world.quarter,
        title: "Win three reference customers",
        pitch: "We have the demo; give us a month.",
        parentObjectiveId: world.objectives.sales.id,
      },
    });
    await server.request("POST", "/one-on-ones", {
      as: world.as.sam,
      body: {
        reportUserId: world.company.users.sue,
        title: "Weekly 1:1",
        scheduledAt: "2027-04-22T02:00:00Z",
      },
    });
    archive = await collect(backupOrganization(server.db.db, source, world.company.orgId));
  }, 120_000);
  afterAll(async () => server?.close());

  it("writes a versioned header, then rows of this organization only, sessions left out", () => {
    const header = JSON.parse(archive[0] ?? "{}");
    expect(header).toMatchObject({ format: BACKUP_FORMAT, version: 1, organizationId: world.company.orgId });
    const tables = new Set(archive.slice(1).map((line) => JSON.parse(line).t));
    for (const table of [
      "organization",
      "user",
      "membership",
      "department",
      "cycle",
      "objective",
      "key_result",
    ])
      expect(tables).toContain(table);
    for (const table of ["check_in", "comment", "meeting", "question", "recognition", "audit_log", "webhook"])
      expect(tables).toContain(table);
    expect(tables).toContain("proposal");
    expect(tables).toContain("one_on_one");
    expect(tables).not.toContain("session");
    expect(tables).not.toContain("login_attempt");
    const orgIds = new Set(
      archive
        .slice(1)
        .map((line) => JSON.parse(line).r.org_id)
        .filter(Boolean),
    );
    expect([...orgIds]).toEqual([world.company.orgId]);
  });

  describe.each(dialects)("restored into %s", (target: DialectName) => {
    let restored: DatabaseHandle;
    beforeAll(async () => {
      restored = await createTestDatabase(target);
    });
    afterAll(async () => restored?.destroy());

    it("restores every row, and a second backup equals the first", async () => {
      const summary = await restoreOrganization(restored.db, target, fromArray(archive));
      expect(summary.organizationId).toBe(world.company.orgId);
      expect(summary.rows).toBe(archive.length - 1);
      const again = await collect(backupOrganization(restored.db, target, world.company.orgId));
      expect(content(again)).toEqual(content(archive));
    });

    it("serves the same answers to the same people, who sign in with their passwords", async () => {
      const app = await buildApp(testConfig(server.clock), { database: restored });
      try {
        const login = await app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { email: "sue@acme.test", password: "correct horse battery" },
        });
        expect(login.statusCode).toBe(200);
        const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
        const sue = await signIn(server, "sue@acme.test");
        for (const url of [
          `/objectives?cycleId=${world.quarter}`,
          `/objectives/${world.objectives.private.id}`,
          `/key-results/${world.keyResults.public}/check-ins`,
          `/objectives/${world.objectives.public.id}/comments`,
          "/notifications",
        ]) {
          const before = await server.request("GET", url, { as: sue });
          const after = await app.inject({ method: "GET", url: `/api/v1${url}`, headers: { cookie } });
          expect(after.statusCode, url).toBe(before.status);
          expect(JSON.parse(after.body), url).toEqual(before.body);
        }
      } finally {
        await app.close();
      }
    });

    it("refuses to restore into a database that already holds an organization, changing nothing", async () => {
      await expect(restoreOrganization(restored.db, target, fromArray(archive))).rejects.toThrow(BackupError);
    });
  });
});

describe.each(dialects)("refused archives on %s", (dialect) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
  });
  afterAll(async () => handle?.destroy());

  const header = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      schema: "20261127120000-initial",
      dialect,
      organizationId: "org-1",
      createdAt: "2027-01-01T00:00:00.000Z",
      ...extra,
    });
  const org = JSON.stringify({
    t: "organization",
    r: {
      id: "org-1",
      name: "Acme",
      locale: "en",
      timezone: "Asia/Shanghai",
      settings: "{}",
      version: 1,
      created_at: "2027-01-01T00:00:00.000Z",
      updated_at: "2027-01-01T00:00:00.000Z",
    },
  });
  const organizations = async () =>
    (await handle.db.selectFrom("organization").select("id").execute()).length;

  it.each([
    ["not an archive", ['{"hello":1}'], /not a Luodi backup/],
    ["a newer schema", [header({ schema: "29991231000000-from-the-future" }), org], /newer Luodi/],
    ["a broken line", [header(), org, "{not json"], /line 3: not JSON/],
    ["an unknown table", [header(), org, '{"t":"salary","r":{"org_id":"org-1"}}'], /line 3: unknown table/],
    [
      "an unknown column",
      [header(), org, '{"t":"cycle","r":{"org_id":"org-1","bonus":1}}'],
      /line 3: unknown column cycle.bonus/,
    ],
    [
      "a row of another organization",
      [header(), org, '{"t":"department","r":{"org_id":"org-2","id":"d"}}'],
      /line 3: a row of another organization/,
    ],
    ["an empty archive", [], /empty/],
  ])("refuses %s and writes nothing", async (_name, lines, message) => {
    await expect(restoreOrganization(handle.db, dialect, fromArray(lines))).rejects.toThrow(message);
    expect(await organizations()).toBe(0);
  });
});
