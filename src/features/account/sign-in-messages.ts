import { SIGN_IN_ERRORS, tooManyAttemptsMessage } from "~/lib/sign-in-errors";

export { safeCallbackPath } from "~/lib/callback-path";

/** Sentences for the sign-in page, keyed by the error codes next-auth passes along. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const tooMany = new RegExp(`^${SIGN_IN_ERRORS.tooManyAttempts}:(\\d{1,6})$`).exec(code);
  if (tooMany) return tooManyAttemptsMessage(Number(tooMany[1]));
  switch (code) {
    case SIGN_IN_ERRORS.invalid:
    case "CredentialsSignin":
      return "That email and password do not match an account. Check them and try again.";
    case SIGN_IN_ERRORS.deactivated:
      return "This account has been deactivated. Ask a Servewise admin to reactivate it.";
    case SIGN_IN_ERRORS.notProvisioned:
      return "Your company account is not registered in Servewise yet. Ask an admin to add you.";
    case SIGN_IN_ERRORS.busy:
      return "Servewise is busy right now. Please try again in a few seconds.";
    case "OAuthSignin":
    case "OAuthCallback":
      // The provider could not be reached, or its answer was refused: a used, expired or foreign
      // callback (state, PKCE), or an ID token not minted for this sign-in (nonce).
      return "Signing in with your company account did not complete. Start again from this page.";
    case "SessionRequired":
      return null;
    default:
      return "Sign-in failed. Please try again.";
  }
}
