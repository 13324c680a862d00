import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode, type ImportTable } from "@luodi/core";

/*
 * exceljs's reader makes hundreds of megabytes of short-lived objects for a sheet of 40,000 rows, and the
 * server's heap grew by as much before collecting them: importing the 10,000-person organization peaked
 * over 500 MB. In a worker thread under its own heap limit the same reading is collected as it goes, only
 * the table (tens of megabytes) comes back, and the parsing no longer holds up the server's other requests.
 */
const WORKER_URL = new URL("./xlsx-worker.mjs", import.meta.url);

/** The worker's heap: the largest import (100,000 rows) keeps about 60 MB of rows. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 };

type WorkerAnswer =
  | { table: ImportTable }
  | { refusal: { code: ErrorCode; params: Record<string, unknown>; details: [] } }
  | { failure: string };

/** `readXlsx`, run on a worker thread of its own that ends with the reading. */
export async function readXlsxInWorker(data: Buffer, options: { maxRows: number }): Promise<ImportTable> {
  // A copy of its own, handed over without another copy: the upload's buffer may share its memory.
  const bytes = new Uint8Array(data);
  const worker = new Worker(WORKER_URL, {
    workerData: { data: bytes, maxRows: options.maxRows },
    transferList: [bytes.buffer],
    resourceLimits: WORKER_LIMITS,
  });
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the workbook reader stopped (exit ${code})`)));
    });
    if ("table" in answer) return answer.table;
    if ("refusal" in answer)
      throw new AppError(answer.refusal.code, answer.refusal.params, answer.refusal.details);
    throw new AppError("import.unreadable", { format: "xlsx", reason: answer.failure });
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Out of its heap: a workbook that unpacks into more than an import may hold.
    const outOfMemory = (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
    throw new AppError("import.unreadable", {
      format: "xlsx",
      reason: outOfMemory ? "too large to read" : (error as Error).message,
    });
  } finally {
    await worker.terminate();
  }
}
