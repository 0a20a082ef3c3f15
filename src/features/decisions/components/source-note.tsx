import type { SourceRef } from "~/engine";

/** The sources of a rule that fired: vendor, value, kind (documented or heuristic) and date checked. */
export function SourceNote({ sources }: { sources: readonly SourceRef[] }) {
  if (sources.length === 0) return null;
  return (
    <span className="mt-0.5 block text-xs text-slate-600">
      {sources.map((s, i) => (
        <span key={`${s.id}-${i}`}>
          {i > 0 ? "; " : ""}
          {s.kind === "heuristic" ? "Engine heuristic" : "Documented"}: {s.vendor} {s.value} {s.unit} (
          <a href={s.url} className="underline" target="_blank" rel="noreferrer noopener">
            source
          </a>
          , checked {s.checked})
        </span>
      ))}
    </span>
  );
}
