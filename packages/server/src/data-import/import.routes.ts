import multipart from "@fastify/multipart";
import { AppError, errorResponses, idSchema, importReportSchema } from "@luodi/core";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { IMPORT_LIMITS, importOkrs } from "./import-okrs.ts";
import { importTemplate, TEMPLATE_FORMATS } from "./import-template.ts";

const importQuerySchema = z
  .object({
    dryRun: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true")
      .meta({ description: "true: check every row and report, write nothing." }),
    cycleId: idSchema
      .optional()
      .meta({ description: "The cycle of rows that name none (a Markdown outline names none)." }),
  })
  .strict();

const templateQuerySchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }).strict();

type MultipartFailure = { code?: string };

/** Data in (api.md *Data in and out*): OKRs from an uploaded file, and the template to fill in. */
export async function importRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  // Multipart bodies are read by these routes alone; everywhere else a body is JSON.
  await app.register(async (scoped) => {
    await scoped.register(multipart, {
      limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 10, parts: 12, fieldSize: 1024 },
    });
    const api = scoped as unknown as ZodApp;
    api.post(
      "/import",
      {
        schema: {
          tags: ["data in and out"],
          description:
            "Imports OKRs from the multipart field `file`: xlsx (the template, or an export's key results sheet), CSV in UTF-8 or GB18030, JSON as the export writes it, or a Markdown outline. One row per key result; English or Chinese headers. `dryRun=true` checks every row and writes nothing; a real run writes all or nothing (422 `import.invalid` when a row is wrong) and is idempotent by external id. Members import their own objectives and those they may write through the API; admins anyone's. At most 20 MB and 100,000 rows.",
          consumes: ["multipart/form-data"],
          querystring: importQuerySchema,
          response: {
            200: importReportSchema,
            ...errorResponses(400, 401, 404, 413, 422),
          },
        },
      },
      async (request) => {
        const caller = callerOf(ctx, request);
        if (!request.isMultipart()) throw new AppError("import.no_file");
        let upload: { name: string; data: Buffer };
        try {
          const part = await request.file();
          if (part?.fieldname !== "file") throw new AppError("import.no_file");
          upload = { name: part.filename, data: await part.toBuffer() };
        } catch (error) {
          if (error instanceof AppError) throw error;
          const code = (error as MultipartFailure).code;
          if (code === "FST_REQ_FILE_TOO_LARGE") {
            throw new AppError("import.too_large", { max: IMPORT_LIMITS.fileBytes / 1024 / 1024 });
          }
          throw new AppError("import.no_file");
        }
        return importOkrs(caller, upload, {
          dryRun: request.query.dryRun,
          cycleId: request.query.cycleId ?? null,
        });
      },
    );
  });

  app.get(
    "/import/template",
    {
      schema: {
        tags: ["data in and out"],
        description:
          "The import template: xlsx with an OKRs sheet (headers in the caller's language, two example rows) and an instructions sheet in both languages, or the same columns as CSV (UTF-8 with a byte-order mark).",
        querystring: templateQuerySchema,
        produces: Object.values(TEMPLATE_FORMATS).map((f) => f.type.split(";")[0] ?? f.type),
        response: {
          200: z.string().meta({ description: "The file.", format: "binary" }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const format = request.query.format;
      const file = await importTemplate(format, caller.locale);
      const { type, extension } = TEMPLATE_FORMATS[format];
      return (
        reply
          .type(type)
          .header("content-disposition", `attachment; filename="luodi-import-template.${extension}"`)
          // Bytes go out as they are (Fastify serializes no Buffer); the 200 schema documents the file only.
          .send(file as unknown as string)
      );
    },
  );
}
