"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** Where an in-app link click would go, or null for clicks this guard leaves alone. */
function inAppDestination(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest<HTMLAnchorElement>("a[href]");
  if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null; // another site: the browser's beforeunload asks
  const here = window.location;
  if (url.pathname === here.pathname && url.search === here.search && url.hash) return null; // a jump within the page
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Typed input is never lost silently when leaving the questionnaire:
 * - an in-app link (nav, breadcrumbs, anything) waits for the pending save, then goes; when
 *   something cannot be saved (an unreadable answer, a failed save) it asks first (`asking`);
 * - reloading or closing the tab asks through the browser (beforeunload);
 * - hiding the page (switching tabs, locking the phone, the first step of closing) saves at once.
 * Navigations the guard cannot hold (the browser's back button) still save what is pending when
 * the form unmounts (useDraftSaver).
 */
export function useLeaveGuard({
  unsaved,
  unsavable,
  flush,
}: {
  /** Something typed is not saved yet (pending, saving, or a save that failed). */
  unsaved: boolean;
  /** Answers that cannot be saved as typed. */
  unsavable: number;
  /** Sends what is pending and waits: true when everything savable is saved. */
  flush: () => Promise<boolean>;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState<{ href: string; saveFailed: boolean } | null>(null);
  const latest = useRef({ unsaved, unsavable, flush });
  useEffect(() => {
    latest.current = { unsaved, unsavable, flush };
  });

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const { unsaved: dirty, unsavable: invalid } = latest.current;
      if (!dirty && invalid === 0) return;
      const href = inAppDestination(event);
      if (!href) return;
      // Before Next's <Link> (React listens on the root, below the document) sees the click.
      event.preventDefault();
      event.stopPropagation();
      void (async () => {
        const saved = await latest.current.flush();
        if (saved && invalid === 0) router.push(href);
        else setAsking({ href, saveFailed: !saved });
      })();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (latest.current.unsaved || latest.current.unsavable > 0) event.preventDefault();
    };
    const onHide = () => {
      if (latest.current.unsaved) void latest.current.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onHide();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router]);

  return {
    asking,
    stay: () => setAsking(null),
    leave: () => {
      const href = asking?.href;
      setAsking(null);
      if (href) router.push(href);
    },
  };
}
