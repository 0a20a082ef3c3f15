import { Button } from "~/components/ui/button";
import { saveStateText, type SaveState } from "../save-status";

/** The draft's save status, "Save draft" and "Submit for review" (described by `#submit-help`, which the page renders on the server). */
export function SaveBar({
  state,
  unanswered,
  submitting,
  onSave,
  onSubmit,
}: {
  state: SaveState;
  unanswered: number;
  submitting: boolean;
  onSave: () => void;
  onSubmit: () => void;
}) {
  const blocked = state.kind === "conflict";
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between">
      <div className="text-sm">
        <p role="status" data-testid="save-status" className={`font-medium ${state.kind === "error" || state.kind === "invalid" || blocked ? "text-red-700" : "text-slate-700"}`}>
          {saveStateText(state)}
        </p>
        <p className="text-xs text-slate-500">
          {unanswered === 0
            ? "Every question is answered."
            : `${unanswered} unanswered question${unanswered === 1 ? "" : "s"} will be submitted as “I don't know”.`}
        </p>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onSave} disabled={blocked || state.kind === "saving" || submitting}>
          Save draft
        </Button>
        <Button onClick={onSubmit} disabled={blocked || submitting} aria-describedby="submit-help">
          {submitting ? "Submitting…" : "Submit for review"}
        </Button>
      </div>
    </div>
  );
}
