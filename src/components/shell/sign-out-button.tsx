import { cookies } from "next/headers";

/** next-auth's CSRF cookie (`__Host-` when the portal is served over HTTPS): `token|hash`. */
const CSRF_COOKIES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

/**
 * "Sign out" as a plain form POST to next-auth's sign-out endpoint with the CSRF token from its
 * cookie: no JavaScript on any page for it. next-auth ends the session (and moves the user's
 * session version on), then redirects to the sign-in page. Without the cookie (it is set when
 * signing in, and a browser restart drops it) next-auth answers its own confirmation page,
 * whose button signs out.
 */
export async function SignOutButton() {
  const jar = await cookies();
  const raw = CSRF_COOKIES.map((name) => jar.get(name)?.value).find(Boolean) ?? "";
  const csrfToken = raw.split("|")[0] ?? "";
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value="/signin?signedOut=1" />
      <button
        type="submit"
        className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
      >
        Sign out
      </button>
    </form>
  );
}
