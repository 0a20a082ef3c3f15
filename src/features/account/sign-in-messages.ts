/** Sentences for the sign-in page, keyed by the error codes next-auth passes along. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case "InvalidCredentials":
    case "CredentialsSignin":
      return "That email and password do not match an account. Check them and try again.";
    case "AccountDeactivated":
      return "This account has been deactivated. Ask a Servewise admin to reactivate it.";
    case "NotProvisioned":
      return "Your company account is not registered in Servewise yet. Ask an admin to add you.";
    case "SignInUnavailable":
      return "Servewise could not check your sign-in just now. Nothing is wrong with your account: please try again in a few seconds.";
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

/** Only same-site paths may be redirect targets after sign-in. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://servewise.local");
    if (url.origin !== "http://servewise.local") return "/";
    return `${url.pathname}${url.search}` || "/";
  } catch {
    return "/";
  }
}
