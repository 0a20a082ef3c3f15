import "server-only";
import { accountThrottleKeys, isLockedRow } from "~/server/auth/sign-in-throttle";
import { db } from "~/server/db";

export interface TeamSummary {
  id: string;
  name: string;
  slug: string;
  description: string;
}

const teamSelect = { id: true, name: true, slug: true, description: true } as const;

export function listTeamsOfUser(userId: string): Promise<TeamSummary[]> {
  return db.team.findMany({
    where: { memberships: { some: { userId } } },
    select: teamSelect,
    orderBy: { name: "asc" },
  });
}

export function listAllTeams(): Promise<(TeamSummary & { memberCount: number })[]> {
  return db.team
    .findMany({ select: { ...teamSelect, _count: { select: { memberships: true } } }, orderBy: { name: "asc" } })
    .then((teams) => teams.map(({ _count, ...t }) => ({ ...t, memberCount: _count.memberships })));
}

/** Everyone, with the end of a sign-in lockout in force (`lockedUntil`, else null). */
export async function listUsers(now = new Date()) {
  const users = await db.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      createdAt: true,
      memberships: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
    },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  const keys = new Map(users.map((u) => [accountThrottleKeys(u.email).failures, u.id]));
  const locks = await db.signInThrottle.findMany({ where: { key: { in: [...keys.keys()] } } });
  const lockedUntil = new Map(locks.filter((row) => isLockedRow(row, now)).map((row) => [keys.get(row.key), new Date(Number(row.expire))]));
  return users.map((u) => ({ ...u, lockedUntil: lockedUntil.get(u.id) ?? null }));
}
