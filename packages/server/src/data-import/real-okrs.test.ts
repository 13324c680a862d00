import { existsSync, readdirSync, readFileSync } from "node:fs";
import { MAX_TITLE } from "@luodi/core";
import { testDialects } from "@luodi/db";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOrganization } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import { multipart } from "./multipart-body.ts";

/*
 * The 458 real objectives in ../shared/data/real-okrs/ (other organisations' published OKRs, referenced and
 * never copied) import from CSV and from xlsx and come back out of the export as they went in: titles, key
 * results in order, targets. A fresh clone has no ../shared: this file skips there (test/global-setup.ts
 * says so in one line); CI must have it.
 */

const REAL_OKRS_DIR = new URL("../../../../../shared/data/real-okrs/", import.meta.url);
const isSharedMissing = !existsSync(REAL_OKRS_DIR) && !process.env.CI;

type RealObjective = {
  title: string;
  owner?: string | null;
  period?: string | null;
  keyResults: Array<{ title: string }>;
};
type Entry = RealObjective & { id: string; cycle: string; department: string };

/** How many objectives one department gets per cycle here, under the organization's limit of 50. */
const PER_DEPARTMENT = 40;

function readRealOkrs(): Entry[] {
  const entries: Entry[] = [];
  const perOwner = new Map<string, number>();
  for (const file of readdirSync(REAL_OKRS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const stem = file.replace(/\.json$/, "");
    const { objectives } = JSON.parse(readFileSync(new URL(file, REAL_OKRS_DIR), "utf8")) as {
      objectives: RealObjective[];
    };
    objectives.forEach((objective, index) => {
      const cycle = objective.period ?? "undated";
      const owner = `${stem} ${(objective.owner ?? "company").replace(/\//g, "-")}`;
      const key = `${cycle}\u0000${owner}`;
      const n = perOwner.get(key) ?? 0;
      perOwner.set(key, n + 1);
      const department = n < PER_DEPARTMENT ? owner : `${owner} (${Math.floor(n / PER_DEPARTMENT) + 1})`;
      entries.push({ ...objective, id: `${stem}#${index}`, cycle, department });
    });
  }
  return entries;
}

/** The dates a period names ("FY22-Q3 (2021-08-01..2021-10-31)", "2018-Q1", "2019 Q2"). */
function datesOf(period: string): { startDate: string; endDate: string } {
  const explicit = /(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})/.exec(period);
  if (explicit) return { startDate: explicit[1] ?? "", endDate: explicit[2] ?? "" };
  const quarter = /(\d{4})\D+Q([1-4])/.exec(period);
  if (quarter) {
    const q = Number(quarter[2]);
    const start = `${quarter[1]}-${String(q * 3 - 2).padStart(2, "0")}-01`;
    const end = new Date(Date.UTC(Number(quarter[1]), q * 3, 0)).toISOString().slice(0, 10);
    return { startDate: start, endDate: end };
  }
  return { startDate: "2020-01-01", endDate: "2020-12-31" };
}

const HEADER = [
  "objective_external_id",
  "external_id",
  "cycle",
  "level",
  "owner",
  "objective",
  "key_result",
  "type",
];

function rowsOf(entries: readonly Entry[]): string[][] {
  return entries.flatMap((entry) => {
    const head = [entry.id, "", entry.cycle, "department", entry.department, entry.title];
    if (entry.keyResults.length === 0) return [[...head, "", ""]];
    return entry.keyResults.map((kr, k) => {
      const row = [...head, kr.title, "boolean"];
      row[1] = `${entry.id}.${k}`;
      return row;
    });
  });
}

function csvOf(rows: readonly string[][]): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [HEADER, ...rows].map((row) => row.map(quote).join(",")).join("\n");
}

async function xlsxOf(rows: readonly string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("OKRs");
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.skipIf(isSharedMissing).each(testDialects())("the real OKRs of ../shared, on %s", (dialect) => {
  const entries = isSharedMissing ? [] : readRealOkrs();
  // Every one fits: titles are as long as people write them (the longest has 586 characters).
  const fits = entries.filter((e) => e.title.length <= MAX_TITLE);
  let servers: TestServer[] = [];

  /** An organization with the departments and cycles the real OKRs name. */
  async function organization(): Promise<{
    server: TestServer;
    owner: Credentials;
    cycles: Map<string, string>;
  }> {
    const server = await startTestServer(dialect);
    servers.push(server);
    const { owner, rootDepartmentId } = await setupOrganization(server);
    const org = await server.request("GET", "/org", { as: owner });
    const settings = await server.request("PATCH", "/org", {
      as: owner,
      body: { settings: { ...org.body.settings, maxObjectivesPerOwner: 50 } },
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    for (const name of new Set(entries.map((e) => e.department))) {
      const reply = await server.request("POST", "/departments", {
        as: owner,
        body: { name, parentId: rootDepartmentId },
      });
      expect(reply.status).toBe(201);
    }
    const cycles = new Map<string, string>();
    for (const name of new Set(entries.map((e) => e.cycle))) {
      const reply = await server.request("POST", "/cycles", {
        as: owner,
        body: { name, kind: "custom", ...datesOf(name) },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      cycles.set(name, reply.body.id);
    }
    return { server, owner, cycles };
  }

  const upload = async (
    server: TestServer,
    as: Credentials,
    name: string,
    data: Buffer | string,
    query = "",
  ) => {
    const body = multipart(name, data);
    const reply = await server.app.inject({
      method: "POST",
      url: `/api/v1/import${query}`,
      headers: { ...body.headers, cookie: as.cookie ?? "" },
      payload: body.payload,
    });
    return { status: reply.statusCode, body: reply.json() };
  };

  /** Every objective the cycles export as JSON, by external id: title, key result titles in order, targets. */
  async function exported(server: TestServer, owner: Credentials, cycles: Map<string, string>) {
    const out = new Map<
      string,
      { title: string; keyResults: Array<{ title: string; targetValue: unknown }> }
    >();
    for (const id of cycles.values()) {
      const reply = await server.app.inject({
        method: "GET",
        url: `/api/v1/cycles/${id}/export?format=json`,
        headers: { cookie: owner.cookie ?? "" },
      });
      for (const o of JSON.parse(reply.body).objectives) {
        out.set(o.externalId, {
          title: o.title,
          keyResults: o.keyResults.map((kr: { title: string; targetValue: unknown }) => ({
            title: kr.title,
            targetValue: kr.targetValue,
          })),
        });
      }
    }
    return out;
  }

  function expectLossless(out: Awaited<ReturnType<typeof exported>>) {
    expect(out.size).toBe(fits.length);
    for (const entry of fits) {
      expect(out.get(entry.id), entry.id).toEqual({
        title: entry.title,
        keyResults: entry.keyResults.map((kr) => ({ title: kr.title, targetValue: null })),
      });
    }
  }

  beforeAll(() => {
    servers = [];
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it("are 458 objectives, every one with a title an objective takes", () => {
    expect(entries).toHaveLength(458);
    expect(fits).toHaveLength(entries.length);
  });

  it("import from CSV and export back without loss", async () => {
    const { server, owner, cycles } = await organization();
    const rows = rowsOf(entries);
    const dry = await upload(server, owner, "real.csv", csvOf(rows), "?dryRun=true");
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([]);

    const real = await upload(server, owner, "real.csv", csvOf(rowsOf(fits)));
    expect(real.status, JSON.stringify(real.body).slice(0, 500)).toBe(200);
    const keyResults = fits.reduce((n, e) => n + e.keyResults.length, 0);
    expect(real.body.created).toEqual({ objectives: fits.length, keyResults });
    expectLossless(await exported(server, owner, cycles));

    const again = await upload(server, owner, "real.csv", csvOf(rowsOf(fits)));
    expect(again.body.created).toEqual({ objectives: 0, keyResults: 0 });
    expect(again.body.updated).toEqual({ objectives: 0, keyResults: 0 });
  });

  it("import from xlsx and export back without loss; the export imports back changing nothing", async () => {
    const { server, owner, cycles } = await organization();
    const real = await upload(server, owner, "real.xlsx", await xlsxOf(rowsOf(fits)));
    expect(real.status, JSON.stringify(real.body).slice(0, 500)).toBe(200);
    expect(real.body.created.objectives).toBe(fits.length);
    expectLossless(await exported(server, owner, cycles));

    const cycleId = [...cycles.values()][0] ?? "";
    const file = await server.app.inject({
      method: "GET",
      url: `/api/v1/cycles/${cycleId}/export?format=xlsx`,
      headers: { cookie: owner.cookie ?? "" },
    });
    const back = await upload(server, owner, "export.xlsx", file.rawPayload);
    expect(back.status, JSON.stringify(back.body).slice(0, 500)).toBe(200);
    expect(back.body.created).toEqual({ objectives: 0, keyResults: 0 });
    expect(back.body.updated).toEqual({ objectives: 0, keyResults: 0 });
    expect(back.body.unchanged.keyResults).toBeGreaterThan(0);
  });
});
