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
      checks: ["pkce", "state"],
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
        logger.error({ path: "auth", code, message: metadata instanceof Error ? metadata.message : undefined }, "auth error");
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") logger.warn({ path: "auth", code }, "auth warning");
      },
      debug() {},
    },
  };
  return cached;
}
