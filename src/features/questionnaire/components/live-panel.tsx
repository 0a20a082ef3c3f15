"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { AnswerField } from "~/engine/answer-constants";

/**
 * The small client pieces of the live recommendation, which is scored and drawn on the server
 * (./live-recommendation): the form tells them, through this context, whether the panel is up
 * to date with the answers on the page, and how to jump to a question.
 */
export interface LiveState {
  /** null: the panel shows the answers on the page; else why it does not (yet). */
  status: string | null;
  goToQuestion: (field: AnswerField) => void;
}

const LiveContext = createContext<LiveState | null>(null);

export function LiveProvider({ value, children }: { value: LiveState; children: ReactNode }) {
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** "Updating…" while a change is on its way to the server, or why the panel lags behind the page. */
export function LiveStatus() {
  const status = useContext(LiveContext)?.status ?? null;
  return (
    <p className="text-xs font-medium text-amber-800" data-testid="live-status">
      {status}
    </p>
  );
}

/** Moves to a question of the form (its step, then its input). */
export function GoToQuestion({ field, children }: { field: AnswerField; children: ReactNode }) {
  const live = useContext(LiveContext);
  return (
    <button type="button" onClick={() => live?.goToQuestion(field)} className="mt-3 text-sm font-semibold text-brand-700 hover:underline">
      {children}
    </button>
  );
}

/**
 * Below `lg`, the summary bar's "Details" toggle. The details region it controls is drawn on the
 * server (LiveRecommendation): CSS shows it while this button says it is expanded, and from `lg`
 * up, where everything shows, the button is hidden. An expanded region scrolls, so it takes focus.
 */
export function DetailsToggle({ controls }: { controls: string }) {
  const [expanded, setExpanded] = useState(false);
  useEffect(() => {
    const region = document.getElementById(controls);
    if (region) region.tabIndex = expanded ? 0 : -1;
  }, [controls, expanded]);
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={() => setExpanded((v) => !v)}
      className="inline-flex shrink-0 items-center gap-1 rounded-md px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50 lg:hidden"
    >
      {expanded ? "Hide details" : "Details"}
      <span aria-hidden="true">{expanded ? "▾" : "▴"}</span>
    </button>
  );
}
