import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE } from "~/lib/api-limits";
import { appRouter } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import type { SessionClaim } from "~/server/auth/session";

/** The session of a request: next-auth's claim (tests may leave the version out: not checked). */
type Claim = Pick<SessionClaim, "userId"> & Partial<SessionClaim>;
import { RETRY_AFTER_SECONDS } from "~/server/errors";
import { briefly, logger } from "~/server/log";
import { requestIdFrom } from "~/server/request-id";

/**
 * The tRPC HTTP endpoint (`/api/trpc/*`), apart from where the session comes from (the route
 * passes next-auth's; tests pass their own). Batches are capped at MAX_BATCH_SIZE; answers are
 * `Cache-Control: no-store` (they are per user).
 * - the server makes the request id (a client's `x-request-id` only when short and plain) and
 *   answers it in the `x-request-id` header; procedures get it on `ctx.command.requestId`;
 * - a busy or unreachable database answers 503 with Retry-After;
 * - one JSON log line per request (requestId, userId, path, type, status, durationMs), plus one
 *   `unexpected error` line with the stack for an INTERNAL_SERVER_ERROR. Expected refusals
 *   (signed out, forbidden, not found, invalid input, busy) are on the request line, without stack.
 */
/** The procedure path(s) of a request, for the log (a malformed escape is logged as sent). */
function procedurePath(url: string): string {
  const raw = new URL(url).pathname.replace(/^\/api\/trpc\/?/, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function handleTrpcRequest(req: Request, session: { claim: () => Promise<Claim | null> }): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  let userId: string | null = null;
  let type: string = req.method === "POST" ? "mutation" : "query";
  const refusals: { path?: string; code: string; message: string }[] = [];
  const path = procedurePath(req.url);

  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    // The portal's pages call every procedure by POST (~/trpc/call): they need no list of which are queries.
    allowMethodOverride: true,
    createContext: async () => {
      const claim = await session.claim();
      userId = claim?.userId ?? null;
      return createInnerContext({ sessionUserId: userId, sessionVersion: claim?.sessionVersion, requestId });
    },
    responseMeta({ errors, type: procedureType }) {
      if (procedureType !== "unknown") type = procedureType;
      const headers = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
      // A busy or unreachable database: tell clients when to retry.
      if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) headers.set("retry-after", String(RETRY_AFTER_SECONDS));
      return { headers };
    },
    onError({ error, path: procedure }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ requestId, userId, path: procedure ?? path, err: error.cause ?? error }, "unexpected error");
      } else {
        // Expected: the request line says it, without a stack. A busy database's own words
        // (which may name the host) stay here, on the server.
        const detail = error.code === "SERVICE_UNAVAILABLE" && error.cause ? ` (${briefly(error.cause).message})` : "";
        refusals.push({ path: procedure, code: error.code, message: `${error.message}${detail}` });
      }
    },
  });

  const status = response.status;
  const line = { requestId, userId, path, type, status, durationMs: Math.round(performance.now() - started), ...(refusals.length ? { refusals } : {}) };
  if (status >= 500) logger.warn(line, "request");
  else logger.info(line, "request");
  return response;
}
