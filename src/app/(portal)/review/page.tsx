import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { QueueFiltersForm } from "~/features/review/components/queue-filters-form";
import { QueueTable } from "~/features/review/components/queue-table";
import { queueCountText } from "~/features/review/present";
import { hasQueueFilters, queueFiltersSearch, readQueueFilters } from "~/features/review/queue-filters";
import { requireActor } from "~/server/auth/session";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Review queue" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(); // reviewers only: review/layout.tsx
  const { values, filter } = readQueueFilters(await searchParams);
  const caller = await getServerCaller();
  const [rows, teams] = await Promise.all([caller.review.queue(filter), caller.team.listAll()]);
  const filtered = hasQueueFilters(values);

  return (
    <>
      <PageHeader
        title="Review queue"
        description="Submitted decisions from every team, oldest first. Open one to read its recommendation, discuss it and decide."
      />
      <QueueFiltersForm key={queueFiltersSearch(values)} values={values} teams={teams} />
      <p role="status" className="mb-3 text-sm text-slate-600" data-testid="queue-summary">
        {filtered ? rows.length === 1 ? "1 decision matches these filters." : `${rows.length} decisions match these filters.` : `${queueCountText(rows.length)}.`}
      </p>
      {rows.length > 0 ? (
        <QueueTable rows={rows} viewerId={actor.id} />
      ) : filtered ? (
        <EmptyState
          icon="⌕"
          title="No submitted decision matches these filters"
          action={
            <Link href="/review" className={buttonClasses("secondary")}>
              Clear filters
            </Link>
          }
        >
          <p>Widen the confidence or age limits, or pick another team or strategy.</p>
        </EmptyState>
      ) : (
        <EmptyState icon="✓" title="Nothing is waiting for review">
          <p>
            Every submitted decision has been approved, rejected or sent back. When a team submits a use case, its recommendation lands here,
            oldest first, for a platform or MLOps lead to decide.
          </p>
          <p>You will also get a note in your inbox.</p>
        </EmptyState>
      )}
    </>
  );
}
