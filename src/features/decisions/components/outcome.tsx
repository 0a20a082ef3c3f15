import { When } from "~/components/ui/when";
import { decisionOutcome, type DecisionOutcome, type OutcomeInput } from "../present";

const TONE: Record<DecisionOutcome["kind"], string> = {
  approved: "border-emerald-300 bg-emerald-50 text-emerald-950",
  superseded: "border-slate-300 bg-slate-50 text-slate-900",
  rejected: "border-red-300 bg-red-50 text-red-950",
  "changes-requested": "border-amber-300 bg-amber-50 text-amber-950",
  "awaiting-review": "border-brand-100 bg-brand-50 text-slate-900",
  withdrawn: "border-slate-300 bg-slate-50 text-slate-900",
};

const ICON: Record<DecisionOutcome["kind"], string> = {
  approved: "✓",
  superseded: "↻",
  rejected: "✕",
  "changes-requested": "✎",
  "awaiting-review": "⏳",
  withdrawn: "↩",
};

/**
 * The decision on record as a headline (approved strategy, by whom, when, override or not),
 * with the engine's recommendation second. `as` picks the heading level for the page it sits on.
 */
export function OutcomeHeadline({ version, as: Heading = "p" }: { version: OutcomeInput; as?: "h2" | "h3" | "p" }) {
  const outcome = decisionOutcome(version);
  return (
    <div className={`rounded-lg border p-4 ${TONE[outcome.kind]}`} data-testid="decision-outcome" data-outcome={outcome.kind}>
      <Heading className="flex flex-wrap items-center gap-x-2 text-xl font-bold tracking-tight" data-testid="outcome-headline">
        <span aria-hidden="true">{ICON[outcome.kind]}</span>
        {outcome.headline}
        {outcome.isOverride ? (
          <span className="rounded-full bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-inset ring-amber-400">Override</span>
        ) : null}
      </Heading>
      {outcome.byline ? (
        <p className="mt-1 text-sm" data-testid="outcome-byline">
          {outcome.byline}
          {outcome.at ? (
            <>
              , <When date={outcome.at} />
            </>
          ) : null}
          .
        </p>
      ) : null}
      <p className="mt-1 text-sm" data-testid="outcome-recommendation">
        {outcome.recommendation}
      </p>
    </div>
  );
}

/** The outcome in one line, for lists: "Hybrid (override)" then, smaller, the engine's advice. */
export function OutcomeLine({ version }: { version: OutcomeInput }) {
  const outcome = decisionOutcome(version);
  return (
    <span className="block" data-testid="outcome-line">
      <span className="block font-medium text-slate-900">
        {outcome.strategy ? <span className="sr-only">Approved: </span> : null}
        {outcome.short}
      </span>
      <span className="block text-xs text-slate-600">{outcome.recommendation}</span>
    </span>
  );
}
