"use client";

import dynamic from "next/dynamic";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { assess, ENGINE_VERSION, getQuestion, type DraftAnswers, type PriceTable } from "~/engine";
import { ConfidenceSummary } from "~/features/decisions/components/confidence-summary";
import { FigureList } from "~/features/decisions/components/figure-list";
import { FlipsList } from "~/features/decisions/components/flips-list";
import { NoFeasibleStrategy } from "~/features/decisions/components/no-feasible-strategy";
import { RankingChart } from "~/features/decisions/components/ranking-chart";
import { WarningsList } from "~/features/decisions/components/warnings-list";
import { confidenceText, estimateFigures, tradeoffChartData } from "~/features/decisions/present";
import { previewAnswers } from "../answers";

// The chart's code (visx) loads only where a live recommendation is shown.
const TradeoffChart = dynamic(() => import("~/features/decisions/components/tradeoff-chart").then((m) => m.TradeoffChart), {
  loading: () => <p className="text-xs text-slate-500">Drawing the chart…</p>,
});

/**
 * The engine's assessment of the answers so far, computed in the browser on every change.
 *
 * On wide screens (`lg`) a side panel with everything. Below `lg` it is a summary bar that
 * stays at the bottom of the screen while the questions scroll (the form makes it sticky): the
 * recommended strategy and the confidence, and "Details" expands the rest above it.
 */
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
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();

  return (
    <aside
      aria-labelledby="live-heading"
      className="rounded-xl border border-slate-200 bg-white shadow-sm max-lg:rounded-b-none max-lg:border-brand-100 max-lg:shadow-[0_-4px_16px_rgba(15,23,42,0.12)]"
    >
      <div className="flex items-start justify-between gap-3 p-4 lg:p-5 lg:pb-0">
        <div className="min-w-0">
          <h2 id="live-heading" className="text-sm font-semibold text-slate-900 lg:text-base">
            Live recommendation
          </h2>
          <p className="text-xs text-slate-500 max-lg:hidden">
            Computed in your browser as you answer (engine {ENGINE_VERSION}). The server scores again when you submit.
          </p>
          {assessment ? (
            <div aria-live="polite" aria-atomic="true" className="lg:mt-5">
              <p className="text-sm text-slate-600 max-lg:sr-only">Recommended strategy</p>
              <p
                className={`text-lg font-bold tracking-tight lg:text-xl ${assessment.recommended === null ? "text-amber-800" : "text-brand-700"}`}
                data-testid="live-recommended"
              >
                {assessment.recommendedLabel}
              </p>
              <p className="text-xs text-slate-600 lg:hidden" data-testid="live-confidence">
                Confidence <strong className="tabular-nums">{confidenceText(assessment.confidence)}</strong>
              </p>
            </div>
          ) : (
            <p className="text-sm font-medium text-slate-900 lg:hidden">Needed for a recommendation</p>
          )}
        </div>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => setExpanded((v) => !v)}
          className="inline-flex shrink-0 items-center gap-1 rounded-md px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50 lg:hidden"
        >
          {expanded ? "Hide details" : "Details"}
          <span aria-hidden="true">{expanded ? "▾" : "▴"}</span>
        </button>
      </div>
      <div
        id={detailsId}
        role="region"
        aria-label="Live recommendation details"
        tabIndex={expanded ? 0 : undefined}
        className={`space-y-5 px-4 pb-4 lg:block lg:px-5 lg:pb-5 lg:pt-5 max-lg:max-h-[55vh] max-lg:overflow-y-auto max-lg:border-t max-lg:border-slate-100 max-lg:pt-4 ${expanded ? "" : "max-lg:hidden"}`}
      >
        <p className="text-xs text-slate-500 lg:hidden">
          Computed in your browser as you answer (engine {ENGINE_VERSION}). The server scores again when you submit.
        </p>
        {assessment ? (
          <>
            {assessment.noFeasibleStrategy ? <NoFeasibleStrategy explanation={assessment.noFeasibleStrategy} compact /> : null}
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
      </div>
    </aside>
  );
}
