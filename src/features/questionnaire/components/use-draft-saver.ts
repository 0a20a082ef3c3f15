"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftAnswers } from "~/engine/answers";
import { readApiError } from "~/trpc/api-errors";
import { api } from "~/trpc/call";
import { savableDraft } from "../answers";
import type { SaveState } from "../save-status";

export interface DraftSaverEvents {
  /** A save went through (not called once the form has gone away). */
  onSaved?: () => void;
  /** The server refused a save with these messages by path (`answers.latencyBudgetMs`: splitServerErrors). */
  onRefused?: (fieldErrors: Record<string, string[]>) => void;
}

const AUTOSAVE_DELAY_MS = 1500;

/**
 * Saves the draft one request at a time, ~1.5 s after the last change (or at once on demand, and
 * at once when the form goes away), with the revision of the last save as `expectedRevision`. A CONFLICT stops saving for good:
 * a teammate changed the draft, and only a reload may show theirs.
 */
export function useDraftSaver(useCaseId: string, initial: { revision: number; savedAt: Date }, events: DraftSaverEvents = {}) {
  const latestEvents = useRef(events);
  useEffect(() => {
    latestEvents.current = events;
  });
  const mounted = useRef(true);
  const [state, setState] = useState<SaveState>({ kind: "saved", at: initial.savedAt });
  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const revision = useRef(initial.revision);
  const pending = useRef<DraftAnswers | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const conflict = useCallback((message: string) => {
    pending.current = null;
    setConflictMessage(message);
    setState({ kind: "conflict" });
  }, []);

  /** Waits for the request in flight, then sends what is pending (if anything). */
  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    const answers = pending.current;
    if (!answers) return;
    pending.current = null;
    setState({ kind: "saving" });
    const request = api.useCase.saveDraft({ id: useCaseId, expectedRevision: revision.current, answers: savableDraft(answers) }).then(
      (result) => {
        revision.current = result.revision;
        setState(pending.current ? { kind: "dirty" } : { kind: "saved", at: result.savedAt });
        if (mounted.current) latestEvents.current.onSaved?.();
      },
      (error: unknown) => {
        const api = readApiError(error);
        if (api.code === "CONFLICT") return conflict(api.message);
        pending.current ??= answers;
        setState({ kind: "error", message: api.message });
        if (mounted.current && Object.keys(api.fieldErrors).length > 0) latestEvents.current.onRefused?.(api.fieldErrors);
      },
    );
    inflight.current = request.finally(() => {
      inflight.current = null;
    });
    await inflight.current;
  }, [conflict, useCaseId]);

  const schedule = useCallback(
    (answers: DraftAnswers) => {
      if (conflictMessage) return;
      pending.current = answers;
      setState({ kind: "dirty" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [conflictMessage, flush],
  );

  /**
   * Before a submit: stop autosaving and wait for the save in flight, so the submit carries the
   * latest revision (the submit stores the answers itself). Returns that revision, and whether
   * answers waiting to be saved were dropped (a refused submit must schedule them again).
   */
  const settle = useCallback(async (): Promise<{ revision: number; dropped: boolean }> => {
    clearTimeout(timer.current);
    const dropped = pending.current !== null;
    pending.current = null;
    while (inflight.current) await inflight.current;
    return { revision: revision.current, dropped };
  }, []);

  // Leaving the page (any navigation that unmounts the form) sends what is pending at once
  // instead of dropping it with the timer. The request outlives the component.
  const latestFlush = useRef(flush);
  useEffect(() => {
    latestFlush.current = flush;
  }, [flush]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      if (pending.current) void latestFlush.current();
    };
  }, []);

  return {
    state,
    conflictMessage,
    schedule,
    saveNow: (answers: DraftAnswers) => {
      if (conflictMessage) return Promise.resolve();
      pending.current = answers;
      return flush();
    },
    settle,
    /**
     * Before leaving: sends what is pending now and waits for it. True when nothing typed is left
     * unsaved (a conflict counts as settled: only a reload can show the teammate's draft).
     */
    flushBeforeLeaving: async (): Promise<boolean> => {
      await flush();
      return pending.current === null;
    },
    conflict,
    markSaved: (at: Date) => setState({ kind: "saved", at }),
  };
}
