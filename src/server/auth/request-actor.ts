import "server-only";
import { getEnv } from "~/env";
import type { Actor } from "~/server/actor";
import { tooManyAttemptsMessage } from "~/lib/sign-in-errors";
import { RETRY_AFTER_SECONDS } from "~/server/errors";
import { clientAddress } from "./client-address";
import { signInWithPassword } from "./identity";
import { getCurrentActor } from "./session";

/** The caller, or why not: a refusal the endpoint answers as JSON with this status and headers. */
export type RequestCaller =
  | { ok: true; actor: Actor }
  | { ok: false; status: 401 | 403 | 429 | 503; error: string; message: string; headers?: Record<string, string> };

/**
 * A browser request made by this site itself: its own page (`Sec-Fetch-Site: same-origin`) or
 * the user typing or bookmarking the address (`none`). Browsers without Fetch Metadata are
 * judged by Origin / Referer; a client that sends none of them is not a browser being steered
 * by another site.
 */
export function isSameSiteRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const from = request.headers.get("origin") ?? request.headers.get("referer");
  if (!from) return true;
  if (from === "null") return false;
  try {
    return new URL(from).host === request.headers.get("host");
  } catch {
    return false;
  }
}

/**
 * The caller of an HTTP endpoint (the exports): the browser's session cookie, or — for
 * scripts — HTTP Basic credentials of a local account (`curl -u email:password`), which are
 * throttled and audited like the sign-in form. A cookie is honoured only on a same-site
 * request, so another site cannot make a signed-in browser run an export in its user's name.
 * Refusals: 401 (with a Basic challenge), 429 + Retry-After (too many attempts), 503 +
 * Retry-After (too many password checks at once), 403 (cross-site).
 */
export async function actorFromRequest(request: Request): Promise<RequestCaller> {
  const unauthorized: RequestCaller = {
    ok: false,
    status: 401,
    error: "UNAUTHORIZED",
    message: "Sign in, or pass your Servewise email and password with HTTP Basic (curl -u).",
    headers: { "WWW-Authenticate": 'Basic realm="Servewise"' },
  };
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return unauthorized;
    const result = await signInWithPassword(
      { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) },
      { method: "http-basic", address: clientAddress(request.headers, getEnv().TRUST_PROXY), now: new Date() },
    );
    if (result.ok) return { ok: true, actor: result.user };
    if (result.reason === "too-many-attempts") {
      const message = tooManyAttemptsMessage(result.retryAfterSeconds);
      return { ok: false, status: 429, error: "TOO_MANY_REQUESTS", message, headers: { "Retry-After": String(result.retryAfterSeconds) } };
    }
    if (result.reason === "busy") {
      const message = "Servewise is busy right now. Please retry in a few seconds.";
      return { ok: false, status: 503, error: "SERVICE_UNAVAILABLE", message, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } };
    }
    return unauthorized;
  }
  // No credentials and no cookie: anonymous, without consulting the session machinery.
  if (!request.headers.get("cookie")) return unauthorized;
  if (!isSameSiteRequest(request)) {
    const message = "Exports signed in by cookie must be started from Servewise itself. Scripts use HTTP Basic (curl -u).";
    return { ok: false, status: 403, error: "FORBIDDEN", message };
  }
  const actor = await getCurrentActor();
  return actor ? { ok: true, actor } : unauthorized;
}
