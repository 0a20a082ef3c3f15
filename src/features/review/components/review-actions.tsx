"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { announceCountsChanged } from "~/components/shell/use-live-count";

interface ReviewActions {
  /** An action finished (approved, withdrawn…): show `message`, focus it, and re-render the panel from the server. */
  done: (message: string) => void;
  /** Something small happened (a comment added): say it to screen readers and re-render. */
  announce: (message: string) => void;
  /** Re-render the panel from the server (after a conflict); resolves when the new state shows. */
  reload: () => Promise<void>;
}

const Context = createContext<ReviewActions | null>(null);

/** What a review control calls when it has acted (inside ReviewPanelFrame). */
export function useReviewActions(): ReviewActions {
  const actions = useContext(Context);
  if (!actions) throw new Error("useReviewActions is used outside the review panel");
  return actions;
}

/** `router.refresh()` (the server renders the page's review state again) as a promise that settles when it has. */
function useRefresh() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (!pending) for (const resolve of waiting.current.splice(0)) resolve();
  }, [pending]);
  return useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        // The header's inbox and queue counts may have changed too.
        announceCountsChanged();
        startTransition(() => router.refresh());
      }),
    [router],
  );
}

/**
 * The review panel's frame in the browser: its heading and status badge, the message of the
 * last action (focused, so keyboard and screen-reader users hear it), and a live region. The
 * panel itself is rendered on the server (./review-panel); its controls act through
 * `useReviewActions`, and the server renders the new state after each action.
 */
export function ReviewPanelFrame({ badge, children }: { badge: ReactNode; children: ReactNode }) {
  const headingId = useId();
  const refresh = useRefresh();
  const [announcement, setAnnouncement] = useState("");
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const actions = useMemo<ReviewActions>(
    () => ({
      done: (message) => {
        setFlash(message);
        requestAnimationFrame(() => flashRef.current?.focus());
        void refresh();
      },
      announce: (message) => {
        setAnnouncement(message);
        void refresh();
      },
      reload: refresh,
    }),
    [refresh],
  );

  return (
    <section
      id="review"
      tabIndex={-1}
      aria-labelledby={headingId}
      className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm focus:outline-none print:hidden"
      data-testid="review-panel"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          Review
        </h2>
        {badge}
      </div>
      <div className="mt-4 space-y-5">
        <div ref={flashRef} tabIndex={-1} className="outline-none">
          {flash ? <Alert tone="success">{flash}</Alert> : null}
        </div>
        <Context value={actions}>{children}</Context>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
