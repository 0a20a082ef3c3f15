import { STRATEGY_DESCRIPTIONS, type Assessment } from "~/engine";
import { estimateFigures } from "../present";
import { ConfidenceSummary } from "./confidence-summary";
import { FigureList } from "./figure-list";

/** The recommendation and why: strategy, serving mode, the engine's summary, confidence, key figures. */
export function RecommendationSummary({ assessment }: { assessment: Assessment }) {
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">The engine recommends</p>
        <p className="text-lg font-semibold tracking-tight text-brand-700" data-testid="recommended-strategy">
          {assessment.recommendedLabel}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {STRATEGY_DESCRIPTIONS[assessment.recommended]}
          {assessment.serving ? ` Serving: ${assessment.serving === "always-on" ? "always on" : "scale to zero when idle"}.` : ""}
        </p>
      </div>
      <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800">{assessment.summary}</p>
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Key estimates</h3>
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
