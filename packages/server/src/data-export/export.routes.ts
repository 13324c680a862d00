import { AppError, canManageOrg, errorResponses, idParamsSchema } from "@luodi/core";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { callerOf } from "../http/caller.ts";
import type { ZodApp } from "../http/types.ts";
import { appraisalTable, collectCycleExport } from "./cycle-export.ts";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportCsv,
  exportJson,
  exportXlsx,
  tablesToXlsx,
  tableToCsv,
} from "./encode-export.ts";

const exportQuerySchema = z.object({ format: z.enum(["xlsx", "csv", "json"]).default("xlsx") }).strict();
const appraisalQuerySchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }).strict();

/** Data out (api.md *Data in and out*): a cycle's OKRs as a file, only what the caller may see. */
export async function exportRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  app.get(
    "/cycles/:id/export",
    {
      schema: {
        tags: ["data in and out"],
        description:
          "The cycle's objectives, key results, check-ins, scores and 复盘 the caller may see, as a file: xlsx (a sheet each, headers in the organization's language), CSV (the key results, one per row in the import template's columns, UTF-8 with a byte-order mark) or JSON.",
        params: idParamsSchema,
        querystring: exportQuerySchema,
        produces: Object.values(EXPORT_FORMATS).map((f) => f.type.split(";")[0] ?? f.type),
        response: {
          200: z.string().meta({ description: "The file.", format: "binary" }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      const format: ExportFormat = request.query.format;
      const data = await collectCycleExport(caller, request.params.id);
      const locale = caller.auth.org.locale;
      const file =
        format === "xlsx"
          ? exportXlsx(data, locale)
          : format === "csv"
            ? await exportCsv(data, locale)
            : exportJson(data);
      const { type, extension } = EXPORT_FORMATS[format];
      const name = `${data.cycle.name}.${extension}`;
      return (
        reply
          .type(type)
          .header(
            "content-disposition",
            `attachment; filename="cycle.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          // Bytes go out as they are (Fastify serializes no Buffer or stream); the 200 schema documents the file only.
          .send(file as unknown as string)
      );
    },
  );

  app.get(
    "/cycles/:id/appraisal",
    {
      schema: {
        tags: ["data in and out"],
        description:
          "The appraisal export (考核协同, admins only): per person and KR, the self, manager and final scores, the scoring comment, the objective's score and 复盘, for HR systems. Scores are an input, never the formula: nothing is weighed, ranked or paid.",
        params: idParamsSchema,
        querystring: appraisalQuerySchema,
        produces: [EXPORT_FORMATS.xlsx.type, "text/csv"],
        response: {
          200: z.string().meta({ description: "The file.", format: "binary" }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(ctx, request);
      if (!canManageOrg(caller.auth.actor)) throw new AppError("permission.denied");
      const format: ExportFormat = request.query.format;
      const table = await appraisalTable(caller, await collectCycleExport(caller, request.params.id));
      const file = format === "csv" ? await tableToCsv(table) : tablesToXlsx([table]);
      const { type, extension } = EXPORT_FORMATS[format];
      return (
        reply
          .type(type)
          .header("content-disposition", `attachment; filename="appraisal.${extension}"`)
          // Bytes go out as they are (Fastify serializes no Buffer or stream); the 200 schema documents the file only.
          .send(file as unknown as string)
      );
    },
  );
}
