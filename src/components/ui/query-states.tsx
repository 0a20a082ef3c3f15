import { Alert } from "./alert";
import { Button } from "./button";

export function Spinner() {
  return <span className="h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden="true" />;
}

/** A panel that says what is loading. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div role="status" className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">
      <Spinner />
      {label}
    </div>
  );
}

/** What could not be loaded, why, and a way to try again. */
export function LoadFailed({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <Alert tone="error">
      <p>
        {what} could not be loaded: {message}
      </p>
      <Button variant="secondary" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
