import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE } from "~/lib/api-limits";
import { appRouter } from "~/server/api/root";
import { contextFromSession } from "~/server/api/trpc";
import { RETRY_AFTER_SECONDS } from "~/server/errors";
import { getSessionClaim } from "~/server/auth/session";


function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => contextFromSession(await getSessionClaim(), req.headers.get("x-request-id") ?? undefined),
    responseMeta({ errors }) {
      // Answers are per user: never stored by a browser or a shared cache.
      const headers = new Headers({ "cache-control": "no-store" });
      // A busy or unreachable database: tell clients when to retry.
      if (errors.some((e) => e.code === "SERVICE_UNAVAILABLE")) headers.set("retry-after", String(RETRY_AFTER_SECONDS));
      return { headers };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
