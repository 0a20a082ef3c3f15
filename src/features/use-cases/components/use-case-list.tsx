import Link from "next/link";
import { recommendationLabel } from "~/engine";
import { OutcomeLine } from "~/features/decisions/components/outcome";
import type { OutcomeInput } from "~/features/decisions/present";
import { StatusBadge } from "~/components/ui/status-badge";
import { TagList } from "./use-case-facts";
import { When } from "~/components/ui/when";

export interface UseCaseRow {
  id: string;
  title: string;
  team: { id: string; name: string };
  tags: readonly string[];
  status: string;
  /** The latest version, whose outcome is the row's headline. */
  latest: (OutcomeInput & { number: number }) | null;
  /** The approved version still in force when the latest is not it. */
  inForce: (OutcomeInput & { number: number }) | null;
  updatedAt: Date;
}

/** The use cases as cards: title (a link), team, tags, status, the decision (outcome first), version, last change. */
export function UseCaseList({ rows, showTeam }: { rows: readonly UseCaseRow[]; showTeam: boolean }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Use cases">
      {rows.map((row) => (
        <li key={row.id} className="relative flex flex-col gap-3 p-4 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <h2 className="truncate font-semibold text-slate-900">
              <Link href={`/use-cases/${row.id}`} className="after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-brand-600">
                {row.title}
              </Link>
            </h2>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              {showTeam ? <span>{row.team.name}</span> : null}
              <span>
                Changed <When date={row.updatedAt} />
              </span>
              {row.tags.length > 0 ? <TagList tags={row.tags} /> : null}
            </div>
          </div>
          <dl className="grid shrink-0 grid-cols-3 gap-4 text-sm sm:w-[26rem]">
            <div>
              <dt className="text-xs text-slate-500">Status</dt>
              <dd>
                <StatusBadge status={row.status} />
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Decision</dt>
              <dd>
                {row.latest ? <OutcomeLine version={row.latest} /> : <span className="text-slate-500">Not submitted</span>}
                {row.inForce ? (
                  <span className="mt-0.5 block text-xs text-slate-600">
                    In force: {recommendationLabel(row.inForce.approvedStrategy ?? row.inForce.recommended)} (version {row.inForce.number})
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Latest version</dt>
              <dd className="text-slate-900">{row.latest ? `Version ${row.latest.number}` : <span className="text-slate-500">None</span>}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
