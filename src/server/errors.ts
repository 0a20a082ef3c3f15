/**
 * A handful of domain errors, each mapped to one tRPC code by the error formatter.
 * Services throw these; routers never build TRPCErrors for business rules themselves.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    public readonly code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "UNAUTHORIZED",
    message: string,
    public readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what = "That item") {
    super("NOT_FOUND", `${what} was not found.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do that.") {
    super("FORBIDDEN", message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "Please sign in.") {
    super("UNAUTHORIZED", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super("BAD_REQUEST", message, fieldErrors);
  }
}

/** A ValidationError whose field errors come from zod issues, keyed by dotted path. */
export function validationErrorFromIssues(message: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): ValidationError {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) (fieldErrors[issue.path.map(String).join(".") || "filter"] ??= []).push(issue.message);
  return new ValidationError(message, fieldErrors);
}

/**
 * What a client is told about an unexpected error: nothing of the error itself (it may carry
 * database or driver text, a host or a port), but the request id to give an admin, who finds
 * the real error in the server log under that id.
 */
export function internalErrorMessage(requestId: string | null | undefined): string {
  const reference = requestId ? ` If it keeps happening, give an admin this reference: ${requestId}.` : "";
  return `Something went wrong on our side and the request did not complete.${reference}`;
}

/**
 * The digest of the error a page fails with when the database is busy or down
 * (`busy-<request id>`): the error page shows BUSY_MESSAGE for it. Any other failed page's
 * digest is its request id, which the page shows as the reference to give an admin.
 */
export const BUSY_DIGEST_PREFIX = "busy-";

/** Seconds a client should wait before retrying when the database is busy or unreachable. */
export const RETRY_AFTER_SECONDS = 2;
export const BUSY_MESSAGE = "Servewise is busy right now (or its database is unavailable). Nothing was changed: please retry in a few seconds.";

const UNAVAILABLE_PRISMA_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1008", // operation timed out
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // a transaction could not start in time (pool busy) or expired
]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "53300"]);

/**
 * True when an error means "the database is busy or unreachable" rather than a bug: no free
 * pooled connection in time, a transaction that could not start or ran out of time, a refused
 * or dropped connection, the server shutting down or out of connection slots. Callers answer
 * 503 with Retry-After.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (typeof message === "string" && /timeout exceeded when trying to connect|Connection terminated/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
