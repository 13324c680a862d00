import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

/*
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) on 127.0.0.1 for
 * tests: authorization code with PKCE required, one confidential client, people who sign in on its own
 * small login page with a username and a password. Consent is given by the provider itself for its one
 * first-party client (loadExistingGrant), as company identity providers do for their own applications.
 * The provider starts listening before it knows its client's redirect URI (the Luodi server it serves may
 * not be listening yet): `register` sets the client and opens it for business.
 */

/** A person at the provider, signing in with `username` and `password`. */
type ProviderAccount = {
  password: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
};

export type TestOidcProvider = {
  /** The issuer URL (OIDC_ISSUER). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people who may sign in, by username (their `sub`); change them freely between sign-ins. */
  accounts: Map<string, ProviderAccount>;
  /** Registers the client's redirect URI; until then the provider answers 503. */
  register: (redirectUri: string) => void;
  close: () => Promise<void>;
};

export async function startOidcProvider(): Promise<TestOidcProvider> {
  const accounts = new Map<string, ProviderAccount>();
  const clientId = "luodi";
  const clientSecret = randomBytes(24).toString("base64url");
  let provider: Provider | null = null;
  let handle: ReturnType<Provider["callback"]> | null = null;
  const server = createServer((req, res) => {
    if (!provider || !handle) {
      res.writeHead(503).end("not registered yet");
      return;
    }
    if (req.url?.startsWith("/interaction/")) {
      interaction(provider, accounts, req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      });
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" };
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    register: (redirectUri) => {
      const configuration: Configuration = {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        // A sign-in without PKCE (or with plain) is refused, so the tests prove the server sends S256.
        pkce: { required: () => true, methods: ["S256"] },
        jwks: { keys: [jwk as never] },
        cookies: { keys: [randomBytes(16).toString("hex")] },
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
        features: { devInteractions: { enabled: false } },
        adapter: MemoryAdapter,
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          Grant: 3600,
          IdToken: 600,
          Interaction: 600,
          Session: 3600,
        },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        findAccount: (_ctx, sub) => {
          const account = accounts.get(sub);
          if (!account) return undefined;
          return {
            accountId: sub,
            claims: () => ({
              sub,
              ...(account.email === undefined ? {} : { email: account.email }),
              ...(account.emailVerified === undefined ? {} : { email_verified: account.emailVerified }),
              ...(account.name === undefined ? {} : { name: account.name }),
            }),
          };
        },
        loadExistingGrant: async (ctx) => {
          const accountId = ctx.oidc.session?.accountId;
          const client = ctx.oidc.client;
          if (!accountId || !client) return undefined;
          const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
          grant.addOIDCScope("openid email profile");
          await grant.save();
          return grant;
        },
      };
      provider = new Provider(issuer, configuration);
      handle = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Its artifacts (sessions, codes, grants) in memory, as oidc-provider's adapter interface asks. */
type Payload = Record<string, unknown> & { uid?: string; userCode?: string; grantId?: string };
const stored = new Map<string, Payload>();
class MemoryAdapter {
  constructor(private readonly model: string) {}
  private key(id: string) {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: Payload): Promise<void> {
    stored.set(this.key(id), payload);
  }
  async find(id: string): Promise<Payload | undefined> {
    return stored.get(this.key(id));
  }
  async findByUid(uid: string): Promise<Payload | undefined> {
    return [...stored.entries()].find(([k, p]) => k.startsWith(`${this.model}:`) && p.uid === uid)?.[1];
  }
  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return [...stored.entries()].find(
      ([k, p]) => k.startsWith(`${this.model}:`) && p.userCode === userCode,
    )?.[1];
  }
  async consume(id: string): Promise<void> {
    const payload = stored.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    stored.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [k, p] of stored) if (p.grantId === grantId) stored.delete(k);
  }
}

/** The provider's login page: a username and a password, checked against the accounts. */
async function interaction(
  provider: Provider,
  accounts: Map<string, ProviderAccount>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "POST") {
    const form = new URLSearchParams(await bodyOf(req));
    const username = form.get("username") ?? "";
    const account = accounts.get(username);
    if (!account || account.password !== form.get("password")) {
      loginPage(res, details.uid, "Wrong username or password.");
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: username } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  loginPage(res, details.uid, "");
}

function loginPage(res: ServerResponse, uid: string, problem: string): void {
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Test IdP</title></head>
<body><h1>Test IdP</h1>${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form></body></html>`);
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
