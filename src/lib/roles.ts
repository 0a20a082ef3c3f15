/** Roles and what each may use. Pure: shared by the server guards and the navigation. */
export const ROLES = ["MEMBER", "REVIEWER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { MEMBER: 0, REVIEWER: 1, ADMIN: 2 };

/** Admins can do everything reviewers can; reviewers everything members can. */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const ROLE_LABELS: Record<Role, string> = {
  MEMBER: "Team member",
  REVIEWER: "Reviewer",
  ADMIN: "Admin",
};

export interface NavItem {
  href: string;
  label: string;
  minRole: Role;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/use-cases", label: "My use cases", minRole: "MEMBER" },
  { href: "/review", label: "Review queue", minRole: "REVIEWER" },
  { href: "/decision-log", label: "Decision log", minRole: "MEMBER" },
  { href: "/admin", label: "Admin", minRole: "ADMIN" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => hasRole(role, item.minRole));
}

/** Where a page was reached from (`?via=review`), so the navigation highlights that section. */
export { activeNavHref, viaSection } from "./nav-sections";
