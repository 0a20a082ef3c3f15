import "server-only";
import { cache } from "react";
import { createCaller } from "~/server/api/root";
import { contextFromSession } from "~/server/api/trpc";
import { currentRequestPath, getSessionClaim } from "~/server/auth/session";
import { failPage } from "~/server/page-errors";

/**
 * The tRPC caller for React Server Components: same procedures, same guards, no HTTP. A failed
 * call is logged once (expected refusals without a stack) and a signed-out one redirects to
 * the sign-in page, which comes back here (src/server/page-errors.ts).
 */
export const getServerCaller = cache(async () => {
  const claim = await getSessionClaim();
  const ctx = contextFromSession(claim);
  const callbackPath = await currentRequestPath();
  return createCaller(ctx, { onError: ({ error, path }) => failPage(error, { requestId: ctx.requestId, userId: claim?.userId ?? null, path, callbackPath }) });
});
