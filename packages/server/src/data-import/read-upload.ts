import { AppError, type ImportTable } from "@luodi/core";
import { decodeText, readCsv, readJson, readMarkdown } from "./read-text.ts";
import { readXlsxInWorker } from "./read-xlsx-in-worker.ts";

/** The formats an import reads. */
type ImportFormat = "xlsx" | "csv" | "json" | "markdown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the binary .xls of Excel 97–2003
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

/**
 * The format of an upload, by its content first (a workbook is a zip whatever its name says) and then by
 * its name's extension; a text file without a telling extension is JSON when it opens like JSON, CSV when
 * its first line has a delimiter, and a Markdown outline otherwise.
 */
function sniffFormat(name: string, data: Uint8Array): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (startsWith(data, ZIP)) {
    if (extension === "" || extension === "xlsx" || extension === "xlsm") return "xlsx";
    throw new AppError("import.unsupported_format", { format: `.${extension} (zip)` });
  }
  if (startsWith(data, OLE) || extension === "xls") {
    throw new AppError("import.unsupported_format", { format: "Excel 97–2003 (.xls)" });
  }
  if (startsWith(data, PDF)) throw new AppError("import.unsupported_format", { format: "PDF" });
  if (extension === "xlsx")
    throw new AppError("import.unreadable", { format: "xlsx", reason: "not a zip archive" });
  if (extension === "csv" || extension === "tsv") return "csv";
  if (extension === "json") return "json";
  if (extension === "md" || extension === "markdown" || extension === "txt") return "markdown";
  const head = new TextDecoder("utf-8")
    .decode(data.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{")) return "json";
  const firstLine = head.split("\n")[0] ?? "";
  return /[,;\t]/.test(firstLine) ? "csv" : "markdown";
}

/** Reads an upload into a table of rows, whatever its format. */
export async function readUpload(
  name: string,
  data: Buffer,
  options: { maxRows: number },
): Promise<{ format: ImportFormat; table: ImportTable }> {
  const format = sniffFormat(name, data);
  if (format === "xlsx") return { format, table: await readXlsxInWorker(data, options) };
  const text = decodeText(data);
  const table =
    format === "csv" ? readCsv(text, options) : format === "json" ? readJson(text) : readMarkdown(text);
  if (table.rows.length > options.maxRows)
    throw new AppError("import.too_many_rows", { max: options.maxRows });
  return { format, table };
}
