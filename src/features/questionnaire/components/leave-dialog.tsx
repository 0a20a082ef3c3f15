"use client";

import { useEffect, useId, useRef } from "react";
import { Button, buttonClasses } from "~/components/ui/button";

/**
 * "Leave without saving?" as a modal dialog (the browser's own <dialog>: focus stays inside,
 * Escape means stay). Shown when an in-app link is followed while something typed cannot be saved.
 */
export function LeaveDialog({
  open,
  unsavable,
  saveFailed,
  onStay,
  onLeave,
}: {
  open: boolean;
  unsavable: number;
  saveFailed: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const stayButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      stayButton.current?.focus(); // the safe choice has the focus
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Closed here first, so the page is no longer inert when the caller moves the focus to a field.
  const stay = () => {
    ref.current?.close();
    onStay();
  };

  const reasons: string[] = [];
  if (unsavable > 0) {
    reasons.push(
      unsavable === 1
        ? "One answer cannot be saved as typed: it is marked on the form."
        : `${unsavable} answers cannot be saved as typed: they are marked on the form.`,
    );
  }
  if (saveFailed) reasons.push("Your latest changes could not be saved (check your connection).");

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        stay();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Leave without saving?
      </h2>
      <div id={bodyId} className="mt-2 space-y-1 text-sm text-slate-700">
        {reasons.map((r) => (
          <p key={r}>{r}</p>
        ))}
        <p>If you leave now, what you typed there is lost.</p>
      </div>
      <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onLeave}>
          Leave without saving
        </Button>
        <button ref={stayButton} type="button" className={buttonClasses("primary")} onClick={stay}>
          Stay on this page
        </button>
      </div>
    </dialog>
  );
}
