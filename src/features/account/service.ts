import "server-only";
import { db } from "~/server/db";
import { hashPassword } from "~/server/auth/password";
import type { Role } from "~/lib/roles";
import type { Actor } from "~/server/actor";

export interface UpsertUserInput {
  email: string;
  name: string;
  role: Role;
  password: string | null;
  active?: boolean;
  teamSlugs?: string[];
}

/** Creates or updates a user (and their team memberships) — used by seeds and tests. */
export async function upsertUser(input: UpsertUserInput, options: { bcryptRounds: number }): Promise<Actor> {
  const passwordHash = input.password === null ? null : await hashPassword(input.password, options.bcryptRounds);
  return db.$transaction(async (tx) => {
    const email = input.email.toLowerCase();
    const data = { name: input.name, role: input.role, active: input.active ?? true, passwordHash };
    const user = await tx.user.upsert({
      where: { email },
      create: { email, ...data },
      update: data,
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    if (input.teamSlugs) {
      const teams = await tx.team.findMany({ where: { slug: { in: input.teamSlugs } }, select: { id: true, slug: true } });
      const missing = input.teamSlugs.filter((s) => !teams.some((t) => t.slug === s));
      if (missing.length > 0) throw new Error(`Unknown team(s): ${missing.join(", ")}`);
      await tx.teamMembership.deleteMany({ where: { userId: user.id, teamId: { notIn: teams.map((t) => t.id) } } });
      await tx.teamMembership.createMany({
        data: teams.map((t) => ({ userId: user.id, teamId: t.id })),
        skipDuplicates: true,
      });
    }
    return user;
  });
}

export function upsertTeam(input: { name: string; slug: string; description: string }) {
  return db.team.upsert({
    where: { slug: input.slug },
    create: input,
    update: { name: input.name, description: input.description },
    select: { id: true, name: true, slug: true },
  });
}
