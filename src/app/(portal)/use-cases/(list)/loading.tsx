/** The list's shape while it loads. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" aria-label="Loading your use cases" className="animate-pulse space-y-6">
      <div className="h-8 w-56 rounded bg-slate-200" />
      <div className="h-10 rounded bg-slate-200" />
      <div className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {[0, 1, 2].map((i) => (
          <div key={i} className="flex items-center justify-between gap-4 p-4">
            <div className="space-y-2">
              <div className="h-4 w-64 rounded bg-slate-200" />
              <div className="h-3 w-40 rounded bg-slate-100" />
            </div>
            <div className="h-6 w-72 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
