import Link from "next/link";
import { formatPercent } from "~/engine";
import { decisionOutcome, type OutcomeInput } from "~/features/decisions/present";
import { StatusBadge } from "~/components/ui/status-badge";
import { When } from "~/components/ui/when";

export interface VersionSummary extends OutcomeInput {
  number: number;
  confidence: number;
  engineVersion: string;
  submittedAt: Date;
  submittedBy: { name: string };
}

/** Every submitted version, newest first, each linking to its decision page. */
export function VersionHistory({ useCaseId, versions, current }: { useCaseId: string; versions: readonly VersionSummary[]; current?: number }) {
  if (versions.length === 0) return <p className="text-sm text-slate-600">Nothing submitted yet: versions appear here when the questionnaire is submitted for review.</p>;
  return (
    <ol className="space-y-2">
      {versions.map((v) => {
        const outcome = decisionOutcome(v);
        return (
        <li key={v.number}>
          <Link
            href={`/use-cases/${useCaseId}/versions/${v.number}`}
            aria-current={v.number === current ? "page" : undefined}
            className={`block rounded-lg border p-3 text-sm transition-colors hover:bg-slate-50 ${v.number === current ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
          >
            <span className="flex items-center justify-between gap-2">
              <span className="font-semibold text-slate-900">Version {v.number}</span>
              <StatusBadge status={v.status} />
            </span>
            <span className="mt-1 block font-medium text-slate-900" data-testid="version-outcome">
              {outcome.short}
              {outcome.byline ? <span className="font-normal text-slate-700"> · {outcome.byline}</span> : null}
            </span>
            <span className="mt-0.5 block text-slate-700">
              {outcome.recommendation} Confidence {formatPercent(v.confidence)}.
            </span>
            <span className="mt-0.5 block text-xs text-slate-600">
              Submitted by {v.submittedBy.name} · <When date={v.submittedAt} /> · engine {v.engineVersion}
            </span>
          </Link>
        </li>
        );
      })}
    </ol>
  );
}
