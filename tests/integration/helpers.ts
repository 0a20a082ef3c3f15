import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { upsertTeam, upsertUser } from "~/features/account/service";
import type { Role } from "~/lib/roles";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";

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
