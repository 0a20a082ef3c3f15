import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { RETRY_AFTER_SECONDS } from "~/server/errors";
import { getSessionUserId } from "~/server/auth/session";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createInnerContext({
        sessionUserId: await getSessionUserId(),
        requestId: req.headers.get("x-request-id") ?? undefined,
      }),
    responseMeta({ errors }) {
      // A busy or unreachable database: tell clients when to retry.
      if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) return { headers: new Headers({ "retry-after": String(RETRY_AFTER_SECONDS) }) };
      return {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
