/** The inbox's shape while it loads. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" aria-label="Loading your inbox" className="animate-pulse space-y-6">
      <div className="h-8 w-40 rounded bg-slate-200" />
      <div className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-2 p-4">
            <div className="h-3 w-48 rounded bg-slate-100" />
            <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
