// The OKR coach, off the server's main thread (see coach-runner.ts). Plain JavaScript: a worker thread
// starts without its parent's TypeScript loader, so it registers tsx before it imports core's sources.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { reviewOkr } = await import("@luodi/core");

parentPort.on("message", ({ id, input, locale }) => {
  try {
    parentPort.postMessage({ id, review: reviewOkr(input, { locale }) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
