import type { Locale } from "@luodi/core";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { RequestAuth } from "../context.ts";

/** The Fastify instance routes are written against: zod schemas type requests. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyRequest {
    auth: RequestAuth | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** The route answers without a signed-in caller. */
    public?: boolean;
  }
}
