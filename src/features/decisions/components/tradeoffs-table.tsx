import { formatDurationMs, formatUsd, STRATEGY_LABELS, type Tradeoff } from "~/engine";
import { ScrollRegion } from "~/components/ui/scroll-region";

/** Latency, cost and complexity of every strategy side by side. */
export function TradeoffsTable({ tradeoffs }: { tradeoffs: readonly Tradeoff[] }) {
  return (
    <ScrollRegion label="Trade-offs of each strategy">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Latency, cost and complexity of each strategy</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">Strategy</th>
            <th scope="col" className="py-2 pr-4 font-semibold">p99 latency</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Cost / month</th>
            <th scope="col" className="py-2 font-semibold">Complexity</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {tradeoffs.map((t) => (
            <tr key={t.strategy}>
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900">{STRATEGY_LABELS[t.strategy]}</th>
              <td className="py-2 pr-4">
                <span className="tabular-nums">{formatDurationMs(t.latency.p99Ms)}</span>
                <span className="block text-xs text-slate-500">{t.latency.note}</span>
              </td>
              <td className="py-2 pr-4">
                <span className="tabular-nums">{formatUsd(t.cost.monthlyUsd)}</span>
                <span className="block text-xs text-slate-500">{t.cost.note}</span>
              </td>
              <td className="py-2">
                <span className="capitalize">{t.complexity.level}</span>
                <span className="block text-xs text-slate-500">{t.complexity.movingParts.join(", ")}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
