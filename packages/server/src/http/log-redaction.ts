import type { FastifyRequest } from "fastify";

// Paths that carry a one-time secret: the API's invitation links and the web app's pages that open them.
const SECRET_IN_PATH = /\/(invitations|invite|reset-password)\/[^/?#]+/g;

/** A URL as the logs may show it: the secret of an invitation or password link replaced by "…". */
export function redactLinkSecrets(url: string): string {
  return url.replace(SECRET_IN_PATH, "/$1/…");
}

/**
 * The logger's view of a request: Fastify's own fields, with the URL's one-time secrets left out, so that
 * whoever reads the logs cannot accept an invitation or set someone's password.
 */
export const requestLogSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactLinkSecrets(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
};
