import { recommendationLabel, STRATEGY_LABELS, type StrategyId } from "~/engine/strategies";
import { ReopenButton } from "./reopen-button";
import type { Reevaluation } from "./types";

const SHOWN = 6;

/**
 * The engine changed since this decision: what today's engine would recommend and which figures
 * moved; a reviewer may open version N+1 scored by the current engine (one key per intent, so a
 * double click opens one version).
 */
export function ReevaluationNotice({
  reevaluation,
  recommended,
  engineVersion,
  useCaseId,
  number,
  canReopen,
  reopenBlockedReason,
}: {
  reevaluation: Reevaluation;
  recommended: StrategyId | null;
  engineVersion: string;
  useCaseId: string;
  number: number;
  canReopen: boolean;
  reopenBlockedReason: string | null;
}) {
  const differences = reevaluation.differences;

  return (
    <div className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900" data-testid="reevaluation">
      <p className="font-semibold">
        Today&apos;s engine ({reevaluation.engineVersion}) would recommend {reevaluation.recommended === null ? "no strategy (none is feasible)" : STRATEGY_LABELS[reevaluation.recommended]}
        {reevaluation.changed ? ` instead of ${recommendationLabel(recommended)}` : ", as before"}.
      </p>
      <p className="mt-1 text-brand-900/80">This decision was scored by engine {engineVersion}.</p>
      {differences.length > 0 ? (
        <details className="mt-2" open={differences.length <= SHOWN}>
          <summary className="cursor-pointer font-medium">
            {differences.length} difference{differences.length === 1 ? "" : "s"} in the assessment
          </summary>
          <ul className="mt-1 space-y-0.5">
            {differences.map((d) => (
              <li key={d.path}>
                {d.label}: {d.beforeText} <span role="img" aria-label="becomes">→</span> {d.afterText}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="mt-1">The recommendation, scores and estimates are the same.</p>
      )}
      {canReopen ? (
        <ReopenButton useCaseId={useCaseId} number={number} />
      ) : reopenBlockedReason ? (
        <p className="mt-2 text-brand-900/80">{reopenBlockedReason}</p>
      ) : null}
    </div>
  );
}
