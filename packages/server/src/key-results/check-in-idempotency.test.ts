import { testDialects } from "@luodi/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { advanceCycle, buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

describe.each(testDialects())("Idempotency-Key on check-ins on %s", (dialect) => {
  let server: TestServer;
  let company: Awaited<ReturnType<typeof buildCompany>>;
  let krs: string[];

  beforeEach(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const objective = await server.request("POST", "/objectives", {
      as: company.as.sam,
      body: {
        cycleId: company.cycles.quarter,
        level: "department",
        ownerDepartmentId: company.departments.sales,
        title: "Key accounts grow with us",
        keyResults: [
          { title: "Revenue from 0 to 500", type: "currency", startValue: 0, targetValue: 500 },
          { title: "Renewals from 0 to 20", type: "number", startValue: 0, targetValue: 20 },
        ],
      },
    });
    expect(objective.status).toBe(201);
    krs = objective.body.keyResults.map((kr: { id: string }) => kr.id);
    await publish(server, company.as.sam, objective.body.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
  });
  afterEach(async () => server.close());

  const checkIn = (
    kr: string,
    body: Record<string, unknown>,
    key?: string,
    as: Credentials = company.as.sam,
    locale = "en",
  ) =>
    server.request("POST", `/key-results/${kr}/check-ins`, {
      as,
      body,
      headers: { "accept-language": locale, ...(key === undefined ? {} : { "idempotency-key": key }) },
    });
  const countCheckIns = async () =>
    (await server.db.db.selectFrom("checkIn").select("id").where("keyResultId", "in", krs).execute()).length;

  it("answers a retry with the first answer and creates nothing more", async () => {
    const first = await checkIn(krs[0] as string, { value: 100, confidence: 7, note: "first" }, "retry-1");
    expect(first.status).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    // Something else moves the KR meanwhile: the replay is still the first answer, as it was.
    expect((await checkIn(krs[0] as string, { value: 300, confidence: 6 })).status).toBe(201);
    server.clock.advance(23 * 3_600_000);
    const again = await checkIn(krs[0] as string, { note: "first", confidence: 7, value: 100 }, "retry-1");
    expect(again.status).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await countCheckIns()).toBe(2);
    // Without a key every request is a new check-in.
    expect((await checkIn(krs[0] as string, { value: 100, confidence: 7, note: "first" })).status).toBe(201);
    expect(await countCheckIns()).toBe(3);
  });

  it("refuses the key with another body or another KR, in the caller's language", async () => {
    expect((await checkIn(krs[0] as string, { value: 100, confidence: 7 }, "k-2")).status).toBe(201);
    const otherBody = await checkIn(
      krs[0] as string,
      { value: 101, confidence: 7 },
      "k-2",
      company.as.sam,
      "zh-CN",
    );
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error.code).toBe("idempotency.key_reused");
    expect(otherBody.body.error.message).toBe("该 Idempotency-Key 已用于另一个请求，新的请求请使用新的键。");
    const otherKr = await checkIn(krs[1] as string, { value: 100, confidence: 7 }, "k-2");
    expect(otherKr.status).toBe(422);
    expect(otherKr.body.error.code).toBe("idempotency.key_reused");
    expect(await countCheckIns()).toBe(1);
  });

  it("keeps each person's keys apart, and frees a key after 24 hours", async () => {
    expect((await checkIn(krs[0] as string, { value: 10, confidence: 7 }, "shared")).status).toBe(201);
    const byOwner = await checkIn(krs[0] as string, { value: 10, confidence: 7 }, "shared", company.owner);
    expect(byOwner.status).toBe(201);
    expect(byOwner.headers["idempotent-replayed"]).toBeUndefined();
    expect(await countCheckIns()).toBe(2);
    server.clock.advance(24 * 3_600_000 + 1000);
    const later = await checkIn(krs[0] as string, { value: 20, confidence: 7 }, "shared");
    expect(later.status).toBe(201);
    expect(later.headers["idempotent-replayed"]).toBeUndefined();
    expect(await countCheckIns()).toBe(3);
    const replayed = await checkIn(krs[0] as string, { value: 20, confidence: 7 }, "shared");
    expect(replayed.headers["idempotent-replayed"]).toBe("true");
    expect(replayed.body).toEqual(later.body);
  });

  it("creates one check-in from parallel requests with one key, and answers them all alike", async () => {
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => checkIn(krs[0] as string, { value: 250, confidence: 8 }, "parallel")),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(201));
    for (const reply of replies) expect(reply.body).toEqual(replies[0]?.body);
    expect(replies.filter((r) => r.headers["idempotent-replayed"] === "true")).toHaveLength(5);
    expect(await countCheckIns()).toBe(1);
    const kr = await server.request("GET", `/key-results/${krs[0]}/check-ins`, { as: company.as.sam });
    expect(kr.body).toHaveLength(1);
  });

  it("keeps nothing of a refused request, and refuses a key that is not visible ASCII", async () => {
    // Sue may not check in on Sam's department objective: nothing is kept, so Sam may use the key.
    const refused = await checkIn(krs[0] as string, { value: 5, confidence: 7 }, "once", company.as.sue);
    expect(refused.status).toBe(403);
    const retried = await checkIn(krs[0] as string, { value: 5, confidence: 7 }, "once", company.as.sue);
    expect(retried.status).toBe(403);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
    const bad = await checkIn(krs[0] as string, { value: 5, confidence: 7 }, "two words");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("request.invalid");
    expect(bad.body.error.details[0].message).toContain("Idempotency-Key");
    expect(await countCheckIns()).toBe(0);
  });
});
