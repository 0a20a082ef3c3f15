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
