import { writeFileSync } from "node:fs";
import { OPENAPI_FILE, producedOpenApiText } from "../src/http/openapi-document.ts";

// `npm run openapi`: writes the contract the server produces to packages/server/openapi.json for review.
writeFileSync(OPENAPI_FILE, await producedOpenApiText());
console.log(`wrote ${OPENAPI_FILE}`);
