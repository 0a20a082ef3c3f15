import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv, isSsoEnabled } from "~/env";
import { safeCallbackPath } from "~/lib/callback-path";
import { SIGN_IN_ERRORS, tooManyAttemptsCode } from "~/lib/sign-in-errors";
import { isDatabaseUnavailable } from "~/server/errors";
import { briefly, logger } from "~/server/log";
import { clientAddress } from "./client-address";
import { recordSignInAttempt, resolveSsoUser, revokeSessionsOnSignOut, signInWithPassword, type PasswordSignIn } from "./identity";

export { SIGN_IN_ERRORS };

/** The code next-auth passes to the sign-in page for a refused password sign-in. */
function refusalCode(result: Exclude<PasswordSignIn, { ok: true }>): string {
  switch (result.reason) {
    case "too-many-attempts":
      return tooManyAttemptsCode(result.retryAfterSeconds);
    case "busy":
      return SIGN_IN_ERRORS.busy;
    case "deactivated":
      return SIGN_IN_ERRORS.deactivated;
    default:
      return SIGN_IN_ERRORS.invalid;
  }
}

/** Whether the portal is served over HTTPS (its public URL says so): Secure cookies, HSTS. */
export function isServedOverHttps(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const address = clientAddress(req?.headers ?? {}, env.TRUST_PROXY);
        let result: PasswordSignIn;
        try {
          result = await signInWithPassword(credentials, { method: "password", address, now: new Date() });
        } catch (error) {
          // next-auth puts the thrown message into the sign-in page's URL: never a driver's text.
          if (isDatabaseUnavailable(error)) logger.warn({ path: "signIn", cause: briefly(error).message }, "database unavailable");
          else logger.error({ path: "signIn", err: error }, "unexpected error");
          result = { ok: false, reason: "busy" };
        }
        if (!result.ok) throw new Error(refusalCode(result));
        const { id, name, email, sessionVersion } = result.user;
        return { id, name, email, sessionVersion };
      },
    }),
  ];
  if (isSsoEnabled(env)) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      // openid-client checks the ID token (signature, issuer, audience, expiry) and these; the
      // nonce ties the token to this browser's sign-in (cookie), as state ties the callback.
      checks: ["pkce", "state", "nonce"],
      // A provider may keep email and name out of the ID token when it also issues an access
      // token (OpenID Connect Core 5.4): then they come from userinfo, whose subject must match.
      userinfo: {
        async request({ tokens, client }) {
          // next-auth types the tokens by their fields; at run time they are openid-client's TokenSet.
          const tokenSet = tokens as Exclude<Parameters<typeof client.userinfo>[0], string>;
          const claims = tokenSet.claims();
          return claims.email ? claims : { ...claims, ...(await client.userinfo(tokenSet)) };
        },
      },
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.email ?? profile.sub };
      },
    });
  }

  cached = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    // `__Secure-` prefixed, Secure cookies whenever the portal's public URL is HTTPS.
    useSecureCookies: isServedOverHttps(),
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return `/signin?error=${SIGN_IN_ERRORS.notProvisioned}`;
        const result = await resolveSsoUser({
          email: user.email,
          name: user.name ?? user.email,
          autoProvision: env.OIDC_AUTO_PROVISION,
        });
        await recordSignInAttempt({ email: user.email, result, method: "sso", now: new Date() });
        if (result.ok) {
          // The JWT must carry our user id, not the provider's subject, and our session version.
          user.id = result.user.id;
          user.sessionVersion = result.user.sessionVersion;
          return true;
        }
        return `/signin?error=${result.reason === "deactivated" ? SIGN_IN_ERRORS.deactivated : SIGN_IN_ERRORS.notProvisioned}`;
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = user.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        session.sessionVersion = token.sv ?? 0;
        return session;
      },
      // Only paths on this site, normalised (src/lib/callback-path.ts).
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeCallbackPath(path)}`;
      },
    },
    events: {
      // Signing out revokes the user's sessions everywhere: the cookie just cleared, and copies of it.
      async signOut({ token }) {
        if (token?.sub) await revokeSessionsOnSignOut(token.sub, token.sv ?? 0, new Date());
      },
    },
    logger: {
      // next-auth logs failed sign-ins with the thrown message only; never credentials.
      error(code, metadata) {
        if (code === "CREDENTIALS_SIGNIN_ERROR" || code === "CLIENT_FETCH_ERROR") return;
        // OAuth errors come as { error, providerId }: their message says which check failed.
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        logger.error({ path: "auth", code, message: error instanceof Error ? error.message : undefined }, "auth error");
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") logger.warn({ path: "auth", code }, "auth warning");
      },
      debug() {},
    },
  };
  return cached;
}
