/**
 * A real OpenID Connect provider for the browser tests: `oidc-provider` (an OpenID Certified
 * implementation of OpenID Connect), started on plain http on the loopback interface, with no
 * network. It plays the company's identity provider for company SSO (docs/architecture.md):
 *
 * - one confidential client (the portal), whose only redirect URIs are the portal's
 *   `/api/auth/callback/oidc` addresses; PKCE is required, as a real provider may require it;
 * - the provider's own login page (username and password, checked) and consent page, served
 *   by this module through oidc-provider's interaction API (its development-only pages are off);
 * - a company directory that starts empty: a test adds the people it needs through
 *   `addDirectoryAccount` (oidc-directory.ts: an HTTP call to this server, since the provider
 *   runs in the web server's process and the tests in Playwright's workers).
 *
 * The provider is left at its defaults where they matter to a relying party: the ID token of
 * the code flow carries only the subject, and `email` / `name` come from the userinfo endpoint
 * (`conformIdTokenClaims`, OpenID Connect Core 5.4), as with strict providers in the field.
 */
import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider, { errors, type Configuration } from "oidc-provider";
import { DIRECTORY_PATH, type DirectoryAccount } from "./oidc-directory";

export interface OidcProviderOptions {
  /** Host name in the issuer URL; the server listens on 127.0.0.1. */
  host?: string;
  port: number;
  client: { id: string; secret: string; redirectUris: string[] };
}

export interface RunningOidcProvider {
  issuer: string;
  stop(): Promise<void>;
}

const COMPANY = "Example Corp";

export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const issuer = `http://${options.host ?? "localhost"}:${options.port}`;
  /** By subject; usernames are unique too. */
  const directory = new Map<string, DirectoryAccount & { sub: string }>();
  const byUsername = (username: string) => [...directory.values()].find((a) => a.username === username);

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        client_name: "Servewise",
        redirect_uris: options.client.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, sub) {
      const account = directory.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }) };
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    jwks: { keys: [{ ...signingKey, kid: "e2e-signing-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page("Sign-in error", `<h1>Sign-in error</h1><p data-testid="idp-error">${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ""))}</p>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  const providerCallback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new errors.SessionNotFound("interaction mismatch");
    const { prompt, params } = details;
    if (req.method === "GET" && !action) {
      if (prompt.name === "login") return send(res, 200, loginPage(uid, null));
      if (prompt.name === "consent") return send(res, 200, consentPage(uid, prompt.details, String(params.scope ?? "")));
      return send(res, 501, page("Not implemented", `<p>Prompt ${escapeHtml(prompt.name)} is not implemented.</p>`));
    }
    if (req.method !== "POST") return send(res, 405, page("Method not allowed", ""));
    const form = new URLSearchParams(await readBody(req));
    switch (action) {
      case "login": {
        if (prompt.name !== "login") throw new errors.InvalidRequest("not a login prompt");
        const account = byUsername(form.get("username") ?? "");
        if (!account || !samePassword(account.password, form.get("password") ?? "")) {
          return send(res, 401, loginPage(uid, "Wrong username or password."));
        }
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      }
      case "confirm": {
        if (prompt.name !== "consent") throw new errors.InvalidRequest("not a consent prompt");
        const accountId = details.session?.accountId;
        if (!accountId) throw new errors.SessionNotFound("no signed-in account");
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId, clientId: String(params.client_id) });
        if (!grant) throw new errors.SessionNotFound("grant not found");
        const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        const grantId = await grant.save();
        return provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
      }
      case "abort":
        return provider.interactionFinished(
          req,
          res,
          { error: "access_denied", error_description: "The person declined to share their account." },
          { mergeWithLastSubmission: false },
        );
      default:
        return send(res, 404, page("Not found", ""));
    }
  }

  async function addAccount(req: IncomingMessage, res: ServerResponse) {
    const account = JSON.parse(await readBody(req)) as Partial<DirectoryAccount>;
    const { username, password, email, name } = account;
    if (!username || !password || !email || !name) return send(res, 400, "username, password, email and name are required");
    if (byUsername(username)) return send(res, 409, `${username} is taken`);
    const sub = randomUUID();
    directory.set(sub, { username, password, email, name, sub });
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ sub }));
  }

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(path);
    const handled = match
      ? interaction(req, res, match[1]!, match[2])
      : path === DIRECTORY_PATH && req.method === "POST"
        ? addAccount(req, res)
        : undefined;
    if (!handled) return void providerCallback(req, res);
    handled.catch((error: unknown) => {
      if (res.headersSent) return res.end();
      const known = error instanceof errors.OIDCProviderError;
      send(res, known ? error.status : 500, page("Sign-in error", `<h1>Sign-in error</h1><p data-testid="idp-error">${escapeHtml(known ? `${error.error}: ${error.error_description ?? ""}` : String(error))}</p>`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

function samePassword(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 64 * 1024) throw new errors.InvalidRequest("request body too large");
  }
  return body;
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": body.startsWith("<!doctype") ? "text/html; charset=utf-8" : "text/plain", "cache-control": "no-store" }).end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · ${COMPANY}</title></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid: string, error: string | null): string {
  return page(
    "Sign in",
    `<h1>${COMPANY} sign-in</h1>
    ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
    <form method="post" action="/interaction/${uid}/login">
      <label>Username <input name="username" autocomplete="username" required autofocus></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

function consentPage(uid: string, details: unknown, scope: string): string {
  const missing = (details as { missingOIDCScope?: string[] }).missingOIDCScope ?? scope.split(" ");
  return page(
    "Share your account",
    `<h1>Share your ${COMPANY} account with Servewise?</h1>
    <p>Servewise asks for:</p>
    <ul>${missing.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>
    <form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>
    <form method="post" action="/interaction/${uid}/abort"><button type="submit">Deny</button></form>`,
  );
}
