"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

const COUNTS_CHANGED = "servewise:counts-changed";
const REFRESH_MS = 60_000;

/** Tells the header's live counts to read themselves again (after marking notifications read, a review action…). */
export function announceCountsChanged() {
  window.dispatchEvent(new Event(COUNTS_CHANGED));
}

/**
 * A header count kept fresh without a query library: the server's figure first (and again
 * whenever the layout re-renders with a new one), then read with `load` every minute, when the
 * user moves to another page (the layout is not re-rendered then), when the tab comes back
 * into view, and when `announceCountsChanged()` is called. A failed read keeps the last figure.
 */
export function useLiveCount(load: () => Promise<number>, initial: number): number {
  const [count, setCount] = useState(initial);
  const [seenInitial, setSeenInitial] = useState(initial);
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    setCount(initial);
  }
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const refresh = useCallback(() => {
    loadRef.current().then(setCount, () => undefined);
  }, []);

  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const timer = window.setInterval(refresh, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(COUNTS_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(COUNTS_CHANGED, refresh);
    };
  }, [refresh]);
  return count;
}
