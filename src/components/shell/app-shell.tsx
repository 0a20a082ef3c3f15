import Link from "next/link";
import type { ReactNode } from "react";
import { CloseIcon, MenuIcon } from "./icons";
import { MainNav, MobileMenu, type ShellNavItem } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

/**
 * The portal's frame: product name, role-aware navigation, header actions (inbox), the
 * signed-in user, sign-out. Below `md` the links, the user and "Sign out" move into the menu
 * (MobileMenu), so the header is the product name, the actions and "Menu".
 */
export function AppShell({
  nav,
  user,
  actions,
  children,
}: {
  nav: ShellNavItem[];
  user: { name: string; email: string; roleLabel: string };
  /** Header links beside the user (e.g. the inbox). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const accountLink = (
    <Link href="/account" className="hover:underline" title="Your account and password">
      {user.name}
    </Link>
  );
  return (
    <div className="flex min-h-screen flex-col">
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-3 px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-6">
            <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
              <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">
                Sw
              </span>
              Servewise
            </Link>
            <MainNav items={nav} />
          </div>
          <div className="flex items-center gap-2 md:gap-3">
            {actions}
            <div className="hidden text-right md:block" data-testid="current-user">
              <p className="text-sm font-medium text-slate-900">{accountLink}</p>
              <p className="text-xs text-slate-500">
                {user.roleLabel} · {user.email}
              </p>
            </div>
            <div className="hidden md:block">
              <SignOutButton />
            </div>
            <MobileMenu
              items={nav}
              icons={{ open: <CloseIcon />, closed: <MenuIcon /> }}
              account={
                <div className="flex items-center justify-between gap-3 px-3">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">{accountLink}</p>
                    <p className="truncate text-xs text-slate-500">
                      {user.roleLabel} · {user.email}
                    </p>
                  </div>
                  <SignOutButton />
                </div>
              }
            />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white px-4 py-4 text-center text-xs text-slate-500">
        Servewise — batch, real-time, or in between: decided with reasons, reviewed, and on the record.
      </footer>
    </div>
  );
}
