import { BUSY_MESSAGE, internalErrorMessage, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/server/errors";
import { briefly, logger } from "~/server/log";
import { requestIdFrom } from "~/server/request-id";

/** What a route handler knows about its request for the log: the id, and who once known. */
export interface RouteRequest {
  readonly requestId: string;
  userId: string | null;
}

/**
 * Wraps a plain route handler (the exports) the way tRPC requests are handled: the server's
 * request id (answered in `x-request-id`), 503 + Retry-After for a busy or unreachable
 * database, a generic 500 with the request id for anything unexpected (logged once, with its
 * stack), and one `request` log line with the status and duration until the response starts.
 */
export function loggedRoute(path: string, handler: (request: Request, log: RouteRequest) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    const log: RouteRequest = { requestId: requestIdFrom(request.headers), userId: null };
    const fields = () => ({ requestId: log.requestId, userId: log.userId, path });
    let response: Response;
    try {
      response = await handler(request, log);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        logger.warn({ ...fields(), cause: briefly(error).message }, "database unavailable");
        response = Response.json(
          { error: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, requestId: log.requestId },
          { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
        );
      } else {
        logger.error({ ...fields(), err: error }, "unexpected error");
        response = Response.json({ error: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(log.requestId), requestId: log.requestId }, { status: 500 });
      }
    }
    response.headers.set("x-request-id", log.requestId);
    logger.info({ ...fields(), type: request.method, status: response.status, durationMs: Math.round(performance.now() - started) }, "request");
    return response;
  };
}
