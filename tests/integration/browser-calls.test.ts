/**
 * How the portal's pages call procedures (src/trpc/call.ts): a POST per call to the real
 * `/api/trpc` handler, the answer decoded by the browser's wire reader. Here `fetch` carries
 * the request to `handleTrpcRequest` in-process (what the route does), with a session of
 * the test's choosing; nothing in between is replaced.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { handleTrpcRequest } from "~/server/api/http";
import { INVALID_INPUT_MESSAGE } from "~/lib/messages";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { ProcedureError } from "~/trpc/fetch-procedure";
import { makeUser } from "./helpers";

let session: { userId: string } | null = null;
const seen: { method: string; url: string }[] = [];

beforeEach(() => {
  seen.length = 0;
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const request = new Request(new URL(url, "http://portal.test"), init);
    seen.push({ method: request.method, url: request.url });
    return handleTrpcRequest(request, { claim: async () => session });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  session = null;
});

describe("client components' procedure calls", () => {
  it("a query goes by POST to its own path and comes back typed, Dates as Dates", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    session = { userId: admin.id };
    const users = await api.admin.listUsers();
    expect(seen).toEqual([{ method: "POST", url: "http://portal.test/api/trpc/admin.listUsers" }]);
    const me = users.find((u) => u.id === admin.id);
    expect(me?.email).toBe(admin.email);
    expect(me?.createdAt).toBeInstanceOf(Date);
    expect(await api.notification.unreadCount()).toBe(0);
  });

  it("a refusal rejects with the procedure's code and field messages, read as forms read them", async () => {
    const member = await makeUser({ password: "correct horse battery" });
    session = { userId: member.id };
    const wrongType = await api.account.changePassword({ currentPassword: 42, newPassword: "x" } as never).catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(ProcedureError);
    expect((wrongType as ProcedureError).status).toBe(400);
    const read = readApiError(wrongType);
    expect(read.code).toBe("BAD_REQUEST");
    // The server words an input error as a sentence (never zod's issue list), which forms show as is.
    expect(read.message).toBe(INVALID_INPUT_MESSAGE);
    expect(Object.keys(read.fieldErrors)).toEqual(expect.arrayContaining(["currentPassword"]));

    const forbidden = await api.admin.listUsers().catch((e: unknown) => e);
    expect((forbidden as ProcedureError).status).toBe(403);
    expect(readApiError(forbidden).code).toBe("FORBIDDEN");

    session = null;
    const signedOut = await api.notification.unreadCount().catch((e: unknown) => e);
    expect((signedOut as ProcedureError).status).toBe(401);
    expect(readApiError(signedOut).code).toBe("UNAUTHORIZED");
  });

  it("calls run side by side, not one after another", async () => {
    const member = await makeUser();
    session = { userId: member.id };
    let inFlight = 0;
    let most = 0;
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await handleTrpcRequest(new Request(new URL(url, "http://portal.test"), init), { claim: async () => session });
      } finally {
        inFlight -= 1;
      }
    });
    expect(await Promise.all([api.notification.unreadCount(), api.notification.list(), api.account.me()])).toHaveLength(3);
    expect(most).toBe(3);
  });

  it("an unreachable server or an answer that is not tRPC's is a network error, not a crash", async () => {
    vi.stubGlobal("fetch", async () => Promise.reject(new TypeError("Failed to fetch")));
    const offline = await api.notification.unreadCount().catch((e: unknown) => e);
    expect(readApiError(offline).code).toBe("NETWORK");
    vi.stubGlobal("fetch", async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    const proxy = await api.notification.unreadCount().catch((e: unknown) => e);
    expect((proxy as ProcedureError).status).toBe(502);
    expect(readApiError(proxy).code).toBe("NETWORK");
  });
});
