import { deflateRawSync } from "node:zlib";
import type { ImportReport } from "@luodi/core";
import { CONTRACT_HEADERS } from "@luodi/core";
import { testDialects } from "@luodi/db";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompany } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";
import { multipart } from "./multipart-body.ts";

/*
 * POST /import through the real HTTP app: a dry run reports and writes nothing, a real run writes all or
 * nothing, the same file twice changes nothing, and every kind of bad input is named by row and column in
 * the caller's language.
 */

type Company = Awaited<ReturnType<typeof buildCompany>>;
/** An answer of POST /import: the report, or the contract's error. */
type Body = ImportReport & { error: { code: string; message: string } };

const HEADER = "external_id,cycle,level,owner,objective,key_result,type,start,target,unit";

/** A zip archive of the given entries, deflated: enough to hand-craft workbooks a spreadsheet would not write. */
function zip(entries: ReadonlyArray<{ name: string; data: Buffer; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC left 0: the reader under test must stop on size before it checks it
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("OKRs");
  build(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testDialects())("POST /import, on %s", (dialect) => {
  let server: TestServer;
  let company: Company;

  const upload = async (
    as: Credentials,
    name: string,
    data: Buffer | string,
    query = "",
    locale = "en",
  ): Promise<{ status: number; body: Body }> => {
    const body = multipart(name, data);
    const reply = await server.app.inject({
      method: "POST",
      url: `/api/v1/import${query}`,
      headers: { ...body.headers, cookie: as.cookie ?? "", "accept-language": locale },
      payload: body.payload,
    });
    return { status: reply.statusCode, body: reply.json() };
  };
  const counts = async () => {
    const { db } = server.db;
    const objectives = await db
      .selectFrom("objective")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const keyResults = await db
      .selectFrom("keyResult")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { objectives: Number(objectives.n), keyResults: Number(keyResults.n) };
  };
  /** Expects the file refused with these errors (code at row and column), and nothing written. */
  const expectRefused = async (
    name: string,
    data: Buffer | string,
    expected: Array<{ row: number; column: string; code: string }>,
    as: Credentials = company.owner,
  ) => {
    const before = await counts();
    const dry = await upload(as, name, data, "?dryRun=true");
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual(expected);
    for (const error of dry.body.errors) expect(error.message).not.toMatch(/^import\./);
    const real = await upload(as, name, data);
    expect(real.status).toBe(422);
    expect(real.body.error.code).toBe("import.invalid");
    expect(await counts()).toEqual(before);
    return dry.body;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    company = await buildCompany(server);
  });
  afterAll(async () => server.close());

  it("dry-runs a CSV file: a report with the coach's findings, and nothing written", async () => {
    const csv = [
      HEADER,
      "S-1,2027 Q2,personal,sue@acme.test,Win back lapsed customers,Renewals from 0 to 10,number,0,10,家",
      "S-2,2027 Q2,personal,sue@acme.test,Win back lapsed customers,Churn from 8% to 5%,percentage,8,5,%",
      "E-1,2027 Q2,department,Engineering/Platform,Make deploys boring,Weekly deploys from 2 to 20,,2,20,",
    ].join("\n");
    const before = await counts();
    const reply = await upload(company.owner, "okrs.csv", csv, "?dryRun=true");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      dryRun: true,
      format: "csv",
      rows: 3,
      created: { objectives: 2, keyResults: 3 },
      updated: { objectives: 0, keyResults: 0 },
      errors: [],
    });
    const [sue, platform] = reply.body.objectives;
    expect(sue).toMatchObject({
      row: 2,
      level: "personal",
      owner: "sue@acme.test",
      action: "create",
      id: null,
    });
    expect(sue?.keyResults.map((kr) => [kr.row, kr.type, kr.startValue, kr.targetValue])).toEqual([
      [2, "number", "0", "10"],
      [3, "percentage", "8", "5"],
    ]);
    expect(platform?.keyResults[0]?.type).toBe("number");
    expect(typeof sue?.coach.score).toBe("number");
    expect(Array.isArray(sue?.coach.findings)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("imports for real, then the same file changes nothing, and a changed title or target updates", async () => {
    const rows = [
      HEADER,
      "P-1,2027 Q2,personal,pat@acme.test,Make the platform self-serve,Self-serve setups from 10% to 60%,percentage,10,60,%",
      "P-2,2027 Q2,personal,pat@acme.test,Make the platform self-serve,Tickets per week from 40 to 10,number,40,10,",
    ];
    const first = await upload(company.owner, "pat.csv", rows.join("\n"));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      created: { objectives: 1, keyResults: 2 },
      errors: [],
    });
    const id = first.body.objectives[0]?.id as string;
    const objective = await server.request("GET", `/objectives/${id}`, { as: company.as.pat });
    expect(objective.body).toMatchObject({
      status: "draft",
      level: "personal",
      ownerUserId: company.users.pat,
    });
    expect(
      objective.body.keyResults.map((kr: { title: string; targetValue: number; direction: string }) => [
        kr.title,
        kr.targetValue,
        kr.direction,
      ]),
    ).toEqual([
      ["Self-serve setups from 10% to 60%", 60, "increase"],
      ["Tickets per week from 40 to 10", 10, "decrease"],
    ]);

    const before = await counts();
    const again = await upload(company.owner, "pat.csv", rows.join("\n"));
    expect(again.body).toMatchObject({
      created: { objectives: 0, keyResults: 0 },
      updated: { objectives: 0, keyResults: 0 },
      unchanged: { objectives: 1, keyResults: 2 },
    });
    expect(await counts()).toEqual(before);

    const changed = [
      HEADER,
      rows[1]
        ?.replace("Self-serve setups from 10% to 60%", "Self-serve setups from 10% to 70%")
        .replace(",60,%", ",70,%"),
      rows[2],
      "P-3,2027 Q2,personal,pat@acme.test,Make the platform self-serve,Docs pages rated helpful from 50% to 80%,percentage,50,80,%",
    ].join("\n");
    const update = await upload(company.owner, "pat.csv", changed);
    expect(update.body).toMatchObject({
      created: { objectives: 0, keyResults: 1 },
      updated: { objectives: 1, keyResults: 1 },
      unchanged: { objectives: 0, keyResults: 1 },
    });
    const after = await server.request("GET", `/objectives/${id}`, { as: company.as.pat });
    expect(after.body.keyResults.map((kr: { targetValue: number }) => kr.targetValue)).toEqual([70, 10, 80]);
    expect((await upload(company.owner, "pat.csv", changed)).body.unchanged).toEqual({
      objectives: 1,
      keyResults: 3,
    });
  });

  it("imports the cycle's own JSON and CSV exports back changing nothing", async () => {
    for (const format of ["json", "csv"]) {
      const file = await server.app.inject({
        method: "GET",
        url: `/api/v1/cycles/${company.cycles.quarter}/export?format=${format}`,
        headers: { cookie: company.owner.cookie ?? "" },
      });
      const before = await counts();
      const back = await upload(company.owner, `export.${format}`, file.rawPayload);
      expect(back.status, JSON.stringify(back.body).slice(0, 300)).toBe(200);
      expect(back.body.format).toBe(format);
      expect(back.body.created).toEqual({ objectives: 0, keyResults: 0 });
      expect(back.body.updated).toEqual({ objectives: 0, keyResults: 0 });
      expect(back.body.unchanged.keyResults).toBeGreaterThan(0);
      expect(await counts()).toEqual(before);
    }
  });

  it("reads Chinese headers in GB18030, and answers in Chinese", async () => {
    const text = [
      "外部编号,周期,层级,负责人,目标,关键结果,类型,起始值,目标值,单位",
      "SAL-1,2027 Q2,部门,Sales,续约全部落地,续约客户从 0 增加到 12 家,数值,0,12,家",
      "SAL-2,2027 Q2,部门,销售部,续约全部落地,流失率从 8% 降到 5%,百分比,8,5,%",
    ].join("\r\n");
    const gb18030 = Buffer.from(new TextEncoderGb18030().encode(text));
    const reply = await upload(company.owner, "销售.csv", gb18030, "?dryRun=true", "zh-CN");
    expect(reply.status).toBe(200);
    expect(reply.body.objectives[0]).toMatchObject({
      title: "续约全部落地",
      level: "department",
      owner: "Sales",
    });
    expect(reply.body.errors).toEqual([
      {
        row: 3,
        column: "负责人",
        code: "import.department_unknown",
        message: expect.stringContaining("不存在部门“销售部”"),
      },
    ]);
  });

  it("imports a Markdown outline into the cycle it is given, for the caller", async () => {
    const outline = "# 让新客户顺利上手\n\n- 激活率从 40% 提升到 60%\n- 首次见效时间从 7 天缩短到 2 天\n";
    const missing = await upload(company.as.sue, "plan.md", outline, "?dryRun=true");
    expect(missing.body.errors.map((e) => e.code)).toEqual(["import.required"]);
    const reply = await upload(company.as.sue, "plan.md", outline, `?cycleId=${company.cycles.quarter}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ format: "markdown", created: { objectives: 1, keyResults: 2 } });
    const objective = await server.request("GET", `/objectives/${reply.body.objectives[0]?.id}`, {
      as: company.as.sue,
    });
    expect(objective.body).toMatchObject({ ownerUserId: company.users.sue, title: "让新客户顺利上手" });
    expect(objective.body.keyResults.map((kr: { type: string }) => kr.type)).toEqual(["boolean", "boolean"]);
  });

  it("names every bad row by row and column, and writes nothing", async () => {
    const body = await expectRefused(
      "bad.csv",
      [
        HEADER,
        "B-1,2027 Q2,personal,nobody@acme.test,Objective one,KR one,number,0,10,",
        "B-2,2027 Q9,personal,sue@acme.test,Objective two,KR two,number,0,10,",
        "B-3,2027 Q2,team,sue@acme.test,Objective three,KR three,number,0,10,",
        "B-4,2027 Q2,personal,sue@acme.test,Objective four,KR four,number,zero,10,",
        "B-4,2027 Q2,personal,sue@acme.test,Objective four,KR five,number,0,10,",
        "B-6,2027 Q2,personal,sue@acme.test,Objective four,KR six,number,5,5,",
        "B-7,2027 Q2,department,Nowhere/Else,Objective seven,KR seven,number,0,10,",
        "B-8,2027 Q2,personal,sue@acme.test,Objective eight,KR eight,milestone,,,",
        "B-9,2027 Q2,personal,sue@acme.test,Objective nine,KR nine,number,,,",
      ].join("\n"),
      [
        { row: 2, column: "owner", code: "import.owner_unknown" },
        { row: 3, column: "cycle", code: "import.cycle_unknown" },
        { row: 4, column: "level", code: "import.level" },
        { row: 5, column: "start", code: "import.number" },
        { row: 6, column: "external_id", code: "import.duplicate_external_id" },
        { row: 7, column: "target", code: "kr.target_equals_start" },
        { row: 8, column: "owner", code: "import.department_unknown" },
        { row: 9, column: "type", code: "import.type_unsupported" },
        { row: 10, column: "target", code: "kr.fields" },
      ],
    );
    expect(body.errors[0]?.message).toBe("No active member has the email “nobody@acme.test”.");
  });

  it("refuses missing and unknown columns at the header row", async () => {
    await expectRefused("cols.csv", "cycle,objective,goal\n2027 Q2,Grow,Sales from 1 to 2\n", [
      { row: 1, column: "goal", code: "import.column_unknown" },
      { row: 1, column: "key_result", code: "import.column_missing" },
    ]);
  });

  it("lets a member import their own objectives and their reports', never someone else's", async () => {
    const csv = (owner: string, id: string) =>
      `${HEADER}\n${id},2027 Q2,personal,${owner},Own it ${id},Done ${id},boolean,,,\n`;
    expect(
      (await upload(company.as.sam, "mine.csv", csv("sue@acme.test", "SAM-1"), "?dryRun=true")).body.errors,
    ).toEqual([]);
    await expectRefused(
      "theirs.csv",
      csv("pat@acme.test", "SUE-1"),
      [{ row: 2, column: "owner", code: "import.permission" }],
      company.as.sue,
    );
  });

  it("reads xlsx: formulas by their computed value, merged objective cells down the rows; refuses dates, formulas without a value and merges across columns", async () => {
    const good = await workbook((sheet) => {
      sheet.addRow([...CONTRACT_HEADERS]);
      sheet.addRow([
        "X-1",
        "2027 Q2",
        "personal",
        "eve@acme.test",
        "Hire the platform team",
        "Engineers hired from 0 to 4",
        "number",
        0,
        { formula: "2*2", result: 4 },
        "人",
      ]);
      sheet.addRow([
        "X-2",
        null,
        null,
        null,
        null,
        "Offer acceptance from 50% to 80%",
        "percentage",
        50,
        80,
        "%",
      ]);
      sheet.mergeCells("B2:B3");
      sheet.mergeCells("C2:C3");
      sheet.mergeCells("D2:D3");
      sheet.mergeCells("E2:E3");
    });
    const reply = await upload(company.owner, "hire.xlsx", good, "?dryRun=true");
    expect(reply.body.errors).toEqual([]);
    expect(reply.body.objectives).toHaveLength(1);
    expect(reply.body.objectives[0]?.keyResults.map((kr) => kr.targetValue)).toEqual(["4", "80"]);

    const bad = await workbook((sheet) => {
      sheet.addRow([...CONTRACT_HEADERS]);
      const dated = sheet.addRow([
        "Y-1",
        "2027 Q2",
        "personal",
        "eve@acme.test",
        "Ship it",
        "Releases from 1 to 3",
        "number",
        1,
        new Date("2027-03-05"),
        "",
      ]);
      dated.getCell(9).numFmt = "yyyy-mm-dd";
      sheet.addRow([
        "Y-2",
        "2027 Q2",
        "personal",
        "eve@acme.test",
        "Ship it",
        "Bugs from 30 to 5",
        "number",
        { formula: "A1+1" },
        5,
        "",
      ]);
      sheet.addRow(["Y-3", "2027 Q2", "personal", "eve@acme.test", "Ship it", "Merged", "number", 1, 9, ""]);
      sheet.mergeCells("H4:I4");
    });
    await expectRefused("ship.xlsx", bad, [
      { row: 2, column: "target", code: "import.date_as_number" },
      { row: 3, column: "start", code: "import.formula" },
      { row: 4, column: "start", code: "import.merged_cells" },
    ]);
  });

  it("keeps Chinese text whole in a large workbook, where it straddles the reader's chunks", async () => {
    const phrase = "提升客户满意度并缩短交付周期让每一位新客户都能在第一周内顺利上手使用全部核心功能";
    const expected: string[] = [];
    const file = await workbook((sheet) => {
      sheet.addRow([...CONTRACT_HEADERS]);
      for (let o = 0; o < 8; o++) {
        for (let k = 0; k < 20; k++) {
          const title = `${phrase.slice(k)}${phrase.slice(0, k)}${phrase}${phrase}第${o}-${k}项`;
          expected.push(title);
          sheet.addRow([
            `ZH-${o}-${k}`,
            "2027 Q2",
            "personal",
            "ada@acme.test",
            `目标${o}：${phrase}`,
            title,
            "数值",
            0,
            10,
            "项",
          ]);
        }
      }
    });
    const reply = await upload(company.owner, "大表.xlsx", file, "?dryRun=true", "zh-CN");
    expect(reply.body.errors).toEqual([]);
    const titles = reply.body.objectives.flatMap((o) => o.keyResults.map((kr) => kr.title));
    expect(titles).toEqual(expected);
    expect(JSON.stringify(reply.body.objectives)).not.toContain("\uFFFD");
  });

  it("refuses files it cannot take: too large, too many rows, zip bombs, other encodings, other formats", async () => {
    const tooLarge = await upload(company.owner, "big.csv", Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, "import.too_large"]);

    const manyRows = `${HEADER}\n${"R,2027 Q2,personal,sue@acme.test,O,K,boolean,,,\n".repeat(100_001)}`;
    const rows = await upload(company.owner, "rows.csv", manyRows);
    expect([rows.status, rows.body.error.code]).toEqual([413, "import.too_many_rows"]);

    // 300 MB of one repeated byte deflates to a few hundred kilobytes.
    const bomb = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(300 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const exploded = await upload(company.owner, "bomb.xlsx", bomb);
    expect([exploded.status, exploded.body.error.code]).toEqual([413, "import.unpacked_too_large"]);

    const latin1 = Buffer.from(
      `${HEADER}\nL-1,2027 Q2,personal,sue@acme.test,Caf\xe9 \xe0 la carte,Done,boolean,,,\n`,
      "latin1",
    );
    const encoding = await upload(company.owner, "latin1.csv", latin1, "", "zh-CN");
    expect([encoding.status, encoding.body.error.code]).toEqual([400, "import.encoding"]);
    expect(encoding.body.error.message).toContain("UTF-8");

    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const old = await upload(company.owner, "old.xls", xls);
    expect([old.status, old.body.error.code]).toEqual([422, "import.unsupported_format"]);

    const none = await server.app.inject({
      method: "POST",
      url: "/api/v1/import",
      headers: { cookie: company.owner.cookie ?? "", "content-type": "application/json" },
      payload: "{}",
    });
    expect([none.statusCode, none.json().error.code]).toEqual([400, "import.no_file"]);
  });

  it("serves the template: an OKRs sheet and instructions in both languages, which imports back", async () => {
    const reply = await server.app.inject({
      method: "GET",
      url: "/api/v1/import/template?format=xlsx",
      headers: { cookie: company.owner.cookie ?? "", "accept-language": "zh-CN" },
    });
    expect(reply.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["OKRs", "说明 Instructions"]);
    expect(book.getWorksheet("OKRs")?.getRow(1).getCell(5).value).toBe("目标");
    const notes = book.getWorksheet("说明 Instructions");
    expect(String(notes?.getRow(2).getCell(4).value)).toContain("importing the file again updates");
    expect(String(notes?.getRow(2).getCell(5).value)).toContain("再次导入同一文件");
    const dry = await upload(company.owner, "template.xlsx", reply.rawPayload, "?dryRun=true", "zh-CN");
    expect(dry.body.rows).toBe(2);
    expect(dry.body.errors.map((e) => e.code)).toEqual(["import.department_unknown"]);
  });
});

/**
 * GB18030 bytes of a text of ASCII and common Chinese characters: Node decodes GB18030 natively but has no
 * encoder, so the test carries the code points it needs (checked against Node's decoder below).
 */
class TextEncoderGb18030 {
  encode(text: string): Uint8Array {
    const bytes: number[] = [];
    for (const character of text) {
      const code = character.codePointAt(0) ?? 0;
      if (code < 0x80) {
        bytes.push(code);
        continue;
      }
      const pair = GB18030_PAIRS.get(character);
      if (!pair) throw new Error(`no GB18030 bytes for ${character}`);
      bytes.push(...pair);
    }
    return Uint8Array.from(bytes);
  }
}

const GB18030_PAIRS: ReadonlyMap<string, [number, number]> = (() => {
  // Every two-byte GBK sequence decoded once: the inverse of Node's own decoder.
  const pairs = new Map<string, [number, number]>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const character = decoder.decode(Uint8Array.from([lead, trail]));
      if (character.length === 1 && !pairs.has(character)) pairs.set(character, [lead, trail]);
    }
  }
  return pairs;
})();
