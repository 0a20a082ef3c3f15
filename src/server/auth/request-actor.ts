import "server-only";
import type { Actor } from "~/server/actor";
import { authenticateWithPassword } from "./identity";
import { getCurrentActor } from "./session";

/**
 * The caller of an HTTP endpoint: the browser's session cookie, or — for scripts — HTTP Basic
 * credentials of a local account (`curl -u email:password`). Deactivated users get nobody.
 */
export async function actorFromRequest(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    const result = await authenticateWithPassword({ email: decoded.slice(0, colon), password: decoded.slice(colon + 1) });
    return result.ok ? result.user : null;
  }
  // No credentials and no cookie: anonymous, without consulting the session machinery.
  if (!request.headers.get("cookie")) return null;
  return getCurrentActor();
}
