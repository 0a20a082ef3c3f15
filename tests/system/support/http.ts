/**
 * A signed-in HTTP client for the system tests and benchmarks: it signs in through
 * next-auth's own endpoints (CSRF token, credentials callback) exactly as the browser does,
 * keeps the cookies, and calls tRPC procedures over HTTP with superjson bodies.
 */
import superjson from "superjson";

export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The cookies held (e.g. to hand a session to a browser context). */
  cookieList(): { name: string; value: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value }));
  }

  /** Stores Set-Cookie values (an empty value, or Max-Age=0, removes the cookie). */
  remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (!value || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }

  /** Signs in with email and password; throws with the answer when it is refused. */
  async signIn(email: string, password: string): Promise<this> {
    const csrf = await this.fetch("/api/auth/csrf");
    if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
    });
    await response.arrayBuffer();
    if (!this.hasSession()) {
      throw new Error(`sign-in as ${email} was refused (HTTP ${response.status}, ${response.headers.get("location") ?? "no redirect"})`);
    }
    return this;
  }

  /** A tRPC mutation over HTTP. Resolves to the procedure's data; rejects with a TrpcHttpError. */
  async mutation<T = unknown>(path: string, input: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await this.fetch(`/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(superjson.serialize(input)),
    });
    return readTrpc<T>(path, response);
  }

  /** A tRPC query over HTTP. */
  async query<T = unknown>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    return readTrpc<T>(path, await this.fetch(`/api/trpc/${path}${search}`));
  }
}

export class TrpcHttpError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly code: string,
    readonly retryAfter: string | null,
    message: string,
  ) {
    super(`${path}: HTTP ${status} ${code}: ${message}`);
    this.name = "TrpcHttpError";
  }
}

async function readTrpc<T>(path: string, response: Response): Promise<T> {
  const text = await response.text();
  let body: { result?: { data: never }; error?: { json?: { message?: string; data?: { code?: string } } } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new TrpcHttpError(path, response.status, "NOT_JSON", response.headers.get("retry-after"), text.slice(0, 200));
  }
  if (response.ok && body.result) return superjson.deserialize<T>(body.result.data);
  const error = body.error?.json;
  throw new TrpcHttpError(path, response.status, error?.data?.code ?? "UNKNOWN", response.headers.get("retry-after"), error?.message ?? text.slice(0, 200));
}
