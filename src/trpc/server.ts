import "server-only";
import { cache } from "react";
import { createCaller } from "~/server/api/root";
import { contextFromSession } from "~/server/api/trpc";
import { getSessionClaim } from "~/server/auth/session";

/** The tRPC caller for React Server Components: same procedures, same guards, no HTTP. */
export const getServerCaller = cache(async () => createCaller(contextFromSession(await getSessionClaim())));
