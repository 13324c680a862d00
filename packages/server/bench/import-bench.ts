import ExcelJS from "exceljs";

/** What the import bench measured. */
export type ImportBenchResult = {
  /** The server's resident memory when the import starts (a fresh server). */
  rssBeforeMb: number;
  rows: number;
  fileBytes: number;
  dryRunSeconds: number;
  importSeconds: number;
  created: { objectives: number; keyResults: number };
  errorCount: number;
  peakRssMb: number;
  /** Targets of issue 11: under 60 s and 500 MB. */
  met: boolean;
  /** The export of the whole quarter as xlsx that the import file is made from: issue 11's < 20 s. */
  exportSeconds: number;
  exportBytes: number;
  exportPeakRssMb: number;
  firstErrors: string[];
};

const MB = 1024 * 1024;
const TEMPLATE = [
  "external_id",
  "objective_external_id",
  "cycle",
  "level",
  "owner",
  "objective",
  "key_result",
  "type",
  "start",
  "target",
  "unit",
];

/**
 * The whole organization's quarter, exported as xlsx and turned into an import file for a new, empty
 * cycle (new external ids, so every row creates; milestone and roll-up key results as done / not done, which is
 * what a row can say): then a dry run and the real import through
 * POST /import, timed, with the server's peak memory over the import.
 */
export async function importBench(options: {
  baseUrl: string;
  token: string;
  quarter: { id: string; startDate: string; endDate: string };
  /** The server's peak resident memory since the last call (the window starts anew). */
  takeWindowPeak: () => number;
  /** Restarts the server: the export before the import leaves its heap behind, which is not the import's. */
  restart: () => Promise<void>;
  /** The server's resident memory now. */
  rssNow: () => number;
}): Promise<ImportBenchResult> {
  const { baseUrl, token } = options;
  const auth = { authorization: `Bearer ${token}` };
  options.takeWindowPeak();
  const exportStart = performance.now();
  const exported = await fetch(`${baseUrl}/api/v1/cycles/${options.quarter.id}/export?format=xlsx`, {
    headers: auth,
  });
  if (!exported.ok) throw new Error(`export → ${exported.status}`);
  const exportedBytes = Buffer.from(await exported.arrayBuffer());
  const exportSeconds = (performance.now() - exportStart) / 1000;
  const exportPeakRssMb = options.takeWindowPeak() / MB;
  const name = `Import bench ${Date.now()}`;
  const cycle = await fetch(`${baseUrl}/api/v1/cycles`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({
      name,
      kind: "custom",
      startDate: options.quarter.startDate,
      endDate: options.quarter.endDate,
    }),
  });
  if (!cycle.ok) throw new Error(`POST /cycles → ${cycle.status}: ${await cycle.text()}`);

  // The export's key results sheet, read with the streaming reader, rewritten in the template's columns.
  const out = new ExcelJS.Workbook();
  const sheet = out.addWorksheet("OKRs");
  sheet.addRow(TEMPLATE);
  // Read whole in the bench's own process (exceljs's streaming reader would break Chinese text, see
  // data-import/read-xlsx.ts); the server's memory is what is measured.
  const exportedBook = new ExcelJS.Workbook();
  await exportedBook.xlsx.load(exportedBytes as unknown as ArrayBuffer);
  let rows = 0;
  for (const worksheet of exportedBook.worksheets) {
    let header: string[] | null = null;
    worksheet.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? "" : String(v)));
      if (!header) {
        header = values;
        return;
      }
      if (!header.includes("key_result") && !header.includes("关键结果")) return;
      const columns = header;
      const at = (...names: string[]) => values[columns.findIndex((h) => names.includes(h))] ?? "";
      sheet.addRow([
        `bench-${at("external_id", "外部编号")}`,
        `bench-${at("objective_external_id", "目标外部编号")}`,
        name,
        at("level", "层级"),
        at("owner", "负责人"),
        at("objective", "目标"),
        at("key_result", "关键结果"),
        // A row cannot list milestones, nor what a roll-up gathers: those key results come in as done/not done.
        ["milestone", "rollup", "里程碑", "汇总"].includes(at("type", "类型"))
          ? "boolean"
          : at("type", "类型"),
        at("start", "起始值"),
        at("target", "目标值"),
        at("unit", "单位"),
      ]);
      rows += 1;
    });
    if (rows > 0) break;
  }
  const file = Buffer.from(await out.xlsx.writeBuffer());

  const send = async (dryRun: boolean) => {
    const body = new FormData();
    body.append("file", new Blob([file]), "bench.xlsx");
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/import?dryRun=${dryRun}`, {
      method: "POST",
      headers: auth,
      body,
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  await options.restart();
  const rssBeforeMb = options.rssNow() / MB;
  options.takeWindowPeak();
  const dry = await send(true);
  const real = await send(false);
  const peakRssMb = options.takeWindowPeak() / MB;
  const report = (real.status === 200 ? real.json : dry.json) as {
    created?: { objectives: number; keyResults: number };
    errorCount?: number;
    errors?: Array<{ row: number; column: string; message: string }>;
    error?: { message: string; details: Array<{ path: string; message: string }> };
  };
  const firstErrors = [
    ...(report.errors ?? []).slice(0, 5).map((e) => `row ${e.row} ${e.column}: ${e.message}`),
    ...(real.status === 200 ? [] : [`${real.status} ${JSON.stringify(real.json).slice(0, 300)}`]),
  ];
  return {
    rssBeforeMb,
    rows,
    fileBytes: file.length,
    dryRunSeconds: dry.seconds,
    importSeconds: real.seconds,
    created: report.created ?? { objectives: 0, keyResults: 0 },
    errorCount: report.errorCount ?? 0,
    peakRssMb,
    met: real.status === 200 && real.seconds < 60 && peakRssMb < 500,
    firstErrors,
    exportSeconds,
    exportBytes: exportedBytes.length,
    exportPeakRssMb,
  };
}
