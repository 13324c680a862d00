import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

export const SSO_KEY = ["sso"] as const;

/** What sign-in offers: single sign-on and its button's name, and whether passwords are off. */
export function useSsoStatus() {
  return useQuery({
    queryKey: SSO_KEY,
    queryFn: ({ signal }) => api.auth.sso(signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * Where the "Sign in with …" button goes: the server's route that sends the browser to the identity
 * provider, with the page to come back to.
 */
export function ssoLoginHref(next: string): string {
  return `/api/v1/auth/oidc/login${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`;
}

/** The error codes the sign-in callback sends the browser back with, and their message in the catalogue. */
const SSO_ERRORS = {
  "auth.sso_state": "login.sso.errors.sso_state",
  "auth.sso_failed": "login.sso.errors.sso_failed",
  "auth.sso_email_unverified": "login.sso.errors.sso_email_unverified",
  "auth.sso_unavailable": "login.sso.errors.sso_unavailable",
  "auth.sso_not_configured": "login.sso.errors.sso_not_configured",
  "auth.deactivated": "login.sso.errors.deactivated",
} as const;

type SsoErrorKey = (typeof SSO_ERRORS)[keyof typeof SSO_ERRORS];

/** The catalogue key of the message for a sign-in error the server sent the browser back with. */
export function ssoErrorKey(code: string | null): SsoErrorKey | null {
  if (!code) return null;
  return Object.hasOwn(SSO_ERRORS, code)
    ? SSO_ERRORS[code as keyof typeof SSO_ERRORS]
    : "login.sso.errors.sso_failed";
}
