import { createHash, timingSafeEqual } from "node:crypto";
import { resolve } from "node:path";
import { getCheckpointEnv } from "~/env";
import { hasRole } from "~/lib/roles";
import { actorFromRequest } from "~/server/auth/request-actor";

const NO_STORE = { "Cache-Control": "no-store" };

function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Who may copy the audit checkpoints over HTTP: a monitoring job with
 * `Authorization: Bearer <AUDIT_CHECKPOINT_TOKEN>`, or an admin (session cookie on a same-site
 * request, or HTTP Basic, throttled and audited like every sign-in). Answers the folder to read,
 * or the refusal to send.
 */
export async function checkpointAccess(request: Request): Promise<{ ok: true; dir: string } | { ok: false; response: Response }> {
  const env = getCheckpointEnv();
  const dir = resolve(env.AUDIT_CHECKPOINT_DIR);
  const header = request.headers.get("authorization") ?? "";
  if (header.toLowerCase().startsWith("bearer ")) {
    if (env.AUDIT_CHECKPOINT_TOKEN && sameSecret(header.slice(7).trim(), env.AUDIT_CHECKPOINT_TOKEN)) return { ok: true, dir };
    return {
      ok: false,
      response: Response.json({ error: "UNAUTHORIZED", message: "That token does not open the checkpoints (AUDIT_CHECKPOINT_TOKEN)." }, { status: 401, headers: NO_STORE }),
    };
  }
  const caller = await actorFromRequest(request);
  if (!caller.ok) {
    return { ok: false, response: Response.json({ error: caller.error, message: caller.message }, { status: caller.status, headers: { ...NO_STORE, ...caller.headers } }) };
  }
  if (!hasRole(caller.actor.role, "ADMIN")) {
    return { ok: false, response: Response.json({ error: "FORBIDDEN", message: "Only admins (or the monitoring token) read the audit checkpoints." }, { status: 403, headers: NO_STORE }) };
  }
  return { ok: true, dir };
}

export { NO_STORE };
