import type { NoFeasibleStrategy as NoFeasible } from "~/engine";
import { SourceNote } from "./source-note";

/**
 * Engine 2.0.0: no strategy is feasible. Per strategy, the rules that block it (with their
 * numbers and sources) and the smallest change to the answers that would make it feasible.
 */
export function NoFeasibleStrategy({ explanation, compact = false }: { explanation: NoFeasible; compact?: boolean }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="no-feasible-strategy">
      <p className="font-semibold">No strategy is feasible for these answers</p>
      <p className="mt-1">{explanation.message}</p>
      <ul className="mt-3 space-y-3">
        {explanation.strategies.map((s) => (
          <li key={s.strategy}>
            <p className="font-medium">{s.label}</p>
            {compact ? null : (
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {s.blockedBy.map((b, i) => (
                  <li key={`${b.rule}-${i}`}>
                    {b.message}
                    <SourceNote sources={b.sources} />
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-1">
              {s.smallestChange.length > 0 ? (
                <>
                  <span className="font-medium">Smallest change: </span>
                  {s.smallestChange.map((c) => c.message).join(" And ")}
                </>
              ) : explanation.changesComputed ? (
                <span>No change to the answers makes it feasible.</span>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
