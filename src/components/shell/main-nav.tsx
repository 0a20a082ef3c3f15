"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { activeNavHref } from "~/lib/nav-sections";

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

function NavLinks({ items, linkClassName, idSuffix, onNavigate }: { items: ShellNavItem[]; linkClassName: string; idSuffix: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  // Pages reached from the review queue or the log (`?via=`) highlight where the user came from.
  const activeHref = activeNavHref(items, pathname, useSearchParams().get("via"));
  return items.map((item) => {
    const active = item.href === activeHref;
    const badgeId = item.badge && item.badgeId ? `${item.badgeId}${idSuffix}` : undefined;
    return (
      <li key={item.href} className="relative">
        <Link
          href={item.href}
          aria-current={active ? "page" : undefined}
          aria-describedby={badgeId}
          onClick={onNavigate}
          className={`${linkClassName} ${item.badge ? "pr-10" : ""} ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
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
}

/** Primary navigation on wide screens: a row of links beside the product name (hidden below `md`). */
export function MainNav({ items }: { items: ShellNavItem[] }) {
  return (
    <nav aria-label="Main" className="hidden items-center md:flex">
      <ul className="flex items-center gap-1">
        <NavLinks items={items} linkClassName="block rounded-md px-3 py-2 text-sm font-medium" idSuffix="" />
      </ul>
    </nav>
  );
}

/**
 * Primary navigation on small screens (below `md`): a "Menu" disclosure button at the header's
 * end that opens the links and `account` (who is signed in, "Sign out") in a panel under the
 * header. Escape closes it and gives focus back to the button; so do a click or focus outside
 * it, following a link, and moving to another page.
 */
export function MobileMenu({ items, account, icons }: { items: ShellNavItem[]; account: ReactNode; /** The button's icons (from the server). */ icons: { open: ReactNode; closed: ReactNode } }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Another page (a link followed, back/forward): the menu closes.
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <nav
      ref={navRef}
      aria-label="Main"
      className="md:hidden"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && event.relatedTarget && !navRef.current?.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="inline-flex h-10 items-center gap-2 rounded-md px-3 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen((v) => !v);
        }}
      >
        {open ? icons.open : icons.closed}
        Menu
      </button>
      <div id={panelId} hidden={!open} className="absolute inset-x-0 top-16 z-40 border-b border-slate-200 bg-white p-3 shadow-lg">
        <ul className="space-y-1">
          <NavLinks items={items} linkClassName="block rounded-md px-3 py-2.5 text-base font-medium" idSuffix="-mobile" onNavigate={() => setOpen(false)} />
        </ul>
        <div className="mt-3 border-t border-slate-200 pt-3">{account}</div>
      </div>
    </nav>
  );
}
