import { AppError } from "@luodi/core";
import { CliError } from "./config-options.ts";
import { createProgram } from "./program.ts";

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`luodi: ${describeError(error)}\n`);
  process.exitCode = 1;
}

function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return process.env.LUODI_DEBUG ? (error.stack ?? error.message) : error.message;
  return String(error);
}
