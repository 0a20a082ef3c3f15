/** A use case page's shape while it loads. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" aria-label="Loading the use case" className="animate-pulse space-y-6">
      <div className="h-8 w-80 rounded bg-slate-200" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="h-96 rounded-xl border border-slate-200 bg-white" />
        <div className="h-72 rounded-xl border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
