import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getActor } from "~/server/auth/identity";
import type { Actor } from "~/server/actor";
import { failPage } from "~/server/page-errors";
import { getAuthOptions } from "./options";

/** The signed-in user id from the session cookie, or null. Roles are NOT trusted from it. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.user?.id ?? null;
}

/** The current, active user as stored in the database now, or null. */
export async function getCurrentActor(): Promise<Actor | null> {
  const userId = await getSessionUserId();
  if (!userId) return null;
  const actor = await getActor(userId);
  return actor?.active ? actor : null;
}

/**
 * For pages: the current user, or a redirect to the sign-in page. A database that cannot be
 * read shows the error page's "busy, retry" message (src/server/page-errors.ts), not a stack.
 */
export async function requireActor(callbackPath = "/"): Promise<Actor> {
  const actor = await getCurrentActor().catch((error: unknown) => failPage(error, { path: callbackPath }));
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return actor;
}
