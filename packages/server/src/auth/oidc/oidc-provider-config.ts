import { AppError } from "@luodi/core";
import * as client from "openid-client";
import type { OidcConfig } from "../../config.ts";

/** How long one request to the identity provider may take, in seconds. */
const PROVIDER_TIMEOUT_S = 10;

/**
 * The provider's discovered configuration, per OIDC settings object (one per server): read on first use and
 * kept, since it does not change while the server runs. A failed discovery is not kept, so the next sign-in
 * tries again — an identity provider that was down when the server started does not disable SSO until a
 * restart.
 */
const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** The provider's configuration (discovery on first use); 502 `auth.sso_unavailable` when it cannot be read. */
export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let pending = discovered.get(oidc);
  if (!pending) {
    pending = discover(oidc);
    discovered.set(oidc, pending);
    pending.catch(() => {
      if (discovered.get(oidc) === pending) discovered.delete(oidc);
    });
  }
  return pending;
}

async function discover(oidc: OidcConfig): Promise<client.Configuration> {
  let issuer: URL;
  try {
    issuer = new URL(oidc.issuer);
  } catch (cause) {
    throw withCause(new AppError("auth.sso_unavailable"), cause);
  }
  const insecure = isLoopbackHttp(issuer);
  let found: client.Configuration;
  try {
    found = await client.discovery(issuer, oidc.clientId, undefined, undefined, {
      timeout: PROVIDER_TIMEOUT_S,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } catch (cause) {
    throw withCause(new AppError("auth.sso_unavailable"), cause);
  }
  const metadata = found.serverMetadata();
  // RFC 8414: a provider that lists no methods takes client_secret_basic; some take only the post form.
  const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  const authentication = methods.includes("client_secret_basic")
    ? client.ClientSecretBasic(oidc.clientSecret)
    : client.ClientSecretPost(oidc.clientSecret);
  const configuration = new client.Configuration(metadata, oidc.clientId, oidc.clientSecret, authentication);
  configuration.timeout = PROVIDER_TIMEOUT_S;
  if (insecure) client.allowInsecureRequests(configuration);
  return configuration;
}

/**
 * Plain http is allowed only to a provider on this machine (a development Keycloak, the tests' provider):
 * anywhere else the code and the tokens would cross the network readable.
 */
function isLoopbackHttp(url: URL): boolean {
  if (url.protocol !== "http:") return false;
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/** Whether a failure talking to the provider was the network (unreachable, timed out) rather than its answer. */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

/** An error to answer with, keeping what went wrong underneath for the server's log. */
export function withCause(error: AppError, cause: unknown): AppError {
  return Object.assign(error, { cause });
}
