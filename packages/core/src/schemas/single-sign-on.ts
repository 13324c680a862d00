import { z } from "zod";
import { lineSchema } from "./common.ts";

/** `GET /auth/oidc/login`: where to return after signing in (a path of this site; anything else means `/`). */
export const ssoLoginQuerySchema = z.object({ next: lineSchema(2000).optional() }).strict();

/**
 * `GET /auth/oidc/callback`: the identity provider's authorization response. Providers add parameters of
 * their own (`session_state`, `scope`…), so unknown ones pass; the grant reads what it needs from the URL.
 */
export const ssoCallbackQuerySchema = z.looseObject({
  code: lineSchema(4096).optional(),
  state: lineSchema(512).optional(),
  iss: lineSchema(2000).optional(),
  error: lineSchema(200).optional(),
  error_description: lineSchema(2000).optional(),
});

/** `GET /auth/oidc`: what the sign-in page offers. */
export const ssoStatusSchema = z
  .object({
    /** Single sign-on is configured on this server. */
    enabled: z.boolean(),
    /** The provider's name for the button (OIDC_NAME); null when single sign-on is off. */
    name: z.string().nullable(),
    /** Password sign-in is turned off (owners keep it); false whenever single sign-on is off. */
    passwordLoginDisabled: z.boolean(),
  })
  .strict()
  .meta({ id: "SsoStatus" });
export type SsoStatusAnswer = z.output<typeof ssoStatusSchema>;
