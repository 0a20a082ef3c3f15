/**
 * Signs out through next-auth's own endpoints, as `signOut()` of next-auth/react does (CSRF
 * token, then a POST to /api/auth/signout, which ends the session and moves the user's session
 * version on), then goes to `callbackUrl`. Without next-auth/react, whose client code (about
 * 10 kB compressed) every page carried for this one call.
 */
export async function signOutTo(callbackUrl: string): Promise<void> {
  let url = callbackUrl;
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrfToken ?? "", callbackUrl, json: "true" }),
    });
    const data = (await response.json().catch(() => ({}))) as { url?: string };
    if (response.ok && data.url) url = data.url;
  } catch {
    // The server could not be reached: the sign-in page still loads (and says so if the session is gone).
  }
  window.location.href = url;
}
