import Link from "next/link";
import { viaSection } from "~/lib/roles";
import { ENGINE_VERSION, formatPercent, recommendationLabel, type StrategyId } from "~/engine";
import { When } from "~/components/ui/when";
import { criticalityLabel, waitingText } from "../present";
import { ScrollRegion } from "~/components/ui/scroll-region";

export interface QueueRow {
  number: number;
  recommended: StrategyId | null;
  confidence: number;
  criticality: string | null;
  ageDays: number;
  submittedAt: Date;
  submittedBy: { name: string };
  useCase: { id: string; title: string; team: { id: string; name: string } };
  authorIds: readonly string[];
  engineVersion: string;
  /** The current engine would recommend `to` instead (null: nothing feasible); null when unchanged. */
  changedUnderCurrentEngine: { to: StrategyId | null } | null;
}

/** Submitted decisions, oldest first; each title opens the decision; the viewer's own work is marked. */
/** The class of a column that a phone leaves out (its facts show under the title instead). */
const WIDE = "max-md:hidden";

/** The badge of a decision the current engine would recommend otherwise (in the Recommended column; on a phone, under the title). */
function EngineChanged({ row, testId }: { row: QueueRow; testId?: string }) {
  if (!row.changedUnderCurrentEngine) return null;
  return (
    <span className="mt-1 block w-fit rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200" data-testid={testId}>
      Engine {ENGINE_VERSION} would recommend{" "}
      {row.changedUnderCurrentEngine.to ? recommendationLabel(row.changedUnderCurrentEngine.to) : "nothing (no strategy is feasible)"}
      <span className="sr-only"> — scored by engine {row.engineVersion}</span>
    </span>
  );
}

export function QueueTable({ rows, viewerId }: { rows: readonly QueueRow[]; viewerId: string }) {
  return (
    <ScrollRegion label="Decisions waiting for review" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Decisions waiting for review, oldest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              Use case
            </th>
            <th scope="col" className={`px-4 py-3 ${WIDE}`}>
              Team
            </th>
            <th scope="col" className={`px-4 py-3 ${WIDE}`}>
              Recommended
            </th>
            <th scope="col" className={`px-4 py-3 text-right ${WIDE}`}>
              Confidence
            </th>
            <th scope="col" className={`px-4 py-3 ${WIDE}`}>
              Criticality
            </th>
            <th scope="col" className="px-4 py-3">
              Waiting
            </th>
            <th scope="col" className={`px-4 py-3 ${WIDE}`}>
              Submitted by
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const mine = row.authorIds.includes(viewerId);
            return (
              <tr key={`${row.useCase.id}-${row.number}`} className={mine ? "bg-slate-50" : "hover:bg-slate-50"}>
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <Link href={`/use-cases/${row.useCase.id}/versions/${row.number}?${viaSection("review")}`} className="font-semibold text-brand-700 hover:underline">
                    {row.useCase.title}
                  </Link>
                  <span className="block text-xs text-slate-500">Version {row.number}</span>
                  <span className="mt-1 block text-xs text-slate-600 md:hidden">
                    {row.useCase.team.name} · {recommendationLabel(row.recommended)} ({formatPercent(row.confidence)}) · {criticalityLabel(row.criticality)} · by{" "}
                    {row.submittedBy.name}
                  </span>
                  {row.changedUnderCurrentEngine ? (
                    <span className="md:hidden">
                      <EngineChanged row={row} />
                    </span>
                  ) : null}
                  {mine ? (
                    <span className="mt-1 inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200">
                      <span aria-hidden="true">✋</span> You authored or edited this — another reviewer must decide
                    </span>
                  ) : null}
                </th>
                <td className={`px-4 py-3 text-slate-700 ${WIDE}`}>{row.useCase.team.name}</td>
                <td className={`px-4 py-3 text-slate-900 ${WIDE}`}>
                  {recommendationLabel(row.recommended)}
                  {row.changedUnderCurrentEngine ? <EngineChanged row={row} testId="engine-changed" /> : null}
                </td>
                <td className={`px-4 py-3 text-right tabular-nums text-slate-900 ${WIDE}`}>{formatPercent(row.confidence)}</td>
                <td className={`px-4 py-3 text-slate-700 ${WIDE}`}>{criticalityLabel(row.criticality)}</td>
                <td className="px-4 py-3 text-slate-700">
                  <span className="block">{waitingText(row.ageDays)}</span>
                  <span className="block text-xs text-slate-500">
                    <When date={row.submittedAt} />
                  </span>
                </td>
                <td className={`px-4 py-3 text-slate-700 ${WIDE}`}>{row.submittedBy.name}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
