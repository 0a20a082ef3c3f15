import Link from "next/link";
import { OutcomeLine } from "~/features/decisions/components/outcome";
import { decisionLink, type OutcomeInput } from "~/features/decisions/present";

export interface RecentDecision {
  id: string;
  title: string;
  team: { name: string };
  latest: (OutcomeInput & { number: number }) | null;
}

/** The home page's latest decisions of the viewer's teams, each led by its outcome. */
export function RecentDecisions({ rows }: { rows: readonly RecentDecision[] }) {
  const decided = rows.filter((r) => r.latest !== null).slice(0, 3);
  if (decided.length === 0) return null;
  return (
    <section aria-labelledby="recent-decisions" className="mt-8">
      <h2 id="recent-decisions" className="text-lg font-semibold text-slate-900">
        Your teams&apos; latest decisions
      </h2>
      <ul className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
        {decided.map((row) => (
          <li key={row.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <Link href={decisionLink(row.id, row.latest!.number)} className="font-semibold text-brand-700 hover:underline">
                {row.title}
              </Link>
              <span className="block text-xs text-slate-600">
                {row.team.name} · version {row.latest!.number}
              </span>
            </div>
            <div className="text-sm sm:w-80">
              <OutcomeLine version={row.latest!} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
