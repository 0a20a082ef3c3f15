import Link from "next/link";
import type { ReactNode } from "react";
import type { Assessment } from "~/engine";
import { buttonClasses } from "~/components/ui/button";
import type { NextAction, OutcomeInput } from "../present";
import { OutcomeHeadline } from "./outcome";
import { RecommendationSummary } from "./recommendation-summary";

/**
 * The top of a decision page, readable at a glance: the decision on record, the next action for
 * the person looking, then the engine's recommendation with its key estimates and confidence.
 * `chart` is the slot for the trade-off picture (each strategy's latency against its cost).
 */
export function DecisionSummary({
  version,
  assessment,
  action,
  chart,
  framed = true,
}: {
  version: OutcomeInput;
  assessment: Assessment;
  action: NextAction | null;
  chart?: ReactNode;
  /** A card of its own with a "Summary" heading (the decision page), or bare inside another card. */
  framed?: boolean;
}) {
  const body = (
    <>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          <OutcomeHeadline version={version} />
        </div>
        {action ? (
          <Link href={action.href} className={buttonClasses("primary", "shrink-0 print:hidden")} data-testid="next-action">
            {action.label}
          </Link>
        ) : null}
      </div>
      <RecommendationSummary assessment={assessment} />
      {chart ? <div data-slot="tradeoff-chart">{chart}</div> : null}
    </>
  );
  if (!framed) return <div className="space-y-5">{body}</div>;
  return (
    <section aria-labelledby="summary" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm print:shadow-none">
      <h2 id="summary" className="sr-only">
        Summary
      </h2>
      {body}
    </section>
  );
}
