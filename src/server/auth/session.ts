import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { safeCallbackPath } from "~/lib/callback-path";
import { getActor } from "~/server/auth/identity";
import type { Actor } from "~/server/actor";
import { failPage } from "~/server/page-errors";
import { getAuthOptions } from "./options";

/**
 * What the session cookie says: the user id and the session version it was issued with.
 * Neither the role nor the active flag is trusted from it; the version is compared with the
 * user's current one on every request, so a revoked session (sign-out, deactivation,
 * demotion, password change) stops working at once.
 */
export interface SessionClaim {
  userId: string;
  sessionVersion: number;
}

export async function getSessionClaim(): Promise<SessionClaim | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return null;
  return { userId: session.user.id, sessionVersion: session.sessionVersion ?? 0 };
}

/**
 * The current, active user as stored in the database now, or null (also for a revoked
 * session). Read once per server render: the layout and the page asking share the answer.
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const claim = await getSessionClaim();
  if (!claim) return null;
  const actor = await getActor(claim.userId, claim.sessionVersion);
  return actor?.active ? actor : null;
});

/** The header src/proxy.ts puts on every page request: its path and query. */
export const REQUEST_PATH_HEADER = "x-servewise-path";

/** The path (and query) of the page being rendered, from the proxy's header. */
export async function currentRequestPath(): Promise<string> {
  return safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER));
}

/**
 * For pages and layouts: the current user, or a redirect to the sign-in page that comes
 * back to `callbackPath` — by default the very URL asked for (a deep link keeps its query).
 */
export async function requireActor(callbackPath?: string): Promise<Actor> {
  // A database that cannot be read shows the error page's "busy, retry" message, not a stack.
  const actor = await getCurrentActor().catch((error: unknown) => failPage(error, { path: callbackPath }));
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath ?? (await currentRequestPath()))}`);
  return actor;
}
