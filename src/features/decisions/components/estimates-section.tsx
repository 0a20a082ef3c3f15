import { STRATEGIES, STRATEGY_LABELS, type Estimates } from "~/engine";
import { describeEstimateInput, estimateFigures } from "../present";
import { FigureList } from "./figure-list";

/** Each feasible strategy's estimate: its figures, the inputs it used and its formula. */
export function EstimatesSection({ estimates }: { estimates: Estimates }) {
  const feasible = STRATEGIES.filter((s) => estimates[s] !== null);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {feasible.map((strategy) => {
        const estimate = estimates[strategy]!;
        return (
          <article key={strategy} aria-labelledby={`estimate-${strategy}`} className="rounded-lg border border-slate-200 p-4">
            <h3 id={`estimate-${strategy}`} className="mb-3 font-semibold text-slate-900">{STRATEGY_LABELS[strategy]}</h3>
            <FigureList figures={estimateFigures(strategy, estimates)} />
            <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Inputs</h4>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-600">
              {Object.entries(estimate.inputs).map(([key, value]) => (
                <li key={key}>{describeEstimateInput(key, value)}</li>
              ))}
            </ul>
            <details className="mt-3 text-xs text-slate-600">
              <summary className="cursor-pointer font-medium text-brand-700">Formula</summary>
              <p className="mt-1">{estimate.formula}</p>
            </details>
          </article>
        );
      })}
    </div>
  );
}
