import type { Command } from "commander";
import { vi } from "vitest";
import { createProgram } from "../program.ts";

/** Runs `luodi …args` in-process (for tests) and returns what it printed on standard output. */
export async function luodi(...args: string[]): Promise<string> {
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    const program = createProgram();
    // Errors throw instead of exiting the test process, in sub-commands of sub-commands too.
    const overrideExit = (command: Command) => {
      command.exitOverride();
      for (const child of command.commands) overrideExit(child);
    };
    overrideExit(program);
    await program.parseAsync(["node", "luodi", ...args]);
  } finally {
    write.mockRestore();
  }
  return out;
}
