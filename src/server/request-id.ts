import { randomUUID } from "node:crypto";

/**
 * The request id: made by the server. A client's `x-request-id` (a proxy's or a script's, to
 * correlate its own logs) is kept only when it is short and plain; anything else is replaced,
 * so the id in the audit trail, the logs and the response header is always safe to store.
 */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdFrom(headers: Headers): string {
  const offered = headers.get("x-request-id");
  return offered !== null && CLIENT_REQUEST_ID.test(offered) ? offered : randomUUID();
}
