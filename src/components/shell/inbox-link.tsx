"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** The header's inbox: a bell, the word, and the unread count; its name says it all ("Inbox, 2 unread"). */
export function InboxLink({ unread, icon }: { unread: number; /** The bell (from the server). */ icon: ReactNode }) {
  const pathname = usePathname();
  const active = pathname === "/inbox" || pathname.startsWith("/inbox/");
  const name = unread > 0 ? `Inbox, ${unread} unread` : "Inbox";
  return (
    <Link
      href="/inbox"
      aria-label={name}
      aria-current={active ? "page" : undefined}
      className={`relative inline-flex items-center gap-1.5 rounded-md px-2.5 py-2 text-sm sm:px-3 font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      {icon}
      <span className="max-sm:sr-only">Inbox</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs font-semibold leading-5 text-white tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
