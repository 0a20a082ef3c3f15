/**
 * next-auth's own endpoints, called as next-auth/react does (a CSRF token, then a form POST
 * with `json=true`), without next-auth/react, whose client code (about 10 kB compressed) a
 * page would carry for one call.
 */
async function postToAuth(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | null }> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: csrfToken ?? "", json: "true" }),
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  return { response, url: typeof data.url === "string" ? data.url : null };
}

/**
 * Signs out (a POST to /api/auth/signout, which ends the session and moves the user's session
 * version on), then goes to `callbackUrl`.
 */
export async function signOutTo(callbackUrl: string): Promise<void> {
  let url = callbackUrl;
  try {
    const answer = await postToAuth("/api/auth/signout", { callbackUrl });
    if (answer.response.ok && answer.url) url = answer.url;
  } catch {
    // The server could not be reached: the sign-in page still loads (and says so if the session is gone).
  }
  window.location.href = url;
}

/**
 * Signs in with email and password (the credentials provider's callback sets the session
 * cookie). Resolves with next-auth's error code, or null when signed in. Rejects when the
 * server cannot be reached.
 */
export async function signInWithPassword(credentials: { email: string; password: string }, callbackUrl: string): Promise<string | null> {
  const { response, url } = await postToAuth("/api/auth/callback/credentials", { ...credentials, callbackUrl });
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : null;
  return response.ok && !error ? null : (error ?? "unknown");
}

/** Starts a sign-in with an OAuth provider (`oidc`): next-auth answers the provider's authorization URL. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  const { url } = await postToAuth(`/api/auth/signin/${encodeURIComponent(provider)}`, { callbackUrl });
  window.location.href = url ?? callbackUrl;
}
