"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * "Show only changes", on by default: hides the rows marked `data-same` (unchanged answers and
 * figures) inside it. Without JavaScript everything shows; the rows stay in the page either way.
 */
export function ChangesOnly({ children, nothingChanged }: { children: ReactNode; nothingChanged: boolean }) {
  const id = useId();
  const [only, setOnly] = useState(true);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <input
          id={id}
          type="checkbox"
          checked={only}
          onChange={(e) => setOnly(e.target.checked)}
          className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          Show only changes
        </label>
        {only && nothingChanged ? <span className="text-sm text-slate-600">Nothing changed: untick to see every answer and figure.</span> : null}
      </div>
      <div data-only-changes={only} className={only ? "[&_[data-same]]:hidden" : ""}>
        {children}
      </div>
    </div>
  );
}
