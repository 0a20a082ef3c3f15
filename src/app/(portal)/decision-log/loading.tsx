/**
 * The decision log while it loads. Loading boundaries sit only above pages that never answer
 * 404: a page under one has streamed a 200 before it could call notFound().
 */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex min-h-[40vh] items-center justify-center text-sm text-slate-500">
      <span className="mr-3 h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden="true" />
      Loading…
    </div>
  );
}
