/**
 * tRPC, in three sections:
 *   1. CONTEXT — an inner context (session user id + request id) that tests build directly,
 *      and the HTTP context that fills it from the next-auth cookie.
 *   2. INITIALISATION — transformer and the error formatter (zod and domain errors -> field errors;
 *      an unexpected error -> a generic message with the request id, never its own text).
 *   3. PROCEDURES — public, protected, reviewer, admin. Every guarded procedure reads the
 *      user from the database on each call: a demotion or deactivation applies at once.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { getActor } from "~/server/auth/identity";
import type { Actor, CommandContext } from "~/server/actor";
import { hasRole, type Role } from "~/lib/roles";
import { INVALID_INPUT_MESSAGE } from "~/lib/validation";
import { BUSY_MESSAGE, DomainError, internalErrorMessage, isDatabaseUnavailable } from "~/server/errors";

// 1. CONTEXT ---------------------------------------------------------------------------

export interface InnerContext {
  /** The user id from the session cookie, or null when signed out. */
  sessionUserId: string | null;
  /**
   * The session version the cookie carries, checked against the user's on every call (a
   * revoked session gets UNAUTHORIZED). Undefined only for trusted in-process callers (tests).
   */
  sessionVersion?: number;
  requestId: string;
}

export function createInnerContext(opts: { sessionUserId: string | null; sessionVersion?: number; requestId?: string }): InnerContext {
  return { sessionUserId: opts.sessionUserId, sessionVersion: opts.sessionVersion, requestId: opts.requestId ?? randomUUID() };
}

/** The context of a request signed in by cookie (the HTTP handler and the RSC caller). */
export function contextFromSession(claim: { userId: string; sessionVersion: number } | null, requestId?: string): InnerContext {
  return createInnerContext({ sessionUserId: claim?.userId ?? null, sessionVersion: claim?.sessionVersion, requestId });
}

// 2. INITIALISATION --------------------------------------------------------------------

const t = initTRPC.context<InnerContext>().create({
  transformer: superjson,
  /**
   * What a client sees of an error. Deliberate refusals keep their message (domain errors,
   * guards, the busy answer); invalid input gets a sentence plus field messages keyed by
   * path; anything unexpected (INTERNAL_SERVER_ERROR: a bug, a database or driver error) gets
   * a generic sentence with the request id, which the server logs with the real error.
   */
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const requestId = ctx?.requestId ?? null;
    let message = shape.message;
    let fieldErrors: Record<string, string[]> | null = null;
    let formErrors: string[] | null = null;
    if (cause instanceof ZodError) {
      fieldErrors = pathKeyedErrors(cause);
      formErrors = z.flattenError(cause).formErrors;
      message = formErrors[0] ?? INVALID_INPUT_MESSAGE;
    } else if (cause instanceof DomainError && cause.fieldErrors) {
      fieldErrors = cause.fieldErrors;
    }
    if (error.code === "INTERNAL_SERVER_ERROR") message = internalErrorMessage(requestId);
    return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors, formErrors, requestId } };
  },
});

/** Zod issues keyed by their full dotted path (e.g. `answers.latencyBudgetMs`). */
function pathKeyedErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (!key) continue;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. PROCEDURES ------------------------------------------------------------------------

/**
 * Maps domain errors thrown by services to their tRPC codes (keeping the message), and a busy
 * or unreachable database to SERVICE_UNAVAILABLE (HTTP 503 + Retry-After, set by the handler).
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(result.error.cause)) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

function requireRole(min: Role) {
  return t.middleware(async ({ ctx, next }) => {
    if (!ctx.sessionUserId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    const actor: Actor | null = await getActor(ctx.sessionUserId, ctx.sessionVersion);
    if (!actor || !actor.active) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended or your account is not active. Please sign in again." });
    }
    if (!hasRole(actor.role, min)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${min.toLowerCase()} role.` });
    }
    // The one command context every service takes: who, when, which request.
    const command: CommandContext = { actor, now: new Date(), requestId: ctx.requestId };
    return next({ ctx: { ...ctx, actor, command } });
  });
}

/**
 * The guarded procedures. Each reads the actor from the database and puts `ctx.actor` and
 * `ctx.command` (a CommandContext: actor, now, requestId) on the context.
 */
export const protectedProcedure = publicProcedure.use(requireRole("MEMBER"));
export const reviewerProcedure = publicProcedure.use(requireRole("REVIEWER"));
export const adminProcedure = publicProcedure.use(requireRole("ADMIN"));
