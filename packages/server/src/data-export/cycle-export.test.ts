import { CONTRACT_HEADERS } from "@luodi/core";
import { testDialects } from "@luodi/db";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany, publish } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * A cycle's export through the real HTTP app: only what the caller may see, in xlsx, CSV and JSON. Sue has a
 * public objective (one title a spreadsheet would take for a formula) and a private one; Pat, elsewhere,
 * sees the public one only; Sam, her manager, both.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;

describe.each(testDialects())("cycle export, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;

  const download = async (as: Credentials, format: string) => {
    const reply = await server.app.inject({
      method: "GET",
      url: `/api/v1/cycles/${company.cycles.quarter}/export?format=${format}`,
      headers: { cookie: as.cookie ?? "" },
    });
    return { status: reply.statusCode, headers: reply.headers, bytes: reply.rawPayload };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    server.clock.set("2027-04-02T02:00:00.000Z");
    const create = async (as: Credentials, body: Record<string, unknown>) => {
      const reply = await server.request("POST", "/objectives", {
        as,
        body: { cycleId: company.cycles.quarter, level: "personal", ...body },
      });
      expect(reply.status).toBe(201);
      await publish(server, as, reply.body.id);
      return reply.body as { id: string; keyResults: Array<{ id: string }> };
    };
    const open = await create(company.as.sue, {
      title: '=HYPERLINK("http://evil") 续约全部落地',
      kind: "committed",
      keyResults: [
        { title: "续约客户从 0 增加到 10 家", type: "number", startValue: 0, targetValue: 10, unit: "家" },
      ],
    });
    await create(company.as.sue, {
      title: "Secret side plan",
      visibility: "private",
      keyResults: [{ title: "Quiet deals from 0 to 5", type: "number", startValue: 0, targetValue: 5 }],
    });
    await server.request("POST", `/cycles/${company.cycles.quarter}/phase`, {
      as: company.owner,
      body: { phase: "aligning" },
    });
    const checkIn = await server.request("POST", `/key-results/${open.keyResults[0]?.id}/check-ins`, {
      as: company.as.sue,
      body: { value: 4, confidence: 7, note: "四家已续约" },
    });
    expect(checkIn.status).toBe(201);
  });
  afterAll(async () => server.close());

  it("writes a workbook with a sheet per table, headers in the organization's language, only what the caller sees", async () => {
    const file = await download(company.as.pat, "xlsx");
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    expect(file.headers["content-disposition"]).toContain("attachment");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Objectives",
      "Key results",
      "Check-ins",
      "Scores",
      "Reviews",
    ]);
    const krs = workbook.getWorksheet("Key results");
    const rows = (krs?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1, 11)).toEqual([...CONTRACT_HEADERS]);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(3, 9)).toEqual([
      "personal",
      "sue@acme.test",
      '=HYPERLINK("http://evil") 续约全部落地',
      "续约客户从 0 增加到 10 家",
      "number",
      "0",
    ]);
    const checkIns = (workbook.getWorksheet("Check-ins")?.getSheetValues() ?? []).filter(
      Boolean,
    ) as unknown[][];
    expect(checkIns[1]?.slice(3, 7)).toEqual(["sue@acme.test", "4", 7, "四家已续约"]);
  });

  it("writes the key results as UTF-8 CSV with a byte-order mark and no cell a spreadsheet would run", async () => {
    const file = await download(company.as.sam, "csv");
    expect(file.status).toBe(200);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.subarray(3).toString("utf8");
    const lines = text.trim().split("\n");
    expect(lines[0]).toContain("external_id,cycle,level,owner,objective,key_result,type,start,target,unit");
    // Sam is Sue's manager: her private objective is in his file.
    expect(lines).toHaveLength(3);
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain("续约客户从 0 增加到 10 家");
    expect(text).toContain("Quiet deals from 0 to 5");
  });

  it("writes JSON with each objective's KRs and check-ins, and refuses an unknown format or cycle", async () => {
    const file = await download(company.as.pat, "json");
    const body = JSON.parse(file.bytes.toString("utf8"));
    expect(body.objectives).toHaveLength(1);
    expect(body.objectives[0]).toMatchObject({
      kind: "committed",
      owner: "sue@acme.test",
      checkIns: [{ value: "4", note: "四家已续约" }],
    });
    expect((await download(company.as.pat, "pdf")).status).toBe(400);
    const missing = await server.request("GET", "/cycles/nope/export?format=json", { as: company.as.pat });
    expect([missing.status, missing.body.error.code]).toEqual([404, "cycle.not_found"]);
  });

  it("gives admins alone the appraisal: per person and KR, self, manager and final scores", async () => {
    const { owner, as, cycles } = company;
    for (const phase of ["in_progress", "scoring"])
      expect(
        (await server.request("POST", `/cycles/${cycles.quarter}/phase`, { as: owner, body: { phase } }))
          .status,
      ).toBe(200);
    const objectives = (await server.request("GET", `/objectives?cycleId=${cycles.quarter}`, { as: as.sam }))
      .body as Array<{
      id: string;
      title: string;
      keyResults: Array<{ id: string }>;
    }>;
    const renewals = objectives.find((o) => o.title.includes("续约"));
    const kr = renewals?.keyResults[0]?.id ?? "";
    const scored = await server.request("POST", `/objectives/${renewals?.id}/score`, {
      as: as.sue,
      body: { keyResults: [{ id: kr, selfScore: 0.7, comment: "四家已续约" }] },
    });
    expect(scored.status).toBe(200);
    expect(
      (
        await server.request("POST", `/objectives/${renewals?.id}/score`, {
          as: as.sam,
          body: { keyResults: [{ id: kr, managerScore: 0.6 }] },
        })
      ).status,
    ).toBe(200);

    const refused = await server.app.inject({
      method: "GET",
      url: `/api/v1/cycles/${cycles.quarter}/appraisal`,
      headers: { cookie: as.sam.cookie ?? "" },
    });
    expect(refused.statusCode).toBe(403);
    const file = await server.app.inject({
      method: "GET",
      url: `/api/v1/cycles/${cycles.quarter}/appraisal?format=csv`,
      headers: { cookie: owner.cookie ?? "" },
    });
    expect(file.statusCode).toBe(200);
    const lines = file.rawPayload.subarray(3).toString("utf8").trim().split("\n");
    expect(lines[0]).toBe(
      "person,email,department,objective,kind,key_result,self_score,manager_score,final_score,score_comment,objective_score,review",
    );
    expect(lines).toHaveLength(3);
    const row = lines.find((line) => line.includes("续约客户"));
    expect(row).toContain("Sue Seller,sue@acme.test,Sales,");
    expect(row?.endsWith(",0.7,0.6,0.6,四家已续约,0.6")).toBe(true);
  });
});
