// Reads an uploaded workbook off the server's main thread (see read-xlsx-in-worker.ts). Plain JavaScript:
// a worker thread starts without its parent's TypeScript loader, so it registers tsx before it imports.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readXlsx } = await import("./read-xlsx.ts");

try {
  const table = await readXlsx(Buffer.from(workerData.data), { maxRows: workerData.maxRows });
  parentPort.postMessage({ table });
} catch (error) {
  // An AppError crosses as its parts; the main thread makes it again in the caller's language.
  parentPort.postMessage(
    error && typeof error === "object" && "code" in error && "params" in error
      ? { refusal: { code: error.code, params: error.params, details: error.details ?? [] } }
      : { failure: error instanceof Error ? error.message : String(error) },
  );
}
