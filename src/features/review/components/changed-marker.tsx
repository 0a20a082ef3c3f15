/** "Changed" in words (and colour): a changed row or cell never relies on colour alone. */
export function ChangedMarker() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">
      <span aria-hidden="true">●</span> changed
    </span>
  );
}
