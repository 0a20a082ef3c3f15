import { STRATEGY_DESCRIPTIONS, type Assessment } from "~/engine";
import { estimateFigures } from "../present";
import { ConfidenceSummary } from "./confidence-summary";
import { FigureList } from "./figure-list";
import { NoFeasibleStrategy } from "./no-feasible-strategy";

const SERVING_TEXT = {
  "always-on": "always on",
  "scale-to-zero": "scale to zero when idle (serverless)",
  dedicated: "dedicated endpoint (larger payloads and longer requests)",
} as const;

/** The recommendation and why: strategy, serving mode, the engine's summary, confidence, key figures. */
export function RecommendationSummary({ assessment }: { assessment: Assessment }) {
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">{assessment.recommended === null ? "The engine's result" : "The engine recommends"}</p>
        <p
          className={`text-lg font-semibold tracking-tight ${assessment.recommended === null ? "text-amber-800" : "text-brand-700"}`}
          data-testid="recommended-strategy"
        >
          {assessment.recommendedLabel}
        </p>
        {assessment.recommended !== null ? (
          <p className="mt-1 text-sm text-slate-600">
            {STRATEGY_DESCRIPTIONS[assessment.recommended]}
            {assessment.serving ? ` Serving: ${SERVING_TEXT[assessment.serving]}.` : ""}
          </p>
        ) : null}
      </div>
      {assessment.noFeasibleStrategy ? <NoFeasibleStrategy explanation={assessment.noFeasibleStrategy} /> : null}
      <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800">{assessment.summary}</p>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Key estimates</h3>
          {assessment.recommended === null ? <p className="text-sm text-slate-600">None: no strategy is feasible.</p> : null}
          <FigureList figures={estimateFigures(assessment.recommended, assessment.estimates)} />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Confidence</h3>
          <ConfidenceSummary confidence={assessment.confidence} />
        </div>
      </div>
    </div>
  );
}
