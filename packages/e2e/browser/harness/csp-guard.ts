import { basename } from "node:path";
import { afterAll, afterEach, expect } from "vitest";
import { cspScreensSeen, takeCspViolations } from "./browser.ts";

/*
 * Runs around every browser spec (vitest.config.ts `setupFiles`): a test during which any page reported a
 * Content-Security-Policy violation fails, whatever else it checked. At the end of each file, one line
 * says how many screens it saw without a violation.
 */
let specFile = "";
let violations = 0;

afterEach(() => {
  specFile = basename(expect.getState().testPath ?? "");
  const found = takeCspViolations();
  violations += found.length;
  expect(found, "Content-Security-Policy violations").toEqual([]);
});

afterAll(() => {
  const screens = cspScreensSeen();
  if (screens.length > 0) {
    console.log(
      `CSP: ${violations} violations over ${screens.length} screens in ${specFile}: ${screens.join(", ")}`,
    );
  }
});
