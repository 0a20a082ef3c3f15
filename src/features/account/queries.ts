import "server-only";
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

export function listUsers() {
  return db.user.findMany({
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
}
