import "server-only";
import { assess, ENGINE_VERSION, getQuestion, type DraftAnswers, type PriceTable } from "~/engine";
import { ConfidenceSummary } from "~/features/decisions/components/confidence-summary";
import { FigureList } from "~/features/decisions/components/figure-list";
import { FlipsList } from "~/features/decisions/components/flips-list";
import { NoFeasibleStrategy } from "~/features/decisions/components/no-feasible-strategy";
import { RankingChart } from "~/features/decisions/components/ranking-chart";
import { TradeoffChart } from "~/features/decisions/components/tradeoff-chart";
import { WarningsList } from "~/features/decisions/components/warnings-list";
import { confidenceText, estimateFigures, tradeoffChartData } from "~/features/decisions/present";
import { scorableAnswers } from "../score";
import { DetailsToggle, GoToQuestion, LiveStatus } from "./live-panel";

/**
 * The engine's assessment of the saved draft, scored and drawn on the server (no engine, zod or
 * chart code in the browser). The questionnaire form shows it beside the questions and asks
 * the server for it again after each autosave; `LiveStatus` says when it lags behind the page.
 *
 * On wide screens (`lg`) a side panel with everything. Below `lg` it is a summary bar that
 * stays at the bottom of the screen while the questions scroll (sticky, beside the form): the
 * recommended strategy and the confidence, and "Details" expands the rest above it.
 */
const DETAILS_ID = "live-details";

export function LiveRecommendation({
  draft,
  prices,
}: {
  /** The draft as saved. */
  draft: DraftAnswers;
  /** The organisation's price table, so the figures match the score on submission. */
  prices: PriceTable;
}) {
  const answers = scorableAnswers(draft);
  const assessment = answers ? assess(answers, { prices }) : null;
  const origin = `Scored on the server from your saved answers (engine ${ENGINE_VERSION}). It is scored again when you submit.`;

  return (
    // Below lg: a summary bar stuck to the bottom of the screen while the questions scroll.
    <div
      data-live-summary
      className="sticky bottom-0 z-30 -mx-4 sm:mx-0 lg:top-4 lg:bottom-auto lg:z-auto lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
    >
      <aside
        aria-labelledby="live-heading"
        className="group/live rounded-xl border border-slate-200 bg-white shadow-sm max-lg:rounded-b-none max-lg:border-brand-100 max-lg:shadow-[0_-4px_16px_rgba(15,23,42,0.12)]"
      >
        <div className="flex items-start justify-between gap-3 p-4 lg:p-5 lg:pb-0">
          <div className="min-w-0">
            <h2 id="live-heading" className="text-sm font-semibold text-slate-900 lg:text-base">
              Live recommendation
            </h2>
            <p className="text-xs text-slate-500 max-lg:hidden">{origin}</p>
            <LiveStatus />
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
          <DetailsToggle controls={DETAILS_ID} />
        </div>
        {/* Below lg, hidden until the toggle says expanded (then it scrolls within the bar); from lg up, always shown. */}
        <div
          id={DETAILS_ID}
          role="region"
          aria-label="Live recommendation details"
          className="space-y-5 px-4 pb-4 lg:px-5 lg:pb-5 lg:pt-5 max-lg:hidden max-lg:max-h-[55vh] max-lg:overflow-y-auto max-lg:border-t max-lg:border-slate-100 max-lg:pt-4 max-lg:group-has-[[aria-controls=live-details][aria-expanded=true]]/live:block"
        >
          <p className="text-xs text-slate-500 lg:hidden">{origin}</p>
          {assessment && answers ? (
            <>
              {assessment.noFeasibleStrategy ? <NoFeasibleStrategy explanation={assessment.noFeasibleStrategy} compact /> : null}
              <ConfidenceSummary confidence={assessment.confidence} />
              <section aria-labelledby="live-estimates">
                <h3 id="live-estimates" className="mb-2 text-sm font-semibold text-slate-900">Key estimates</h3>
                <FigureList figures={estimateFigures(assessment.recommended, assessment.estimates)} />
              </section>
              <section aria-labelledby="live-tradeoffs">
                <h3 id="live-tradeoffs" className="mb-2 text-sm font-semibold text-slate-900">Latency against cost</h3>
                <TradeoffChart id="live-tradeoffs" data={tradeoffChartData(assessment, answers)} small title="Live trade-offs: latency against monthly cost" />
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
            <div className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-700" data-testid="live-needs-consumer">
              <p className="font-medium text-slate-900">Needed for a recommendation</p>
              <p className="mt-1">
                Answer <q>{getQuestion("consumer")?.label}</q> first: who waits for a prediction decides most of the architecture. Every other answer
                refines the ranking, and you may answer “I don&apos;t know”.
              </p>
              <GoToQuestion field="consumer">Go to that question</GoToQuestion>
            </div>
          )}
        </div>
      </aside>
    </div>
  );
}
