import "server-only";
import type { Actor } from "~/server/actor";
import { db } from "~/server/db";

const actorSelect = { id: true, name: true, email: true, role: true, active: true } as const;

/** The current user as stored now: role and active flag are read on every request. */
export function getActor(userId: string): Promise<Actor | null> {
  return db.user.findUnique({ where: { id: userId }, select: actorSelect });
}

export function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { ...actorSelect, passwordHash: true },
  });
}

export function findUserByEmail(email: string): Promise<Actor | null> {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: actorSelect });
}

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

export function listUsers() {
  return db.user.findMany({
    select: {
      ...actorSelect,
      createdAt: true,
      memberships: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
    },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}
