import "server-only";
import { cache } from "react";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { getSessionUserId } from "~/server/auth/session";

/** The tRPC caller for React Server Components: same procedures, same guards, no HTTP. */
export const getServerCaller = cache(async () => createCaller(createInnerContext({ sessionUserId: await getSessionUserId() })));
