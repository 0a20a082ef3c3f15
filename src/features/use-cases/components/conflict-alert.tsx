import { Button } from "~/components/ui/button";

/** A teammate changed this use case: say so, and offer a reload rather than overwriting their work. */
export function ConflictAlert({ message }: { message: string }) {
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <p className="font-semibold">This use case changed since you opened it</p>
        <p>{message} Your changes on this page were not saved: note any you want to keep before reloading.</p>
      </div>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </div>
  );
}
