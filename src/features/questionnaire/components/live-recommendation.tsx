"use client";

import dynamic from "next/dynamic";
import { useDeferredValue, useMemo } from "react";
import { assess, ENGINE_VERSION, getQuestion, type DraftAnswers, type PriceTable } from "~/engine";
import { ConfidenceSummary } from "~/features/decisions/components/confidence-summary";
import { FigureList } from "~/features/decisions/components/figure-list";
import { FlipsList } from "~/features/decisions/components/flips-list";
import { RankingChart } from "~/features/decisions/components/ranking-chart";
import { WarningsList } from "~/features/decisions/components/warnings-list";
import { estimateFigures, tradeoffChartData } from "~/features/decisions/present";
import { previewAnswers } from "../answers";

// The chart's code (visx) loads only where a live recommendation is shown.
const TradeoffChart = dynamic(() => import("~/features/decisions/components/tradeoff-chart").then((m) => m.TradeoffChart), {
  loading: () => <p className="text-xs text-slate-500">Drawing the chart…</p>,
});

/** The engine's assessment of the answers so far, computed in the browser on every change. */
export function LiveRecommendation({
  draft,
  prices,
  onAnswerConsumer,
}: {
  draft: DraftAnswers;
  /** The organisation's price table, so the preview costs match the server's score. */
  prices: PriceTable;
  onAnswerConsumer: () => void;
}) {
  const deferred = useDeferredValue(draft);
  const { answers, assessment } = useMemo(() => {
    const answers = previewAnswers(deferred);
    return { answers, assessment: answers ? assess(answers, { prices }) : null };
  }, [deferred, prices]);

  return (
    <aside aria-labelledby="live-heading" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <h2 id="live-heading" className="text-base font-semibold text-slate-900">
          Live recommendation
        </h2>
        <p className="text-xs text-slate-500">Computed in your browser as you answer (engine {ENGINE_VERSION}). The server scores again when you submit.</p>
      </div>
      {assessment ? (
        <>
          <div aria-live="polite" aria-atomic="true">
            <p className="text-sm text-slate-600">Recommended strategy</p>
            <p className="text-xl font-bold tracking-tight text-brand-700" data-testid="live-recommended">
              {assessment.recommendedLabel}
            </p>
          </div>
          <ConfidenceSummary confidence={assessment.confidence} />
          <section aria-labelledby="live-estimates">
            <h3 id="live-estimates" className="mb-2 text-sm font-semibold text-slate-900">Key estimates</h3>
            <FigureList figures={estimateFigures(assessment.recommended, assessment.estimates)} />
          </section>
          <section aria-labelledby="live-tradeoffs">
            <h3 id="live-tradeoffs" className="mb-2 text-sm font-semibold text-slate-900">Latency against cost</h3>
            <TradeoffChart id="live-tradeoffs" data={tradeoffChartData(assessment, answers ?? {})} small title="Live trade-offs: latency against monthly cost" />
          </section>
          <section aria-labelledby="live-ranking">
            <h3 id="live-ranking" className="mb-2 text-sm font-semibold text-slate-900">Ranking</h3>
            <RankingChart ranking={assessment.ranking} showReasons={false} />
          </section>
          <section aria-labelledby="live-flips">
            <h3 id="live-flips" className="mb-2 text-sm font-semibold text-slate-900">What would change it</h3>
            <FlipsList flips={assessment.flips} computed={assessment.flipsComputed} />
          </section>
          <section aria-labelledby="live-warnings">
            <h3 id="live-warnings" className="mb-2 text-sm font-semibold text-slate-900">Warnings and unknowns</h3>
            <WarningsList warnings={assessment.warnings} unknownFields={assessment.unknownFields} />
          </section>
        </>
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-700">
          <p className="font-medium text-slate-900">Needed for a recommendation</p>
          <p className="mt-1">
            Answer <q>{getQuestion("consumer")?.label}</q> first: who waits for a prediction decides most of the architecture. Every other
            answer refines the ranking, and you may answer “I don&apos;t know”.
          </p>
          <button type="button" onClick={onAnswerConsumer} className="mt-3 text-sm font-semibold text-brand-700 hover:underline">
            Go to that question
          </button>
        </div>
      )}
    </aside>
  );
}
