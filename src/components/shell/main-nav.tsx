"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState, type ReactNode } from "react";
import { activeNavHref } from "~/lib/roles";

export interface ShellNavItem {
  href: string;
  label: string;
  /**
   * Something shown on the link's end, e.g. a count. It describes the link (aria-describedby
   * `badgeId`) without changing its name, so "Review queue" stays "Review queue".
   */
  badge?: ReactNode;
  badgeId?: string;
}

/** Primary navigation: a row on wide screens, a disclosure menu on narrow ones. */
export function MainNav({ items }: { items: ShellNavItem[] }) {
  const pathname = usePathname();
  const activeHref = activeNavHref(items, pathname, useSearchParams().get("via"));
  const [open, setOpen] = useState(false);
  const links = (className: string, idSuffix: string) =>
    items.map((item) => {
      const active = item.href === activeHref;
      const badgeId = item.badge && item.badgeId ? `${item.badgeId}${idSuffix}` : undefined;
      return (
        <li key={item.href} className="relative">
          <Link
            href={item.href}
            aria-current={active ? "page" : undefined}
            aria-describedby={badgeId}
            onClick={() => setOpen(false)}
            className={`${className} ${item.badge ? "pr-10" : ""} ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {item.label}
          </Link>
          {item.badge ? (
            <span id={badgeId} className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2">
              {item.badge}
            </span>
          ) : null}
        </li>
      );
    });
  return (
    <nav aria-label="Main" className="flex items-center">
      <ul className="hidden items-center gap-1 md:flex">{links("block rounded-md px-3 py-2 text-sm font-medium", "")}</ul>
      <button
        type="button"
        className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 md:hidden"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpen((v) => !v)}
      >
        Menu
      </button>
      {open ? (
        <ul id="mobile-nav" className="absolute inset-x-0 top-16 z-40 space-y-1 border-b border-slate-200 bg-white p-3 shadow-md md:hidden">
          {links("block rounded-md px-3 py-2 text-base font-medium", "-mobile")}
        </ul>
      ) : null}
    </nav>
  );
}
