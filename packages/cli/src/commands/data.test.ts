import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDialects } from "@luodi/db";
import { advanceCycle, buildCompany, publish, salesObjective } from "@luodi/server/factories";
import { startTestServer, type TestServer } from "@luodi/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luodi } from "./run-luodi.ts";

/*
 * Issue 11, item 8: the data commands against a running server on 127.0.0.1, as a person with an API
 * token would use them — list the OKRs, check in, export a cycle, import a file — on both databases.
 */
describe.each(testDialects())("luodi data commands on %s", (dialect) => {
  let server: TestServer;
  let url: string;
  let token: string;
  let dir: string;
  let kr: string;
  let company: Awaited<ReturnType<typeof buildCompany>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "luodi-data-"));
    server = await startTestServer(dialect);
    company = await buildCompany(server);
    const created = await salesObjective(server, company, "大客户与我们一起成长", [
      { title: "新签合同额从 0 到 500 万", type: "number", startValue: 0, targetValue: 500 },
    ]);
    kr = created.krs[0] as string;
    await publish(server, company.as.sam, created.id);
    await advanceCycle(server, company.owner, company.cycles.quarter, "in_progress");
    token = (await server.request("POST", "/tokens", { as: company.as.sam, body: { name: "cli" } })).body
      .token;
    await server.app.listen({ port: 0, host: "127.0.0.1" });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = ["--url", () => url, "--token", () => token] as const;
  const run = (...args: string[]) => luodi(...args, ...api.map((a) => (typeof a === "function" ? a() : a)));

  it("lists the cycle's OKRs as JSON, CSV with a BOM, and a table", async () => {
    const rows = JSON.parse(await run("okr", "list", "--cycle", "2027 Q2", "--format", "json"));
    expect(rows).toEqual([
      expect.objectContaining({
        level: "department",
        owner: "Sales",
        title: "大客户与我们一起成长",
        progress: "0%",
      }),
      expect.objectContaining({ id: kr, level: "kr", owner: "Sam Sales", title: "新签合同额从 0 到 500 万" }),
    ]);
    const csv = await run("okr", "list", "--format", "csv");
    expect(csv.startsWith("\uFEFFid,level,owner,title,status,progress,health,confidence\n")).toBe(true);
    expect(csv).toContain("大客户与我们一起成长");
    const table = await run("okr", "list", "--mine", "--format", "table");
    expect(table).not.toContain("大客户与我们一起成长");
  });

  it("checks a KR in, and refuses a confidence out of range before asking the server", async () => {
    const [result] = JSON.parse(
      await run(
        "check-in",
        kr,
        "--value",
        "125",
        "--confidence",
        "7",
        "--note",
        "两单签约",
        "--format",
        "json",
      ),
    );
    expect(result).toMatchObject({ value: 125, progress: "25%", confidence: 7 });
    const seen = await server.request("GET", `/key-results/${kr}/check-ins`, { as: company.as.sam });
    expect(seen.body[0]).toMatchObject({ note: "两单签约", confidence: 7 });
    await expect(run("check-in", kr, "--value", "130", "--confidence", "11")).rejects.toThrow(/0 to 10/);
    // The server's refusal, in the language asked for.
    await expect(
      run("check-in", kr, "--value", "abc", "--confidence", "5", "--lang", "zh-CN"),
    ).rejects.toThrow(/400 request.invalid/);
  });

  it("exports a cycle to xlsx and CSV files", async () => {
    const xlsx = join(dir, "q2.xlsx");
    expect(await run("export", "--cycle", "2027 Q2", "--out", xlsx)).toContain(xlsx);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
    const csv = join(dir, "q2.csv");
    await run("export", "--as", "csv", "--out", csv);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("新签合同额从 0 到 500 万");
    await expect(run("export", "--as", "csv", "--out", csv)).rejects.toThrow(/exists already/);
  });

  it("says what is wrong with the token or the server", async () => {
    await expect(luodi("okr", "list", "--url", url, "--token", "wrong")).rejects.toThrow(/401 auth.required/);
    await expect(luodi("okr", "list", "--url", "http://127.0.0.1:9", "--token", token)).rejects.toThrow(
      /cannot be reached/,
    );
  });

  it("imports a CSV after a dry run, and reports a bad row by line and column", async () => {
    const file = join(dir, "okrs.csv");
    const header = "external_id,cycle,level,owner,objective,key_result,type,start,target,unit";
    writeFileSync(
      file,
      `${header}\nS-1,2027 Q2,personal,sue@acme.test,做深华东市场,华东签约客户从 10 到 30 家,number,10,30,家\n`,
    );
    const dry = JSON.parse(await run("import", file, "--dry-run", "--format", "json"));
    expect(dry).toMatchObject({ created: { objectives: 1, keyResults: 1 }, errors: [] });
    const real = JSON.parse(await run("import", file, "--format", "json"));
    expect(real).toMatchObject({ created: { objectives: 1, keyResults: 1 }, errors: [] });
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      `${header}\nS-2,2027 Q2,personal,nobody@acme.test,做深华南市场,华南签约客户从 0 到 20 家,number,0,20,家\n`,
    );
    // The dry run lists the row; the real run is refused whole, naming it.
    await expect(run("import", bad, "--dry-run")).rejects.toThrow(/the file has errors/);
    await expect(run("import", bad)).rejects.toThrow(
      /422 import.invalid[\s\S]*nobody@acme.test|422 import.invalid/,
    );
    const objectives = await server.request("GET", `/objectives?cycleId=${company.cycles.quarter}`, {
      as: company.owner,
    });
    expect(objectives.body.map((o: { title: string }) => o.title)).not.toContain("做深华南市场");
  });
});
