/** The draft's save state as one short sentence next to the "Save draft" button. */
export type SaveState =
  | { kind: "saved"; at: Date }
  | { kind: "saving" }
  | { kind: "dirty" }
  | { kind: "error"; message: string }
  | { kind: "conflict" }
  /** Answers typed that cannot be saved as they are (unreadable, or out of range): they stay on this page only. */
  | { kind: "invalid"; count: number };

const CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

export function saveStateText(state: SaveState, clock: Intl.DateTimeFormat = CLOCK): string {
  switch (state.kind) {
    case "saved":
      return `Saved · ${clock.format(state.at)}`;
    case "saving":
      return "Saving…";
    case "dirty":
      return "Unsaved changes";
    case "error":
      return `Not saved: ${state.message}`;
    case "conflict":
      return "Not saved: a teammate changed this draft";
    case "invalid":
      return `Not saved: ${state.count === 1 ? "1 answer needs" : `${state.count} answers need`} fixing`;
  }
}

/**
 * The status to show: a conflict first (nothing can be saved), then answers that cannot be saved
 * as typed (the rest of the draft may be saved, but not what the person sees), else the saver's.
 */
export function shownSaveState(saver: SaveState, unsavableAnswers: number): SaveState {
  if (saver.kind === "conflict" || unsavableAnswers === 0) return saver;
  return { kind: "invalid", count: unsavableAnswers };
}

/** True while leaving the page would lose something typed: a change not yet saved, a failed save, or an answer that cannot be saved. */
export function hasUnsavedInput(state: SaveState): boolean {
  return state.kind === "dirty" || state.kind === "saving" || state.kind === "error" || state.kind === "invalid";
}

/**
 * Why the live recommendation, scored on the server from the saved draft, does not show the
 * answers on the page, or null when it does: "Updating…" while a change is on its way (waiting
 * for the autosave, saving, or the server drawing it again), else what keeps it behind.
 */
export function liveStatusText(saver: SaveState, page: { refreshing: boolean; scoredAlike: boolean; unsavable: number }): string | null {
  if (saver.kind === "dirty" || saver.kind === "saving" || page.refreshing) return "Updating…";
  if (saver.kind === "conflict") return "Not updated: a teammate changed this draft.";
  if (saver.kind === "error") return "Not updated: your latest answers are not saved.";
  if (!page.scoredAlike) return "Not updated: the answers on this page are not saved yet.";
  if (page.unsavable > 0) return `Without ${page.unsavable === 1 ? "the answer that needs" : "the answers that need"} fixing.`;
  return null;
}
