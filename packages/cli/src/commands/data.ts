import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  ApiError,
  type Cycle,
  createClient,
  type LuodiClient,
  NetworkError,
  type Objective,
} from "@luodi/client";
import type { ImportReport } from "@luodi/core";
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import { type Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import { CliError } from "../config-options.ts";

/*
 * The data commands (issue 11, item 8) work against a running Luodi through its API, as any integration
 * would: a URL and a personal API token (`POST /tokens`, or the profile page), never the database.
 */

type Format = "table" | "json" | "csv";
type ApiFlags = { url: string; token?: string; orgId?: string; lang?: string; format: Format };

function addApiOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--url <url>", "the Luodi server").env("LUODI_URL").default("http://localhost:3000"),
    )
    .addOption(
      new Option("--token <token>", "a personal API token (create one on your profile page)").env(
        "LUODI_TOKEN",
      ),
    )
    .addOption(
      new Option("--org-id <id>", "the organization, when you belong to several").env("LUODI_ORG_ID"),
    )
    .addOption(
      new Option("--lang <locale>", "language of messages").choices(["zh-CN", "en"]).env("LUODI_LANG"),
    );
}

function addFormatOption(command: Command): Command {
  return command.addOption(
    new Option("--format <format>", "how to print").choices(["table", "json", "csv"]).default("table"),
  );
}

function tokenOf(flags: ApiFlags): string {
  if (!flags.token)
    throw new CliError("an API token is needed: --token or LUODI_TOKEN (create one on your profile page)");
  return flags.token;
}

function clientOf(flags: ApiFlags): LuodiClient {
  return createClient({
    baseUrl: flags.url,
    token: tokenOf(flags),
    locale: () => flags.lang,
    orgId: () => flags.orgId,
    timeoutMs: 120_000,
  });
}

/** Headers of the raw requests (files up and down) the JSON client does not make. */
function headersOf(flags: ApiFlags): Record<string, string> {
  return {
    authorization: `Bearer ${tokenOf(flags)}`,
    ...(flags.orgId ? { "x-org-id": flags.orgId } : {}),
    ...(flags.lang ? { "accept-language": flags.lang } : {}),
  };
}

/** An API refusal as one line (and its details), the server's message in the caller's language. */
function cliErrorOf(error: unknown): unknown {
  if (error instanceof ApiError) {
    const details = error.details
      .map((d) => `\n  ${[d.path, d.message].filter(Boolean).join(": ")}`)
      .join("");
    return new CliError(`${error.message} (${error.status} ${error.code})${details}`);
  }
  if (error instanceof NetworkError) return new CliError(error.message);
  return error;
}

async function answered<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw cliErrorOf(error);
  }
}

/** Prints rows as a table (wide characters aligned), JSON or CSV (UTF-8 with BOM, as Excel reads Chinese). */
function printRows(
  format: Format,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): void {
  if (format === "json") {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (format === "csv") {
    process.stdout.write(
      `\uFEFF${stringify(
        rows.map((row) => columns.map((c) => row[c] ?? "")),
        { header: true, columns: [...columns] },
      )}`,
    );
    return;
  }
  const table = new Table({ head: [...columns], style: { head: [], border: [] } });
  for (const row of rows) table.push(columns.map((c) => String(row[c] ?? "")));
  process.stdout.write(`${table.toString()}\n`);
}

/** A progress bar on stderr when it is a terminal; nothing when output goes to a file or a test. */
function progressBar(total: number, unit: string): { update: (n: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `{bar} {percentage}% | {value}/{total} ${unit}`,
    stream: process.stderr,
    hideCursor: true,
  });
  bar.start(total, 0);
  return { update: (n) => bar.update(n), stop: () => bar.stop() };
}

/** The cycle named (by id or name), else the quarter in progress, else the newest. */
async function cycleOf(api: LuodiClient, wanted: string | undefined): Promise<Cycle> {
  const cycles = await api.cycles.list();
  if (wanted) {
    const found = cycles.find((c) => c.id === wanted || c.name === wanted);
    if (!found)
      throw new CliError(`no cycle ${wanted}; the cycles are: ${cycles.map((c) => c.name).join(", ")}`);
    return found;
  }
  const running = cycles.find((c) => c.kind === "quarter" && c.phase === "in_progress");
  const newest = [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const cycle = running ?? newest;
  if (!cycle) throw new CliError("there is no cycle yet");
  return cycle;
}

const percent = (share: number | null) => (share === null ? "" : `${Math.round(share * 100)}%`);

/** `luodi okr list`: the objectives and KRs of a cycle the token's owner may see. */
function registerOkrList(program: Command): void {
  const okr = program.command("okr").description("OKRs through the API");
  const list = okr
    .command("list")
    .description("the objectives and key results of a cycle that you may see")
    .option("--cycle <name-or-id>", "the cycle (default: the quarter in progress)")
    .option("--mine", "only objectives you own");
  addFormatOption(addApiOptions(list)).action(async (flags: ApiFlags & { cycle?: string; mine?: boolean }) =>
    answered(async () => {
      const api = clientOf(flags);
      const cycle = await cycleOf(api, flags.cycle);
      const me = flags.mine ? await api.auth.me() : null;
      const objectives: Objective[] = [];
      let cursor: string | undefined;
      const bar = progressBar(0, "objectives");
      do {
        const page = await api.objectives.page({
          cycleId: cycle.id,
          ...(me ? { ownerUserId: me.user.id } : {}),
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        objectives.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        bar.update(objectives.length);
      } while (cursor);
      bar.stop();
      const [members, departments] = await Promise.all([api.members.list(), api.departments.list()]);
      const names = new Map<string, string>([
        ...members.map((m) => [m.userId, m.name] as [string, string]),
        ...departments.map((d) => [d.id, d.name] as [string, string]),
      ]);
      const rows = objectives.flatMap((o) => {
        const owner = names.get(o.ownerUserId ?? o.ownerDepartmentId ?? "") ?? "";
        const head = {
          id: o.id,
          level: o.level,
          owner,
          title: o.title,
          status: o.status,
          progress: percent(o.progress),
          health: o.health ?? "",
          confidence: "",
        };
        return [
          head,
          ...o.keyResults.map((kr) => ({
            id: kr.id,
            level: "kr",
            owner: names.get(kr.ownerUserId ?? "") ?? "",
            title: flags.format === "table" ? `  └ ${kr.title}` : kr.title,
            status: "",
            progress: percent(kr.progress),
            health: kr.health ?? "",
            confidence: kr.confidence ?? "",
          })),
        ];
      });
      printRows(
        flags.format,
        ["id", "level", "owner", "title", "status", "progress", "health", "confidence"],
        rows,
      );
    }),
  );
}

/** `luodi check-in`: one check-in, safe to retry (an Idempotency-Key is sent). */
function registerCheckIn(program: Command): void {
  const command = program
    .command("check-in")
    .description("check a key result in: its new value, your confidence (0–10) and a note")
    .argument("<key-result-id>", "the KR (ids are shown by `luodi okr list`)")
    .option("--value <number>", "the new value (number, percentage and currency KRs)")
    .option("--done <milestone-ids...>", "milestones done (milestone KRs)")
    .requiredOption("--confidence <0-10>", "how sure you are that the KR will be reached", (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 10)
        throw new CliError("--confidence is a whole number from 0 to 10");
      return n;
    })
    .option("--note <text>", "what moved, what blocks");
  addFormatOption(addApiOptions(command)).action(
    async (
      keyResultId: string,
      flags: ApiFlags & { value?: string; done?: string[]; confidence: number; note?: string },
    ) =>
      answered(async () => {
        const api = clientOf(flags);
        const result = await api.keyResults.checkIn(
          keyResultId,
          {
            confidence: flags.confidence,
            ...(flags.value !== undefined ? { value: flags.value } : {}),
            ...(flags.done ? { milestonesDone: flags.done } : {}),
            ...(flags.note ? { note: flags.note } : {}),
          },
          randomUUID(),
        );
        const kr = result.keyResult;
        printRows(
          flags.format,
          ["keyResult", "value", "progress", "health", "confidence"],
          [
            {
              keyResult: kr.title,
              value: kr.currentValue ?? "",
              progress: percent(kr.progress),
              health: kr.health ?? "",
              confidence: kr.confidence ?? "",
            },
          ],
        );
      }),
  );
}

/** `luodi export`: a cycle as xlsx, CSV or JSON, only what the token's owner may see. */
function registerExport(program: Command): void {
  const command = program
    .command("export")
    .description("download a cycle's OKRs, check-ins, scores and reviews (xlsx, csv or json)")
    .option("--cycle <name-or-id>", "the cycle (default: the quarter in progress)")
    .addOption(new Option("--as <format>", "file format").choices(["xlsx", "csv", "json"]).default("xlsx"))
    .option("--out <file>", "where to write it (default: <cycle>.<format>)");
  addApiOptions(command).action(async (flags: ApiFlags & { cycle?: string; as: string; out?: string }) =>
    answered(async () => {
      const cycle = await cycleOf(clientOf(flags), flags.cycle);
      const path = resolve(flags.out ?? `${cycle.name.replace(/[\\/:*?"<>|\s]+/g, "-")}.${flags.as}`);
      if (existsSync(path)) throw new CliError(`${path} exists already; choose another file with --out`);
      const response = await fetch(
        `${flags.url.replace(/\/+$/, "")}/api/v1/cycles/${encodeURIComponent(cycle.id)}/export?format=${flags.as}`,
        { headers: headersOf(flags) },
      );
      if (!response.ok || !response.body) throw await refusalOf(response);
      const total = Number(response.headers.get("content-length") ?? 0);
      const bar = progressBar(total, "bytes");
      let received = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          bar.update(received);
          done(null, chunk);
        },
      });
      await pipeline(
        Readable.fromWeb(response.body as never),
        count,
        createWriteStream(path, { flags: "wx" }),
      );
      bar.stop();
      process.stdout.write(`wrote ${cycle.name} to ${path} (${received} bytes)\n`);
    }),
  );
}

/** The contract's error answer of a raw request, as the JSON client would have thrown it. */
async function refusalOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { code: string; message: string; details?: [] } };
    if (body.error)
      return new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? []);
  } catch {
    // Not the contract's shape: say what came.
  }
  return new CliError(`HTTP ${response.status} ${response.statusText}`);
}

/** `luodi import`: a file (xlsx, csv, json, Markdown) checked, then written all or nothing. */
function registerImport(program: Command): void {
  const command = program
    .command("import")
    .description("import OKRs from xlsx, CSV (UTF-8 or GB18030), JSON or a Markdown outline: all or nothing")
    .argument("<file>", "the file (download the template with GET /api/v1/import/template)")
    .option("--dry-run", "check every row and report, write nothing");
  addFormatOption(addApiOptions(command)).action(
    async (file: string, flags: ApiFlags & { dryRun?: boolean }) =>
      answered(async () => {
        const path = resolve(file);
        if (!existsSync(path)) throw new CliError(`no file at ${path}`);
        const size = statSync(path).size;
        const bar = progressBar(size, "bytes");
        let sent = 0;
        const stream = createReadStream(path).on("data", (chunk) => {
          sent += chunk.length;
          bar.update(sent);
        });
        const blob = await new Response(Readable.toWeb(stream) as ReadableStream).blob();
        const form = new FormData();
        form.set("file", blob, basename(path));
        const response = await fetch(
          `${flags.url.replace(/\/+$/, "")}/api/v1/import${flags.dryRun ? "?dryRun=true" : ""}`,
          { method: "POST", headers: headersOf(flags), body: form },
        );
        bar.stop();
        const text = await response.text();
        let report: ImportReport | null = null;
        try {
          const body = JSON.parse(text) as ImportReport & { error?: unknown };
          if (!body.error) report = body;
        } catch {
          report = null;
        }
        if (!report)
          throw await refusalOf(
            new Response(text, { status: response.status, statusText: response.statusText }),
          );
        if (flags.format === "json") {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else if (report.errors.length > 0) {
          printRows(flags.format, ["sheet", "row", "column", "message"], report.errors);
        }
        const verb = flags.dryRun ? "would create" : "created";
        process.stderr.write(
          `${verb} ${report.created.objectives} objectives and ${report.created.keyResults} key results, ` +
            `updated ${report.updated.objectives} and ${report.updated.keyResults}; ${report.errors.length} error(s)\n`,
        );
        if (report.errors.length > 0)
          throw new CliError(
            flags.dryRun ? "the file has errors" : "nothing was written: the file has errors",
          );
      }),
  );
}

export function registerDataCommands(program: Command): void {
  registerOkrList(program);
  registerCheckIn(program);
  registerExport(program);
  registerImport(program);
}
