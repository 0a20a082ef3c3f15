import type { Role } from "~/lib/roles";

/**
 * Who is acting: the signed-in user as stored now. The session cookie only carries the id;
 * the role and active flag are read from the database on every request.
 */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
}

/**
 * What every command (a change) runs with: who, when, and the request it came from. tRPC's
 * guarded procedures put it on `ctx.command` (src/server/api/trpc.ts); services take it first.
 */
export interface CommandContext {
  actor: Actor;
  now: Date;
  requestId?: string | null;
}
