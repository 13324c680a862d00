import { randomUUID } from "node:crypto";
import { MAX_HISTORY_UNPAGED, MAX_MEMBERS_UNPAGED, MAX_OBJECTIVES_UNPAGED } from "@luodi/core";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: the lists that grow are paged (`?limit=&cursor=` → `{ items, nextCursor }`, api.md *Across all
 * endpoints*). `GET /objectives`, an objective's history and `GET /members` answered whole lists; paging is
 * opt-in, so without `limit` or `cursor` they keep the answer the first clients read — capped.
 */
describe.each(testDialects())("pages of objectives, history and members on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  /** Sue's and Sam's public objectives and Pat's private ones, in the order they were made. */
  let visibleToSue: string[];
  let hiddenFromSue: string[];

  const create = async (as: Credentials, title: string, visibility = "public") => {
    const reply = await server.request("POST", "/objectives", {
      as,
      body: { cycleId: company.cycles.quarter, level: "personal", title, visibility },
    });
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };
  const walk = async (path: string, as: Credentials, limit: number) => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const separator = path.includes("?") ? "&" : "?";
      const reply = await server.request(
        "GET",
        `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
        { as },
      );
      expect(reply.status, path).toBe(200);
      sizes.push(reply.body.items.length);
      seen.push(...reply.body.items.map((item: { id?: string; userId?: string }) => item.id ?? item.userId));
      cursor = reply.body.nextCursor;
      if (cursor === null) break;
    }
    return { seen, sizes };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    visibleToSue = [];
    hiddenFromSue = [];
    for (let i = 0; i < 4; i++) {
      // Pat's private objectives sit between the visible ones: a page must still be full.
      hiddenFromSue.push(await create(company.as.pat, `Pat's private plan ${i}`, "private"));
      visibleToSue.push(await create(company.as.sue, `Sue's plan ${i}`));
      // Two objectives share each instant: ties are ordered by id, and pages must not lose them.
      visibleToSue.push(await create(company.as.sam, `Sam's plan ${i}`));
      server.clock.advance(60_000);
    }
  });
  afterAll(async () => server.close());

  it("pages the objectives the caller may see, oldest first, each once, full pages past hidden ones", async () => {
    const whole = await server.request("GET", "/objectives", { as: company.as.sue });
    expect(whole.status).toBe(200);
    expect(Array.isArray(whole.body)).toBe(true);
    expect(whole.body.map((o: { id: string }) => o.id)).toEqual(visibleToSue);

    const { seen, sizes } = await walk("/objectives", company.as.sue, 3);
    expect(seen).toEqual(visibleToSue);
    expect(sizes).toEqual([3, 3, 2]);
    for (const id of hiddenFromSue) expect(seen).not.toContain(id);

    // Filters hold in pages too; Pat sees his own.
    expect((await walk(`/objectives?ownerUserId=${company.users.sam}`, company.as.sue, 2)).seen).toEqual(
      visibleToSue.filter((_, i) => i % 2 === 1),
    );
    expect((await walk(`/objectives?ownerUserId=${company.users.pat}`, company.as.pat, 50)).seen).toEqual(
      hiddenFromSue,
    );
  });

  it("keeps its place while objectives are added, and pages by 50 with a cursor alone", async () => {
    const first = await server.request("GET", "/objectives?limit=5", { as: company.as.sue });
    expect(first.body.items.map((o: { id: string }) => o.id)).toEqual(visibleToSue.slice(0, 5));
    server.clock.advance(60_000);
    const added = await create(company.as.sue, "Sue's late plan");
    const rest = await server.request("GET", `/objectives?cursor=${first.body.nextCursor}`, {
      as: company.as.sue,
    });
    expect(rest.status).toBe(200);
    expect(rest.body.items.map((o: { id: string }) => o.id)).toEqual([...visibleToSue.slice(5), added]);
    expect(rest.body.nextCursor).toBeNull();
    await server.request("DELETE", `/objectives/${added}`, { as: company.as.sue });
  });

  it("refuses a cursor it did not give and a limit out of range with 400, in the caller's language", async () => {
    const objectiveId = visibleToSue[0] as string;
    for (const path of ["/objectives", `/objectives/${objectiveId}/history`, "/members"]) {
      for (const query of [
        "?cursor=not-a-cursor",
        `?cursor=${Buffer.from("yesterday|x").toString("base64url")}`,
        `?cursor=${Buffer.from('["a"]').toString("base64url")}`,
        "?cursor=%00",
        "?limit=0",
        "?limit=201",
        "?limit=ten",
      ]) {
        const reply = await server.request("GET", `${path}${query}`, {
          as: { ...company.as.sue, locale: "zh-CN" },
        });
        expect(reply.status, `${path}${query}`).toBe(400);
        expect(reply.body.error.code, `${path}${query}`).toBe("request.invalid");
        expect(reply.body.error.message).toBe("请求无效。");
        expect(reply.body.error.details.map((d: { path: string }) => d.path).join()).toMatch(
          /^querystring\./,
        );
      }
    }
  });

  it("pages an objective's history newest first; without paging, the newest entries oldest first", async () => {
    const id = visibleToSue[0] as string;
    for (let i = 0; i < 4; i++) {
      server.clock.advance(60_000);
      const patch = await server.request("PATCH", `/objectives/${id}`, {
        as: company.as.sue,
        body: { title: `Sue's plan, take ${i}` },
      });
      expect(patch.status).toBe(200);
    }
    const whole = await server.request("GET", `/objectives/${id}/history`, { as: company.as.sue });
    expect(whole.status).toBe(200);
    const oldestFirst = whole.body.entries.map((e: { id: string }) => e.id);
    expect(oldestFirst.length).toBeGreaterThanOrEqual(5);
    expect(whole.body.entries[0].action).toBe("objective.create");

    const { seen } = await walk(`/objectives/${id}/history`, company.as.sue, 2);
    expect(seen).toEqual([...oldestFirst].reverse());

    // A hidden objective's history answers like a missing one's, paged or not.
    for (const query of ["", "?limit=5"]) {
      const hidden = await server.request("GET", `/objectives/${hiddenFromSue[0]}/history${query}`, {
        as: company.as.sue,
      });
      const missing = await server.request("GET", `/objectives/${randomUUID()}/history${query}`, {
        as: company.as.sue,
      });
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(missing.body);
    }
  });

  it("answers at most MAX_HISTORY_UNPAGED entries without paging — the newest — and pages to the rest", async () => {
    const id = visibleToSue[1] as string;
    const db = server.db.db;
    const start = Date.parse("2027-04-01T00:00:00.000Z");
    await db
      .insertInto("auditLog")
      .values(
        Array.from({ length: MAX_HISTORY_UNPAGED + 5 }, (_, i) => ({
          orgId: company.orgId,
          id: `0000${String(i).padStart(8, "0")}-old`,
          actorId: company.users.sam,
          action: "objective.update",
          entityType: "objective",
          entityId: id,
          objectiveId: id,
          reason: null,
          before: null,
          after: JSON.stringify({ title: `Old title ${i}` }),
          createdAt: new Date(start + i * 1000).toISOString(),
        })),
      )
      .execute();
    const total = (await db.selectFrom("auditLog").select("id").where("objectiveId", "=", id).execute())
      .length;
    const whole = await server.request("GET", `/objectives/${id}/history`, { as: company.as.sue });
    expect(whole.body.entries).toHaveLength(MAX_HISTORY_UNPAGED);
    // The newest are kept: the objective's own creation (the latest entry here) ends the list.
    expect(whole.body.entries.at(-1).action).toBe("objective.create");
    expect(whole.body.entries[0].after).toEqual({ title: `Old title ${total - MAX_HISTORY_UNPAGED}` });
    const { seen } = await walk(`/objectives/${id}/history`, company.as.sue, 200);
    expect(new Set(seen).size).toBe(total);
  });

  it("finds members by a part of the name or email in any case, by department, and pages them by name", async () => {
    const search = async (query: string) =>
      (await server.request("GET", `/members${query}`, { as: company.as.sue })).body.map(
        (m: { email: string }) => m.email,
      );
    const everyone = await search("");
    expect(await search("?q=SUE")).toEqual(["sue@acme.test"]);
    expect(await search("?q=ACME.test")).toEqual(everyone);
    expect(await search("?q=%25")).toEqual([]);
    expect(await search("?q=_")).toEqual([]);
    const sales = await search(`?departmentId=${company.departments.sales}`);
    expect(sales).toEqual(expect.arrayContaining(["sam@acme.test", "sue@acme.test"]));
    expect(sales).not.toContain("pat@acme.test");

    const whole = await server.request("GET", "/members", { as: company.as.sue });
    const names = whole.body.map((m: { name: string }) => m.name);
    expect(names).toEqual([...names].sort());
    const { seen, sizes } = await walk("/members", company.as.sue, 2);
    expect(seen).toEqual(whole.body.map((m: { userId: string }) => m.userId));
    expect(Math.max(...sizes)).toBe(2);
    const page = await server.request("GET", "/members?q=sa&limit=1", { as: company.as.sue });
    expect(page.body.items.map((m: { email: string }) => m.email)).toEqual(["sam@acme.test"]);
  });

  it("answers at most MAX_OBJECTIVES_UNPAGED objectives and MAX_MEMBERS_UNPAGED members without paging", async () => {
    const db = server.db.db;
    const template = await db
      .selectFrom("objective")
      .selectAll()
      .where("id", "=", visibleToSue[0] as string)
      .executeTakeFirstOrThrow();
    const before = (await server.request("GET", "/objectives?limit=200", { as: company.as.sue })).body;
    expect(before.nextCursor).toBeNull();
    const extra = MAX_OBJECTIVES_UNPAGED + 3 - before.items.length;
    const rows = Array.from({ length: extra }, (_, i) => ({
      ...template,
      id: `zz-${String(i).padStart(6, "0")}`,
      title: `Copied plan ${i}`,
      createdAt: new Date(Date.parse("2027-05-01T00:00:00.000Z") + i * 1000).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto("objective")
        .values(rows.slice(i, i + 200))
        .execute();
    }
    const whole = await server.request("GET", "/objectives", { as: company.as.sue });
    expect(whole.body).toHaveLength(MAX_OBJECTIVES_UNPAGED);
    // (Not the `limit=200` read above: the rows were written behind the read cache's back.)
    const { seen } = await walk("/objectives", company.as.sue, 150);
    expect(seen).toHaveLength(MAX_OBJECTIVES_UNPAGED + 3);
    expect(seen.slice(0, MAX_OBJECTIVES_UNPAGED)).toEqual(whole.body.map((o: { id: string }) => o.id));

    const now = "2027-04-15T02:00:00.000Z";
    const people = Array.from({ length: MAX_MEMBERS_UNPAGED + 1 }, (_, i) => ({
      id: `zz-person-${String(i).padStart(6, "0")}`,
      email: `person${i}@many.test`,
      name: `Zz Person ${String(i).padStart(6, "0")}`,
      passwordHash: null,
      locale: null,
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < people.length; i += 1000) {
      const batch = people.slice(i, i + 1000);
      await db.insertInto("user").values(batch).execute();
      await db
        .insertInto("membership")
        .values(
          batch.map((person) => ({
            orgId: company.orgId,
            userId: person.id,
            role: "member" as const,
            departmentId: company.departments.sales,
            managerId: null,
            title: null,
            status: "active" as const,
            version: 1,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute();
    }
    const members = await server.request("GET", "/members", { as: company.as.sue });
    expect(members.body).toHaveLength(MAX_MEMBERS_UNPAGED);
    const last = await server.request("GET", "/members?q=zz%20person%20010000&limit=5", {
      as: company.as.sue,
    });
    expect(last.body.items.map((m: { email: string }) => m.email)).toEqual([
      `person${MAX_MEMBERS_UNPAGED}@many.test`,
    ]);
  });
});
