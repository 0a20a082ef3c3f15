import type { Flip } from "~/engine";

/** "If your latency budget were above 4 s, async would win" — in the engine's own sentences. */
export function FlipsList({ flips, computed }: { flips: readonly Flip[]; computed: boolean }) {
  if (!computed) return <p className="text-sm text-slate-600">What-if answers were not computed for this assessment.</p>;
  if (flips.length === 0) return <p className="text-sm text-slate-600">No single numeric answer nearby would change the recommendation.</p>;
  return (
    <ul className="space-y-2 text-sm text-slate-700">
      {flips.map((f) => (
        <li key={`${f.field}-${f.direction}`} className="flex gap-2">
          <span aria-hidden="true" className="text-slate-400">
            {f.direction === "increase" ? "↑" : "↓"}
          </span>
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
