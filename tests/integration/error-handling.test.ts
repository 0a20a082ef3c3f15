/**
 * What a client sees of a failure, and what the server logs (issue 11): an unexpected error
 * is a 500 with a generic message and the request id (its own text, which may name the
 * database host and port, stays in the log, once, with its stack); a database that is down
 * is a 503 with Retry-After; expected refusals are one log line without a stack. Pages fail
 * the same way (src/server/page-errors.ts).
 */
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { handleTrpcRequest } from "~/server/api/http";
import { BUSY_DIGEST_PREFIX, BUSY_MESSAGE } from "~/server/errors";
import { logger } from "~/server/log";
import { failPage } from "~/server/page-errors";
import { INTERNAL_TEXT } from "../support/internal-text";
import { makeUser } from "./helpers";
import type * as NotificationQueries from "~/features/notifications/queries";

const failure = vi.hoisted(() => ({ next: null as Error | null }));

vi.mock("~/features/notifications/queries", async (importOriginal) => {
  const original = await importOriginal<typeof NotificationQueries>();
  return {
    ...original,
    countUnreadNotifications: (...args: Parameters<typeof original.countUnreadNotifications>) =>
      failure.next ? Promise.reject(failure.next) : original.countUnreadNotifications(...args),
  };
});

/** What Prisma throws when the server is down (it names the host and port). */
function unreachable() {
  return Object.assign(new Error("Can't reach database server at `127.0.0.1:5999`\n\nPlease make sure your database server is running at `127.0.0.1:5999`."), { code: "P1001" });
}

/** What a bug looks like: a driver error with the statement and the server's words. */
function bug() {
  return new Error("\nInvalid `prisma.notification.count()` invocation in\n/app/src/features/notifications/queries.ts:17:3\nDatabase error. Code: `22021`. Message: `invalid byte sequence for encoding \"UTF8\": 0x00`");
}

async function unreadCount(user: { id: string } | null, requestId = "req-under-test") {
  const input = encodeURIComponent(JSON.stringify(superjson.serialize(undefined)));
  const response = await handleTrpcRequest(new Request(`http://x/api/trpc/notification.unreadCount?input=${input}`, { headers: { "x-request-id": requestId } }), {
    claim: async () => (user ? { userId: user.id } : null),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as { error?: { json: { message: string; data: { code: string; requestId: string } } } } };
}

type Spy = ReturnType<typeof vi.spyOn>;
let spies: Record<"info" | "warn" | "error", Spy>;

beforeEach(() => {
  failure.next = null;
  spies = { info: vi.spyOn(logger, "info"), warn: vi.spyOn(logger, "warn"), error: vi.spyOn(logger, "error") };
});
afterEach(() => vi.restoreAllMocks());

function lines(level: keyof typeof spies): { fields: Record<string, unknown>; msg: unknown }[] {
  return spies[level].mock.calls.map((args: unknown[]) => ({ fields: args[0] as Record<string, unknown>, msg: args[1] }));
}

describe("the tRPC endpoint's failures", () => {
  it("an unexpected error: 500, a generic message with the request id, logged once with its stack", async () => {
    const user = await makeUser();
    failure.next = bug();
    const answer = await unreadCount(user, "bug-1");
    expect(answer.status).toBe(500);
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
    expect(answer.body.error?.json.message).toBe("Something went wrong on our side and the request did not complete. If it keeps happening, give an admin this reference: bug-1.");
    expect(answer.body.error?.json.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", requestId: "bug-1" });
    expect(answer.headers.get("x-request-id")).toBe("bug-1");

    const errors = lines("error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toBe("unexpected error");
    expect(errors[0]!.fields).toMatchObject({ requestId: "bug-1", userId: user.id, path: "notification.unreadCount" });
    expect((errors[0]!.fields.err as Error).stack).toMatch(/invalid byte sequence[\s\S]*\n\s+at /);
    const request = [...lines("info"), ...lines("warn")].filter((l) => l.msg === "request");
    expect(request).toHaveLength(1);
    expect(request[0]!.fields).toMatchObject({ requestId: "bug-1", userId: user.id, path: "notification.unreadCount", type: "query", status: 500 });
    expect(request[0]!.fields.durationMs).toEqual(expect.any(Number));
  });

  it("a database that is down: 503 with Retry-After and the busy message, no host or port", async () => {
    const user = await makeUser();
    failure.next = unreachable();
    const answer = await unreadCount(user, "down-1");
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("2");
    expect(answer.body.error?.json.message).toBe(BUSY_MESSAGE);
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
    expect(lines("error")).toHaveLength(0);
    const [request] = lines("warn");
    expect(request!.fields).toMatchObject({ requestId: "down-1", status: 503 });
    // The driver's words (with the host) stay on the server, without a stack.
    expect(JSON.stringify(request!.fields.refusals)).toMatch(/127\.0\.0\.1:5999/);
    expect(JSON.stringify(request!.fields)).not.toMatch(/\n\s+at /);
  });

  it("an expected refusal (signed out): one request line with the reason, no stack, no error line", async () => {
    const answer = await unreadCount(null, "signed-out-1");
    expect(answer.status).toBe(401);
    expect(lines("error")).toHaveLength(0);
    const [request] = lines("info");
    expect(request!.fields).toMatchObject({ requestId: "signed-out-1", userId: null, status: 401, refusals: [{ code: "UNAUTHORIZED", message: "Please sign in." }] });
    expect(JSON.stringify(request!.fields)).not.toMatch(/\n\s+at /);
  });
});

describe("pages' failures (failPage)", () => {
  function thrown(run: () => unknown): Error & { digest?: string } {
    try {
      run();
    } catch (error) {
      return error as Error & { digest?: string };
    }
    throw new Error("did not throw");
  }

  it("signed out: a redirect to the sign-in page, logged as one line without a stack", () => {
    const error = thrown(() =>
      failPage(new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." }), { requestId: "page-1", path: "useCase.listMine", callbackPath: "/decision-log?q=fraud" }),
    );
    expect(error.digest).toMatch(/^NEXT_REDIRECT;replace;\/signin\?callbackUrl=%2Fdecision-log%3Fq%3Dfraud;/);
    expect(lines("error")).toHaveLength(0);
    expect(lines("info")[0]!.fields).toMatchObject({ requestId: "page-1", code: "UNAUTHORIZED" });
  });

  it("an expected refusal keeps its tRPC code for the page, without frames", () => {
    const error = thrown(() => failPage(new TRPCError({ code: "NOT_FOUND", message: "That use case was not found." })));
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    expect(error.stack).toBe("TRPCError: That use case was not found.");
  });

  it("a database that is down: the busy page (digest busy-<id>), no stack", () => {
    const error = thrown(() => failPage(new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE, cause: unreachable() }), { requestId: "page-2" }));
    expect(error.digest).toBe(`${BUSY_DIGEST_PREFIX}page-2`);
    expect(error.message).toBe(BUSY_MESSAGE);
    expect(error.stack).not.toMatch(/\n\s+at /);
    expect(lines("warn")[0]!.fields).toMatchObject({ requestId: "page-2", cause: expect.stringMatching(/127\.0\.0\.1:5999/) });
  });

  it("an unexpected error: logged once with its stack; the page shows the request id", () => {
    const error = thrown(() => failPage(bug(), { requestId: "page-3" }));
    expect(error.digest).toBe("page-3");
    expect(error.message).not.toMatch(INTERNAL_TEXT);
    expect(error.stack).not.toMatch(/\n\s+at /);
    expect(lines("error")).toHaveLength(1);
    expect((lines("error")[0]!.fields.err as Error).stack).toMatch(/\n\s+at /);
  });
});
