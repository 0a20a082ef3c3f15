/** The draft's save state as one short sentence next to the "Save draft" button. */
export type SaveState =
  | { kind: "saved"; at: Date }
  | { kind: "saving" }
  | { kind: "dirty" }
  | { kind: "error"; message: string }
  | { kind: "conflict" };

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
  }
}
