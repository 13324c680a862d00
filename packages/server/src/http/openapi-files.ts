/** An OpenAPI document as far as this step reads it. */
type Document = {
  paths?: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
};

/**
 * Routes that answer a file (an export, a calendar) name its media types with `produces`, which the OpenAPI
 * generator applies to every answer of the route; their errors are still the contract's JSON, so each
 * non-2xx answer is put back to `application/json` alone.
 */
export function errorsInJson<D extends object>(document: D): D {
  // The generator's own document types differ by OpenAPI version; this step reads only paths and responses.
  for (const item of Object.values((document as Document).paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (/^2\d\d$/.test(status) || !response.content) continue;
        const types = Object.keys(response.content);
        if (types.length === 1 && types[0] === "application/json") continue;
        const schema = Object.values(response.content)[0]?.schema;
        response.content = { "application/json": { schema } };
      }
    }
  }
  return document;
}
