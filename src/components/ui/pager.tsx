import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

export interface PagerStep {
  label: ReactNode;
  disabled: boolean;
  onClick: () => void;
}

/**
 * Keyset pagination controls: a live summary of what the page shows, buttons to move
 * between pages, and the error of a page that could not be loaded.
 */
export function Pager({
  label,
  summary,
  summaryTestId,
  steps,
  error,
}: {
  label: string;
  summary: ReactNode;
  summaryTestId?: string;
  steps: PagerStep[];
  error?: string | null;
}) {
  return (
    <>
      <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid={summaryTestId}>
          {summary}
        </p>
        <div className="flex gap-2">
          {steps.map((step, index) => (
            <Button key={index} variant="secondary" className="disabled:opacity-50" disabled={step.disabled} onClick={step.onClick}>
              {step.label}
            </Button>
          ))}
        </div>
      </nav>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">That page could not be loaded: {error}</Alert>
        </div>
      ) : null}
    </>
  );
}
