import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before every request (Next 16 proxy, Node runtime): security headers and what pages
 * need to know about their own request.
 *
 * - Content-Security-Policy with a fresh nonce per request. Next reads the nonce from the
 *   request's CSP header and puts it on its own scripts; `'strict-dynamic'` lets those load
 *   their chunks. No `'unsafe-eval'` in production (development needs it for React's tooling).
 * - Strict-Transport-Security when the portal's public URL (NEXTAUTH_URL) is HTTPS.
 * - Cache-Control: no-store on every API answer (tRPC, exports, auth): they are per user.
 * - `x-servewise-path`: the path and query asked for, so the portal layout can send a
 *   signed-out visitor to sign in and back to that very URL.
 * - A path with a malformed percent-escape (`/api/trpc/%`) is a 400 with a message.
 */
export function proxy(request: NextRequest) {
  if (!decodable(request.nextUrl.pathname)) {
    // Next would fail to decode the route's parameters and answer a bare 500.
    return NextResponse.json(
      { error: { code: "BAD_REQUEST", message: "The address is not valid: it contains a malformed percent-escape (a % not followed by two hex digits)." } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-servewise-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if ((process.env.NEXTAUTH_URL ?? "").startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  if (request.nextUrl.pathname.startsWith("/api/")) response.headers.set("Cache-Control", "no-store");
  return response;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes (bars, progress); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  // Everything but Next's own static files (their URLs are content hashes).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
