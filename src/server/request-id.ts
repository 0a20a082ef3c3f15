import { randomUUID } from "node:crypto";

/** The longest request id the audit trail stores (`AuditEvent.requestId` is VARCHAR(80)). */
export const REQUEST_ID_MAX = 80;

const PLAIN = new RegExp(`^[A-Za-z0-9._:-]{1,${REQUEST_ID_MAX}}$`);

/**
 * The request id to record for a request: the client's `x-request-id` when it is short and plain
 * (letters, digits, `.`, `_`, `:`, `-`; at most 80 characters), otherwise one the server makes.
 * Whatever a client sends, it cannot break (or smuggle text into) the audit row.
 */
export function requestIdFrom(header: string | null | undefined): string {
  return header && PLAIN.test(header) ? header : randomUUID();
}
