import "server-only";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { redirect, unstable_rethrow } from "next/navigation";
import { BUSY_DIGEST_PREFIX, BUSY_MESSAGE, isDatabaseUnavailable } from "~/server/errors";
import { briefly, logger, type RequestLogFields } from "~/server/log";

/**
 * How a page (React Server Component) fails. Next prints the stack of any error that escapes
 * a page, so each failure is logged here once, as it deserves, and what Next sees is an error
 * without frames:
 * - signed out (UNAUTHORIZED): one log line, and a redirect to the sign-in page that comes back
 *   to `callbackPath`;
 * - an expected refusal (NOT_FOUND, FORBIDDEN, BAD_REQUEST, CONFLICT…): one line, no stack; the
 *   page's own handling (e.g. `orNotFound`) still sees the same tRPC code;
 * - a busy or unreachable database: one warning with the driver's words, and the error page's
 *   "busy, retry" message (digest `busy-<request id>`);
 * - anything else: logged once with its stack; the error page shows the request id.
 * Next's redirects and not-found signals pass through untouched.
 */
export function failPage(error: unknown, at: Partial<RequestLogFields> & { callbackPath?: string } = {}): never {
  unstable_rethrow(error);
  const fields = { requestId: at.requestId ?? randomUUID(), userId: at.userId ?? null, path: at.path };
  const code = error instanceof TRPCError ? error.code : null;
  if (isDatabaseUnavailable(error) || code === "SERVICE_UNAVAILABLE") {
    logger.warn({ ...fields, cause: briefly(error instanceof TRPCError && error.cause ? error.cause : error).message }, "database unavailable");
    throw withoutFrames(new PageError(BUSY_MESSAGE, `${BUSY_DIGEST_PREFIX}${fields.requestId}`));
  }
  if (error instanceof TRPCError && code !== "INTERNAL_SERVER_ERROR") {
    logger.info({ ...fields, code, message: error.message }, "page refused");
    if (code === "UNAUTHORIZED") redirect(`/signin?callbackUrl=${encodeURIComponent(at.callbackPath ?? "/")}`);
    throw withoutFrames(new TRPCError({ code: error.code, message: error.message }));
  }
  logger.error({ ...fields, err: error }, "unexpected error");
  throw withoutFrames(new PageError("Servewise could not show this page.", fields.requestId));
}

class PageError extends Error {
  constructor(
    message: string,
    readonly digest: string,
  ) {
    super(message);
    this.name = "PageError";
  }
}

function withoutFrames<E extends Error>(error: E): E {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}
