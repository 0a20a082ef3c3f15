import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv, isSsoEnabled } from "~/env";
import { isDatabaseUnavailable } from "~/server/errors";
import { briefly, logger } from "~/server/log";
import { authenticateWithPassword, recordSignInAttempt, resolveSsoUser, type SignInResult } from "./identity";

/** Error codes the sign-in page turns into sentences. */
export const SIGN_IN_ERRORS = {
  invalid: "InvalidCredentials",
  deactivated: "AccountDeactivated",
  notProvisioned: "NotProvisioned",
  unavailable: "SignInUnavailable",
} as const;

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        let result: SignInResult;
        try {
          result = await authenticateWithPassword(credentials);
          if (credentials?.email) {
            await recordSignInAttempt({ email: credentials.email, result, method: "password", now: new Date() });
          }
        } catch (error) {
          // next-auth puts a thrown message into the redirect URL: never the database's text.
          if (isDatabaseUnavailable(error)) logger.warn({ path: "signIn", cause: briefly(error).message }, "database unavailable");
          else logger.error({ path: "signIn", err: error }, "unexpected error");
          throw new Error(SIGN_IN_ERRORS.unavailable);
        }
        if (!result.ok) {
          throw new Error(result.reason === "deactivated" ? SIGN_IN_ERRORS.deactivated : SIGN_IN_ERRORS.invalid);
        }
        return { id: result.user.id, name: result.user.name, email: result.user.email };
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
          // The JWT must carry our user id, not the provider's subject.
          user.id = result.user.id;
          return true;
        }
        return `/signin?error=${result.reason === "deactivated" ? SIGN_IN_ERRORS.deactivated : SIGN_IN_ERRORS.notProvisioned}`;
      },
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
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
