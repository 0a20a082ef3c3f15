/** Which navigation item a page belongs to (./roles re-exports these): apart, for the navigation in the browser. */

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
