import { MAX_CHECK_INS_UNPAGED } from "@luodi/core";
import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: a KR's check-in history was answered whole (10 MB a read). With `limit` or `cursor` it is paged
 * as every list that grows (`{ items, nextCursor }`); without them, the bare array of the first clients holds
 * the newest MAX_CHECK_INS_UNPAGED, never more.
 */
describe.each(testDialects())("pages of a KR's check-ins on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let krId: string;
  /** Ids of the check-ins made through the API, newest first. */
  let made: string[];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const objective = await server.request("POST", "/objectives", {
      as: company.as.sue,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Meet every key account",
        keyResults: [{ title: "Visits from 0 to 40", type: "number", startValue: 0, targetValue: 40 }],
      },
    });
    expect(objective.status).toBe(201);
    krId = objective.body.keyResults[0].id;
    await publish(server, company.as.sue, objective.body.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    made = [];
    for (let value = 1; value <= 7; value++) {
      // Two check-ins share each instant but the first: ties are ordered by id, and pages must not lose them.
      if (value % 2 === 0) server.clock.advance(60_000);
      const reply = await server.request("POST", `/key-results/${krId}/check-ins`, {
        as: company.as.sue,
        body: { value, confidence: 7 },
      });
      expect(reply.status).toBe(201);
      made.unshift(reply.body.checkIn.id);
    }
  });
  afterAll(async () => server.close());

  const get = (query: string, as = company.as.sue) =>
    server.request("GET", `/key-results/${krId}/check-ins${query}`, { as });

  it("walks the history newest first, page by page, each check-in once", async () => {
    const whole = await get("");
    expect(whole.status).toBe(200);
    const order = whole.body.map((c: { id: string }) => c.id);
    expect(new Set(order)).toEqual(new Set(made));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply = await get(`?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...reply.body.items.map((c: { id: string }) => c.id));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(order);
    // The values say the same: newest first.
    expect(whole.body.map((c: { value: number }) => c.value)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it("keeps its place while new check-ins arrive, and pages by 50 with a cursor alone", async () => {
    const first = await get("?limit=2");
    expect(first.body.items.map((c: { value: number }) => c.value)).toEqual([7, 6]);
    server.clock.advance(60_000);
    const newer = await server.request("POST", `/key-results/${krId}/check-ins`, {
      as: company.as.sue,
      body: { value: 8, confidence: 7 },
    });
    expect(newer.status).toBe(201);
    const rest = await get(`?cursor=${first.body.nextCursor}`);
    expect(rest.status).toBe(200);
    expect(rest.body.items.map((c: { value: number }) => c.value)).toEqual([5, 4, 3, 2, 1]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not give and a limit out of range with 400 in the contract's shape", async () => {
    for (const query of [
      "?cursor=not-a-cursor",
      `?cursor=${Buffer.from("yesterday|x").toString("base64url")}`,
      `?cursor=${Buffer.from("2027-04-15T02:00:00.000Z|a|b").toString("base64url")}`,
      "?cursor=%00",
      "?limit=0",
      "?limit=201",
      "?limit=ten",
    ]) {
      const reply = await server.request("GET", `/key-results/${krId}/check-ins${query}`, {
        as: { ...company.as.sue, locale: "zh-CN" },
      });
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code, query).toBe("request.invalid");
      expect(reply.body.error.message, query).toBe("请求无效。");
      expect(reply.body.error.details.map((d: { path: string }) => d.path).join(), query).toMatch(
        /^querystring\./,
      );
    }
  });

  it("answers a hidden KR like a missing one, paged or not", async () => {
    const hidden = await server.request("POST", "/objectives", {
      as: company.as.pat,
      body: {
        cycleId: company.cycles.quarter,
        level: "personal",
        title: "Private plans",
        visibility: "private",
        keyResults: [{ title: "Prototypes from 0 to 2", type: "number", targetValue: 2 }],
      },
    });
    expect(hidden.status).toBe(201);
    const id = hidden.body.keyResults[0].id;
    for (const query of ["", "?limit=5"]) {
      const reply = await server.request("GET", `/key-results/${id}/check-ins${query}`, {
        as: company.as.sue,
      });
      const missing = await server.request("GET", `/key-results/no-such-kr/check-ins${query}`, {
        as: company.as.sue,
      });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual(missing.body);
    }
  });

  it("answers at most the newest MAX_CHECK_INS_UNPAGED without limit or cursor, and pages to the rest", async () => {
    const db = server.db.db;
    const template = await db
      .selectFrom("checkIn")
      .selectAll()
      .where("keyResultId", "=", krId)
      .executeTakeFirst();
    if (!template) throw new Error("no check-in to copy");
    const total = await db.selectFrom("checkIn").select("id").where("keyResultId", "=", krId).execute();
    const extra = MAX_CHECK_INS_UNPAGED + 5 - total.length;
    const old = Date.parse("2027-04-02T00:00:00.000Z");
    await db
      .insertInto("checkIn")
      .values(
        Array.from({ length: extra }, (_, i) => ({
          ...template,
          id: `old-${String(i).padStart(4, "0")}`,
          note: `old ${i}`,
          createdAt: new Date(old + i * 60_000).toISOString(),
        })),
      )
      .execute();
    const bare = await get("");
    expect(bare.status).toBe(200);
    expect(bare.body).toHaveLength(MAX_CHECK_INS_UNPAGED);
    expect(bare.body[0].value).toBe(8);
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = await get(`?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      count += page.body.items.length;
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(count).toBe(MAX_CHECK_INS_UNPAGED + 5);
  });
});
