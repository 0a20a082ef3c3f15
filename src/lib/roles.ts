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
const FROM_SECTIONS: Record<string, string> = { review: "/review", "decision-log": "/decision-log" };

/** The query that marks a link as followed from a section: `?via=review`. */
export function viaSection(section: "review" | "decision-log"): string {
  return `via=${section}`;
}

/**
 * The navigation item to highlight: the section the page was reached from when the viewer has
 * it (a reviewer opening a version from the Review queue is in the Review queue, not in My use
 * cases), else the item whose path the page is under.
 */
export function activeNavHref(items: readonly { href: string }[], pathname: string, from: string | null): string | null {
  const fromHref = from ? FROM_SECTIONS[from] : undefined;
  if (fromHref && items.some((i) => i.href === fromHref)) return fromHref;
  return items.find((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))?.href ?? null;
}
