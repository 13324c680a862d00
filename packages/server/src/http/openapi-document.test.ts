import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPENAPI_FILE, producedOpenApiText } from "./openapi-document.ts";

describe("the checked-in OpenAPI document", () => {
  it("is exactly what the server produces (run `npm run openapi` after changing the contract)", async () => {
    const produced = await producedOpenApiText();
    const stored = readFileSync(OPENAPI_FILE, "utf8");
    // Compare parsed documents first, so a failure names the first differing part instead of a 300 kB string.
    expect(JSON.parse(stored)).toEqual(JSON.parse(produced));
    expect(stored).toBe(produced);
  });
});
