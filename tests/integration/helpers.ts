import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import pg from "pg";
import { inject } from "vitest";
import { upsertTeam, upsertUser } from "~/features/account/service";
import type { Role } from "~/lib/roles";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";

/**
 * Runs `work` on a connection of its own as the owner role ("owner": test data in bulk, which
 * it may ANALYZE) or the superuser ("admin": what the app role may not do, e.g. a test trigger).
 * The app's own code always runs as the app role (DATABASE_URL).
 */
export async function asRole<T>(role: "owner" | "admin", work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject(role === "owner" ? "databaseMigrationUrl" : "databaseAdminUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export async function makeTeam(name = "Team") {
  const suffix = uniqueSuffix();
  return upsertTeam({ name: `${name} ${suffix}`, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${suffix}`, description: "" });
}

export async function makeUser(options: { role?: Role; active?: boolean; teamSlugs?: string[]; password?: string } = {}) {
  const suffix = uniqueSuffix();
  return upsertUser(
    {
      email: `user-${suffix}@example.test`,
      name: `User ${suffix}`,
      role: options.role ?? "MEMBER",
      active: options.active ?? true,
      password: options.password ?? "correct horse battery staple",
      teamSlugs: options.teamSlugs ?? [],
    },
    { bcryptRounds: 4 },
  );
}

/** A tRPC caller acting as `user` (or anonymous), exactly as the HTTP handler builds it. */
export function callerFor(user: { id: string } | null) {
  return createCaller(createInnerContext({ sessionUserId: user?.id ?? null }));
}

/** "OK", or the tRPC error code the call failed with. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
